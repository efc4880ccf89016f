// Site search in the browser: loads the language's index (made by
// internal/search) from this site on first use and searches it here.
// Nothing is sent anywhere but the requests for the indexes: one file on a
// small site; on a large one a manifest, then the shards of the query's
// words and the page files of the results shown (see internal/search's
// package doc). When the reader's language has fewer than data-few
// results, the other languages' indexes are loaded and searched too, and
// their pages listed below, each marked with its language. Without
// JavaScript the form stays hidden, a note says searching needs it, and
// the page's list of pages is the way to find a page.
(() => {
  'use strict';
  const form = document.querySelector('form[data-index]');
  if (!form || !window.fetch || !''.normalize) return;
  const d = form.dataset;
  const input = form.querySelector('input');
  const status = form.querySelector('[role=status]');
  const list = form.querySelector('#search-results');
  const otherList = form.querySelector('#search-others');
  const otherTitle = form.querySelector('#search-others-title');
  const max = +d.max || 20;
  const few = +d.few || 0;
  const root = document.documentElement;
  const plural = new Intl.PluralRules(root.lang);

  // The analyser reads text as internal/search's Analyzer does in Go,
  // step by step (see "Analysis" in its package doc): NFKC and lower
  // case; words of letters, marks and digits; scripts written without
  // spaces cut into pairs of characters; each word folded to its key
  // (marks dropped where readers leave them out, letters spelt out, the
  // language's digraphs). internal/search's test runs the lines between
  // the two analyse markers below in node and compares them with Go.
  // analyse:begin
  const SEP = 0;
  const MARK = 1;
  const DIGIT = 2;
  const UNIT = 3;
  const COMMON = 4;
  const LETTER = 5;
  const re = {
    mark: /\p{M}/u,
    nonspacing: /[\p{Mn}\p{Me}]/u,
    mn: /\p{Mn}/gu,
    digit: /\p{Nd}/u,
    letter: /\p{L}/u,
    unit: /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\p{sc=Bopomofo}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tai_Tham}\p{sc=New_Tai_Lue}\p{sc=Tai_Le}\p{sc=Tai_Viet}]/u,
    common: /[\p{sc=Common}\p{sc=Inherited}]/u,
    markScript: /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Armenian}\p{sc=Hebrew}\p{sc=Arabic}\p{sc=Syriac}\p{sc=Common}]/u,
    cyrillic: /\p{sc=Cyrillic}/u,
  };
  const letterFolds = {
    'æ': 'ae', 'ø': 'o', 'œ': 'oe', 'ß': 'ss', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i',
    'ħ': 'h', 'ŧ': 't', 'ĸ': 'q', 'ς': 'σ', 'ё': 'е', 'ѐ': 'е', 'ѝ': 'и',
    'ى': 'ی', 'ي': 'ی', 'ك': 'ک', 'ة': 'ه', 'ۀ': 'ه', 'ـ': '',
  };
  for (let i = 0; i < 10; i++) {
    letterFolds[String.fromCharCode(0x660 + i)] = String(i);
    letterFolds[String.fromCharCode(0x6f0 + i)] = String(i);
  }
  const classOf = (c) => {
    if (re.mark.test(c)) return MARK;
    if (re.digit.test(c)) return DIGIT;
    if (!re.letter.test(c)) return SEP;
    if (re.unit.test(c)) return UNIT;
    if (re.common.test(c)) return COMMON;
    return LETTER;
  };
  // scan calls word with each word, in lower case, and unit with each
  // unit of a script written without spaces: the pairs of a run, and
  // with index its last character; a run of one character is that.
  const scan = (s, index, word, unit) => {
    let w = '';
    let units = [];
    let cur = '';
    let seg = SEP;
    const flushWord = () => {
      if (w) word(w);
      w = '';
    };
    const flushUnits = () => {
      if (cur) units.push(cur);
      cur = '';
      if (units.length === 1) unit(units[0]);
      for (let i = 0; units.length > 1 && i + 1 < units.length; i++) unit(units[i] + units[i + 1]);
      if (index && units.length > 1) unit(units[units.length - 1]);
      units = [];
    };
    for (const ch of s.normalize('NFKC').toLowerCase()) {
      let c = classOf(ch);
      if (c === COMMON) c = seg === UNIT ? UNIT : LETTER;
      if (c === SEP) {
        flushWord();
        flushUnits();
        seg = SEP;
      } else if (c === MARK) {
        if (seg === UNIT) cur += ch;
        else {
          w += ch;
          seg = LETTER;
        }
      } else if (c === UNIT) {
        if (seg !== UNIT) {
          flushWord();
          seg = UNIT;
        }
        if (cur) units.push(cur);
        cur = ch;
      } else {
        if (seg === UNIT) flushUnits();
        seg = LETTER;
        w += ch;
      }
    }
    flushWord();
    flushUnits();
  };
  // analyser returns the reader of a language with the digraphs fold (an
  // index's "fold"): text -> its tokens, [key, isUnit] each.
  const analyser = (fold) => {
    const pairs = Object.keys(fold || {});
    const digraphs = pairs.length ? new RegExp(pairs.join('|'), 'g') : null;
    const key = (w) => {
      let out = '';
      let drop = true; // the marks after the last letter are dropped
      for (const c of w) {
        if (c.codePointAt(0) < 0x80) {
          out += c;
          drop = true;
        } else if (letterFolds[c] !== undefined) {
          out += letterFolds[c];
          drop = true;
        } else if (re.nonspacing.test(c)) {
          if (!drop) out += c;
        } else if (re.mark.test(c) || !re.markScript.test(c)) {
          out += c;
          drop = drop && re.mark.test(c);
        } else {
          drop = true;
          // The letter without its marks, folded too: Arabic ئ is ي, then ی.
          if (re.cyrillic.test(c)) out += c;
          else for (const p of c.normalize('NFD').replace(re.mn, '')) out += letterFolds[p] !== undefined ? letterFolds[p] : p;
        }
      }
      return digraphs && out.length > 1 ? out.replace(digraphs, (m) => fold[m]) : out;
    };
    return (s, index) => {
      const out = [];
      scan(s || '', index, (w) => {
        const k = key(w);
        if (k) out.push([k, false]);
      }, (u) => out.push([u, true]));
      return out;
    };
  };
  // analyse:end

  const get = (url, opts) => fetch(url, Object.assign({ credentials: 'same-origin' }, opts))
    .then((r) => {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });

  // cmp compares strings by code points, as Go orders the shards' keys.
  const cmp = (a, b) => {
    const x = [...a];
    const y = [...b];
    for (let i = 0; i < x.length && i < y.length; i++) {
      if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
    }
    return x.length - y.length;
  };
  const len = (s) => [...s].length;

  // fallbackStems reads a word in no page of the index as a stem of the
  // index and one of the endings its stemmer took off words (suffixes),
  // the longest stem first: find(candidate) returns its stem or nothing.
  const fallbackStems = async (w, suffixes, find) => {
    for (const x of suffixes) {
      if (w.endsWith(x) && len(w) - len(x) >= 3) {
        const s = await find(w.slice(0, w.length - x.length));
        if (s) return [s];
      }
    }
    return [];
  };
  const suffixList = (s) => (s ? s.split(' ') : []).sort((a, b) => len(a) - len(b) || cmp(a, b));

  // A single-file index, prepared: each page's fields as stems.
  const single = (ix) => {
    const tokens = analyser(ix.fold);
    const stemOf = new Map();
    for (const [stem, items] of Object.entries(ix.forms || {})) {
      const chars = [...stem];
      for (const it of items.split(' ')) {
        const drop = it.length - it.replace(/^-+/, '').length;
        stemOf.set(chars.slice(0, chars.length - drop).join('') + it.slice(drop), stem);
      }
    }
    const words = new Set(stemOf.keys());
    const stems = (s) => tokens(s, true).map(([k]) => {
      const st = stemOf.get(k) || k;
      words.add(st);
      return st;
    });
    const pages = ix.pages.map((p) => {
      const b = p.b ? p.b.split(' ') : [];
      const at = [];
      let o = 0;
      for (const s of b) {
        at.push(o);
        words.add(s);
        o += 1 + s.length;
      }
      return {
        p, t: stems(p.t), h: stems((p.h || []).join(' ')), d: stems(p.d), s: stems(p.s), b, at, blen: o || 1,
      };
    });
    const sorted = [...words].sort();
    const suffixes = suffixList(ix.suffixes);
    // match returns the stems the query word w begins (by their keys),
    // else the fallback's.
    const match = async (w, unit) => {
      const out = new Set();
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid] < w) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < sorted.length && sorted[i].startsWith(w); i++) out.add(stemOf.get(sorted[i]) || sorted[i]);
      if (!out.size && !unit) {
        for (const s of await fallbackStems(w, suffixes, (c) => words.has(c) && (stemOf.get(c) || c))) out.add(s);
      }
      return out;
    };
    // search returns the matching pages, best first: every query word must
    // match a stem of the page. A stem in the title counts most, then in a
    // heading, the description, the section and the body (where the
    // page's most frequent stems come first).
    const search = async (q) => {
      const qw = tokens(q, false);
      const ms = await Promise.all(qw.map(([w, unit]) => match(w, unit)));
      const hits = [];
      for (let i = 0; i < pages.length; i++) {
        const e = pages[i];
        let score = 0;
        for (const m of ms) {
          const has = (f) => f.some((s) => m.has(s));
          let s = has(e.t) ? 100 : has(e.h) ? 30 : has(e.d) ? 12 : has(e.s) ? 10 : 0;
          if (!s) {
            const j = e.b.findIndex((x) => m.has(x));
            if (j < 0) {
              score = -1;
              break;
            }
            s = 1 + 4 * (1 - e.at[j] / e.blen);
          }
          score += s;
        }
        if (score < 0) continue;
        if (ms.length > 1 && e.t.some((_, j) => ms.every((m, k) => m.has(e.t[j + k])))) score += 200;
        hits.push([score, i]);
      }
      hits.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      return { hits, pages: hits.slice(0, max).map(([, i]) => pages[i].p) };
    };
    return search;
  };

  // A split index: the manifest, and its files fetched once each:
  // t<n>.json, a shard of terms; p<n>.json, the data of chunk pages.
  const split = (man, base) => {
    const tokens = analyser(man.fold);
    const suffixes = suffixList(man.suffixes);
    const files = new Map();
    const file = (name) => {
      let f = files.get(name);
      if (!f) {
        f = get(new URL(name, base)).catch((e) => {
          files.delete(name);
          throw e;
        });
        files.set(name, f);
      }
      return f;
    };
    // shards returns the numbers of the shards that hold w, or with prefix
    // the terms that begin with w: the last shard whose first term is not
    // after w, and those after it whose first terms begin with w.
    const shards = (w, prefix) => {
      let lo = 0;
      let hi = man.shards.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cmp(man.shards[mid], w) <= 0) lo = mid + 1;
        else hi = mid;
      }
      const out = [Math.max(lo - 1, 0)];
      while (prefix && lo < man.shards.length && man.shards[lo].startsWith(w)) out.push(lo++);
      return out;
    };
    const entry = (t) => file('t' + shards(t, false)[0] + '.json').then((s) => s[t]);
    const stemOf = (t, v) => (Array.isArray(v) ? v[0] : t);
    const postingsOf = (v) => (Array.isArray(v) ? v[1] : v);
    // symbol scores a posting's symbol as search scores the field: A-P the
    // title (A-O with the word's position in it), Q a heading, R the
    // description, S the section, a... the body, by level.
    const symbol = (c) => c <= 80 ? 100 : c === 81 ? 30 : c === 82 ? 12 : c === 83 ? 10 :
      1 + 4 * (c - 97 + 0.5) / man.levels;
    // match returns the stems a query word leads to: with prefix those of
    // the keys it begins, else its own key's; else the fallback's.
    const match = async (w, prefix, unit) => {
      const ts = await Promise.all(shards(w, prefix).map((i) => file('t' + i + '.json')));
      const out = new Set();
      for (const t of ts) {
        for (const [k, v] of Object.entries(t)) {
          if (prefix ? k.startsWith(w) : k === w) out.add(stemOf(k, v));
        }
      }
      if (!out.size && !unit) {
        for (const s of await fallbackStems(w, suffixes, (c) => entry(c).then((v) => v && stemOf(c, v)))) out.add(s);
      }
      return out;
    };
    // search searches as single does, but for prefixes: the last query
    // word, the one being typed, matches the keys it begins (if it has
    // three letters or more, or is a unit), each other word its own key.
    const search = async (q) => {
      const qw = tokens(q, false);
      const n = man.n;
      const prefix = (k) => k === qw.length - 1 && (qw[k][1] || len(qw[k][0]) >= 3);
      const ms = await Promise.all(qw.map(([w, unit], k) => match(w, prefix(k), unit)));
      const posts = await Promise.all(ms.map((m) => Promise.all([...m].map((s) => entry(s).then(postingsOf)))));
      const total = new Float64Array(n);
      const count = new Uint16Array(n);
      let phrase = null;
      if (qw.length > 1) phrase = new Uint32Array(n).fill(0x7fff);
      posts.forEach((ps, k) => {
        const sc = new Float64Array(n);
        const pm = new Uint32Array(n);
        for (const post of ps) {
          if (!post) continue;
          let page = 0;
          let skip = 0;
          for (let j = 0; j < post.length; j++) {
            const c = post.charCodeAt(j);
            if (c >= 48 && c <= 57) {
              skip = skip * 10 + c - 48;
              continue;
            }
            page += skip;
            skip = 0;
            const s = symbol(c);
            if (s > sc[page]) sc[page] = s;
            if (c < 80) pm[page] |= 1 << (c - 65);
            page++;
          }
        }
        for (let i = 0; i < n; i++) {
          if (!sc[i]) continue;
          total[i] += sc[i];
          count[i]++;
          if (phrase) phrase[i] &= k < 15 ? pm[i] >>> k : 0; // places 0 to 14; >>> counts mod 32
        }
      });
      const hits = [];
      for (let i = 0; i < n; i++) {
        if (count[i] !== qw.length) continue;
        hits.push([phrase && phrase[i] ? total[i] + 200 : total[i], i]);
      }
      hits.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      const ps = await Promise.all(hits.slice(0, max).map(([, i]) =>
        file('p' + Math.floor(i / man.chunk) + '.json').then((c) => c[i % man.chunk])));
      return { hits, pages: ps };
    };
    return search;
  };

  // index returns a language's index: load() fetches it once, then
  // search(q) gives {hits, pages}: the [score, number] of every match,
  // best first, and the data of the first max.
  const index = (src) => {
    let loading = null;
    let search = null;
    const load = () => {
      if (!loading) {
        const opts = {};
        if (src.integrity) opts.integrity = src.integrity;
        loading = get(src.url, opts)
          .then((ix) => {
            search = ix.shards ? split(ix, new URL(ix.dir, new URL(src.url, location.href))) : single(ix);
          })
          .catch((e) => {
            loading = null;
            throw e;
          });
      }
      return loading;
    };
    return Object.assign(src, { load, search: (q) => load().then(() => search(q)) });
  };

  const own = index({ url: d.index, integrity: d.integrity });
  const others = [...form.querySelectorAll('data.search__lang')].map((e) => index({
    lang: e.value, name: e.dataset.name, dir: e.dataset.dir, url: e.dataset.index, integrity: e.dataset.integrity,
  }));

  let timer = 0;
  let shown = null;

  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  // mark gives e the language and direction of lang (the reader's when
  // lang is not given).
  const mark = (e, lang) => {
    e.lang = lang ? lang.lang : root.lang;
    e.dir = lang ? lang.dir || 'auto' : root.dir || 'ltr';
    return e;
  };

  const say = (msg) => {
    if (status.textContent !== msg) status.textContent = msg;
  };
  const counted = (n) => {
    const forms = JSON.parse(d.results);
    return (forms[plural.select(n)] || forms.other).replace('%d', String(n));
  };

  const show = () => {
    clearTimeout(timer);
    timer = 0;
    const q = input.value;
    if (q === shown) return;
    shown = q;
    if (!analyser()(q).length) {
      list.textContent = '';
      clearOthers();
      say('');
      return;
    }
    own.search(q)
      .then((res) => {
        if (shown !== q) return null;
        render(list, res.pages, null);
        const n = res.hits.length;
        const mine = !n ? d.none : n > max ? counted(n) + '. ' + d.shown : counted(n);
        say(mine);
        if (n >= few || !others.length) {
          clearOthers();
          form.dataset.searched = q;
          return null;
        }
        return Promise.all(others.map((o) => o.search(q).then((r) => r.hits.slice(0, max).map(([s], i) => [s, o, r.pages[i]]), () => [])))
          .then((rs) => {
            if (shown !== q) return;
            const all = rs.flat().sort((a, b) => b[0] - a[0]).slice(0, max);
            render(otherList, all.map(([, o, p]) => [p, o]), true);
            otherTitle.hidden = !all.length;
            if (all.length) say(mine + (/\p{P}$/u.test(mine) ? ' ' : '. ') + otherTitle.textContent + ': ' + counted(all.length));
            form.dataset.searched = q;
          });
      })
      .catch(() => {
        if (shown === q) {
          shown = null;
          say(d.error);
        }
      });
  };

  const clearOthers = () => {
    otherList.textContent = '';
    otherTitle.hidden = true;
  };

  // render lists the pages ps in ol; with marked, each is [page, its
  // language's index] and is marked with the language.
  const render = (ol, ps, marked) => {
    ol.textContent = '';
    const frag = document.createDocumentFragment();
    for (const item of ps) {
      const [p, lang] = marked ? item : [item, null];
      const li = el('li');
      if (lang) mark(li, lang);
      const a = el('a', p.t);
      a.href = p.u;
      if (lang) a.hreflang = lang.lang;
      li.append(a);
      if (lang) li.append(' ', mark(el('span', '(' + lang.name + ')', 'note'), lang));
      if (p.d) li.append(el('p', p.d));
      if (p.s) {
        const sp = el('p', '', 'search__section');
        if (lang) mark(sp, null);
        const [before, after] = d.section.split('%s');
        const name = el('span', p.s);
        if (lang) mark(name, lang);
        sp.append(before, name, after || '');
        li.append(sp);
      }
      frag.append(li);
    }
    ol.append(frag);
  };

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(show, 100);
  };

  const ready = () => own.load().then(() => {
    form.dataset.state = 'ready';
  }, () => say(d.error));

  form.hidden = false;
  for (const e of document.querySelectorAll('.search-nojs')) e.hidden = true;
  input.addEventListener('focus', ready);
  input.addEventListener('input', () => ready().then(later));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    shown = null;
    ready().then(show);
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    ready().then(show);
  }
})();

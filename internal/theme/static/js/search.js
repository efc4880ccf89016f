// Site search in the browser: loads the language's index (made by
// internal/search) from this site on first use and searches it here.
// Nothing is sent anywhere but the requests for the index: one file on a
// small site; on a large one a manifest, then the shards of the query's
// words and the page files of the results shown (see internal/search's
// package doc, "Split index"). Without JavaScript the form stays hidden
// and the page's list of pages is the way to find a page.
(() => {
  'use strict';
  const form = document.querySelector('form[data-index]');
  if (!form || !window.fetch || !''.normalize) return;
  const d = form.dataset;
  const input = form.querySelector('input');
  const status = form.querySelector('[role=status]');
  const list = form.querySelector('ol');
  const max = +d.max || 20;
  const plural = new Intl.PluralRules(document.documentElement.lang);

  // norm and words fold text as search.Normalize does in Go, step by step:
  // NFC, lower case, æ ø å ä ö ü ß spelt out and final ς as σ, accents
  // (Mn) dropped; letters, marks and digits make words. internal/search's
  // test runs the lines from fold:begin to fold:end in node.
  // fold:begin
  const fold = { 'æ': 'ae', 'ø': 'oe', 'å': 'aa', 'ä': 'ae', 'ö': 'oe', 'ü': 'ue', 'ß': 'ss', 'ς': 'σ' };
  const norm = (s) => s.normalize('NFC').toLowerCase().replace(/[æøåäöüßς]/g, (c) => fold[c])
    .normalize('NFD').replace(/\p{Mn}/gu, '');
  const words = (s) => norm(s).split(/[^\p{L}\p{M}\p{Nd}]+/u).filter(Boolean);
  // fold:end
  // A field is its words, each after a space, so that " word" finds the
  // words that begin with word.
  const field = (s) => ' ' + words(s || '').join(' ');

  let pages = null;
  let split = null; // the manifest of a split index, when the index is split
  let loading = null;
  let timer = 0;
  let shown = null;

  const get = (url, opts) => fetch(url, Object.assign({ credentials: 'same-origin' }, opts))
    .then((r) => {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });

  const load = () => {
    if (!loading) {
      const opts = {};
      if (d.integrity) opts.integrity = d.integrity;
      loading = get(d.index, opts)
        .then((ix) => {
          if (ix.shards) {
            split = ix;
            split.base = new URL(ix.dir, new URL(d.index, location.href));
            split.files = new Map();
          } else {
            pages = ix.pages.map((p) => ({
              p,
              t: field(p.t),
              h: field((p.h || []).join(' ')),
              d: field(p.d),
              s: field(p.s),
              b: ' ' + (p.b || ''),
            }));
          }
          form.dataset.state = 'ready';
        })
        .catch(() => {
          loading = null;
          say(d.error);
        });
    }
    return loading;
  };

  // search returns the indexes of the matching pages, best first: every
  // query word must begin a word of the page. A word in the title counts
  // most, then in a heading, the description, the section and the body
  // (where the page's most frequent words come first).
  const search = (q) => {
    const qw = words(q);
    const phrase = ' ' + qw.join(' ');
    const hits = [];
    for (let i = 0; i < pages.length; i++) {
      const e = pages[i];
      let score = 0;
      for (const w of qw) {
        const k = ' ' + w;
        let s = e.t.includes(k) ? 100 : e.h.includes(k) ? 30 : e.d.includes(k) ? 12 : e.s.includes(k) ? 10 : 0;
        if (!s) {
          const at = e.b.indexOf(k);
          if (at < 0) {
            score = -1;
            break;
          }
          s = 1 + 4 * (1 - at / e.b.length);
        }
        score += s;
      }
      if (score < 0) continue;
      if (qw.length > 1 && e.t.includes(phrase)) score += 200;
      hits.push([score, i]);
    }
    hits.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
    return hits;
  };

  // A split index's files, fetched once each: t<n>.json, a shard of terms
  // and their postings; p<n>.json, the data of split.chunk pages.
  const file = (name) => {
    let f = split.files.get(name);
    if (!f) {
      f = get(new URL(name, split.base)).catch((e) => {
        split.files.delete(name);
        throw e;
      });
      split.files.set(name, f);
    }
    return f;
  };

  // cmp compares strings by code points, as Go orders the shards' keys.
  const cmp = (a, b) => {
    const x = [...a];
    const y = [...b];
    for (let i = 0; i < x.length && i < y.length; i++) {
      if (x[i] !== y[i]) return x[i].codePointAt(0) - y[i].codePointAt(0);
    }
    return x.length - y.length;
  };

  // shards returns the numbers of the shards that hold w, or with prefix
  // the terms that begin with w: the last shard whose first term is not
  // after w, and those after it whose first terms begin with w.
  const shards = (w, prefix) => {
    let lo = 0;
    let hi = split.shards.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(split.shards[mid], w) <= 0) lo = mid + 1;
      else hi = mid;
    }
    const out = [Math.max(lo - 1, 0)];
    while (prefix && lo < split.shards.length && split.shards[lo].startsWith(w)) out.push(lo++);
    return out;
  };

  // symbol scores a posting's symbol as search scores the field: A-P the
  // title (A-O with the word's position in it), Q a heading, R the
  // description, S the section, a... the body, by level.
  const symbol = (c) => c <= 80 ? 100 : c === 81 ? 30 : c === 82 ? 12 : c === 83 ? 10 :
    1 + 4 * (c - 97 + 0.5) / split.levels;

  // splitSearch searches a split index as search does the single file,
  // but for prefixes: the last query word, the one being typed, must begin
  // a word of the page (if it has three letters or more), each other word
  // must be one, scored by the best field it is in.
  const splitSearch = async (q) => {
    const qw = words(q);
    const n = split.n;
    const prefix = (w, k) => k === qw.length - 1 && [...w].length >= 3;
    const terms = await Promise.all(qw.map((w, k) =>
      Promise.all(shards(w, prefix(w, k)).map((i) => file('t' + i + '.json')))
        .then((ts) => Object.assign({}, ...ts))));
    const total = new Float64Array(n);
    const count = new Uint16Array(n);
    let phrase = null;
    if (qw.length > 1) phrase = new Uint32Array(n).fill(0x7fff);
    qw.forEach((w, k) => {
      const sc = new Float64Array(n);
      const pm = new Uint32Array(n);
      const begins = prefix(w, k);
      for (const [t, post] of Object.entries(terms[k])) {
        if (!(begins ? t.startsWith(w) : t === w)) continue;
        const exact = t === w || k === qw.length - 1;
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
          if (exact && c < 80) pm[page] |= 1 << (c - 65);
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
    return hits;
  };

  // entries returns the data of the pages numbered in hits.
  const entries = (hits) => Promise.all(hits.map(([, i]) =>
    file('p' + Math.floor(i / split.chunk) + '.json').then((c) => c[i % split.chunk])));

  const el = (tag, text, cls, lang) => {
    const e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    if (lang) {
      // Text in another language: its own direction, whichever the page's.
      e.lang = lang;
      e.dir = 'auto';
    }
    return e;
  };

  const say = (msg) => {
    if (status.textContent !== msg) status.textContent = msg;
  };

  const show = () => {
    clearTimeout(timer);
    timer = 0;
    if (!pages && !split) return;
    const q = input.value;
    if (q === shown) return;
    shown = q;
    if (!words(q).length) {
      list.textContent = '';
      say('');
      return;
    }
    if (pages) {
      const hits = search(q);
      render(hits, hits.slice(0, max).map(([, i]) => pages[i].p));
      return;
    }
    splitSearch(q)
      .then((hits) => entries(hits.slice(0, max)).then((ps) => {
        if (shown === q) render(hits, ps);
      }))
      .catch(() => {
        if (shown === q) {
          shown = null;
          say(d.error);
        }
      });
  };

  // render lists the pages ps, the first of hits, and says how many hit.
  const render = (hits, ps) => {
    list.textContent = '';
    const frag = document.createDocumentFragment();
    for (const p of ps) {
      const li = el('li');
      const a = el('a', p.t, '', p.l);
      a.href = p.u;
      li.append(a);
      if (p.l) li.append(' ', el('span', '(' + d.note + ')', 'note'));
      if (p.d) li.append(el('p', p.d, '', p.l));
      if (p.s) {
        const sp = el('p', '', 'search__section');
        const [before, after] = d.section.split('%s');
        sp.append(before, el('span', p.s, '', p.l), after || '');
        li.append(sp);
      }
      frag.append(li);
    }
    list.append(frag);
    const n = hits.length;
    const forms = JSON.parse(d.results);
    const form = forms[plural.select(n)] || forms.other;
    const count = form.replace('%d', String(n));
    say(!n ? d.none : n > max ? count + '. ' + d.shown : count);
  };

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(show, 100);
  };

  form.hidden = false;
  input.addEventListener('focus', load);
  input.addEventListener('input', () => {
    if (pages || split) later();
    else load().then(show);
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    shown = null;
    if (pages || split) show();
    else load().then(show);
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    load().then(show);
  }
})();

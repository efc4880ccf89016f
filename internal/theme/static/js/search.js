// Site search in the browser: loads the language's index (made by
// internal/search) from this site on first use and searches it here.
// Nothing is sent anywhere but the one request for the index. Without
// JavaScript the form stays hidden and the page's list of all pages is the
// way to find a page.
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
  let loading = null;
  let timer = 0;
  let shown = null;

  const load = () => {
    if (!loading) {
      const opts = { credentials: 'same-origin' };
      if (d.integrity) opts.integrity = d.integrity;
      loading = fetch(d.index, opts)
        .then((r) => {
          if (!r.ok) throw new Error(r.status);
          return r.json();
        })
        .then((ix) => {
          pages = ix.pages.map((p) => ({
            p,
            t: field(p.t),
            h: field((p.h || []).join(' ')),
            d: field(p.d),
            s: field(p.s),
            b: ' ' + (p.b || ''),
          }));
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
    if (!pages) return;
    const q = input.value;
    if (q === shown) return;
    shown = q;
    list.textContent = '';
    if (!words(q).length) {
      say('');
      return;
    }
    const hits = search(q);
    const frag = document.createDocumentFragment();
    for (const [, i] of hits.slice(0, max)) {
      const p = pages[i].p;
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
    if (pages) later();
    else load().then(show);
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    shown = null;
    if (pages) show();
    else load().then(show);
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q) {
    input.value = q;
    load().then(show);
  }
})();

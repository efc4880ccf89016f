// The letter builder: fills the letter template of the page (the part under
// the heading with id "brevet") from a form, as the reader types. Questions
// and reasons can be left out. The letter can be printed, copied, downloaded
// as a text file, and kept as a draft in this browser's localStorage (only
// when the reader asks). Nothing is sent anywhere. Without JavaScript the
// form stays hidden and the page shows the template with its [placeholders].
(() => {
  'use strict';
  const byId = (id) => document.getElementById(id);
  const form = byId('letter-form');
  const heading = byId('brevet');
  if (!form || !heading || !window.Blob) return;
  const d = form.dataset;
  const $ = (sel, root) => (root || form).querySelector(sel);
  const $$ = (sel, root) => [...(root || form).querySelectorAll(sel)];
  const el = (tag, text, cls) => {
    const e = document.createElement(tag);
    if (text) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  };
  const key = 'sitegen-letter:' + location.pathname;

  // The letter is the heading and what follows it up to the next h2.
  const section = el('section', '', 'letter');
  section.setAttribute('aria-labelledby', heading.id);
  const box = el('div', '', 'letter__text');
  box.id = 'letter-text';
  let next = heading.nextElementSibling;
  heading.before(section);
  section.append(heading, form, box);
  while (next && next.tagName !== 'H2') {
    const n = next.nextElementSibling;
    box.append(next);
    next = n;
  }

  // following returns the elements after start up to the next heading of
  // one of the levels in stop.
  const following = (start, stop) => {
    const out = [];
    for (let e = start.nextElementSibling; e && !stop.includes(e.tagName); e = e.nextElementSibling) out.push(e);
    return out;
  };

  // Placeholders: each [text] that a field names becomes a span.
  const fields = $$('input[data-placeholder]');
  const byPh = new Map(fields.map((f) => [f.dataset.placeholder, f]));
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp([...byPh.keys()].map(esc).join('|'), 'g');
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  const texts = [];
  while (walker.nextNode()) texts.push(walker.currentNode);
  const spans = [];
  for (const t of texts) {
    const s = t.nodeValue;
    const frag = document.createDocumentFragment();
    let last = 0;
    for (const m of s.matchAll(re)) {
      const sp = el('span', m[0], 'letter__ph');
      sp.dataset.ph = m[0];
      spans.push(sp);
      frag.append(s.slice(last, m.index), sp);
      last = m.index + m[0].length;
    }
    if (last) {
      frag.append(s.slice(last));
      t.replaceWith(frag);
    }
  }

  // Choices: the questions (a numbered list) and the reasons (h4 headings
  // with the text under them). A block whose choices are all unticked is
  // left out with its heading.
  const choices = [];
  const group = (name, items, block) => {
    const fs = $('[data-choices=' + name + ']');
    if (!items.length) {
      fs.hidden = true;
      return;
    }
    const list = { block, items: [] };
    items.forEach(([label, els], i) => {
      const id = 'letter-' + name + '-' + (i + 1);
      const div = el('div', '', 'choice');
      const cb = el('input');
      cb.type = 'checkbox';
      cb.id = id;
      cb.checked = true;
      const lb = el('label', label);
      lb.htmlFor = id;
      div.append(cb, lb);
      fs.append(div);
      list.items.push({ cb, els });
    });
    choices.push(list);
  };
  const qHead = byId('brev-spoergsmaal');
  const qBlock = qHead ? [qHead, ...following(qHead, ['H2', 'H3'])] : [];
  const ol = qBlock.find((e) => e.tagName === 'OL');
  group('questions', ol ? [...ol.children].map((li) => [li.textContent.trim(), [li]]) : [], qBlock);
  const reasons = $$('h4[id^="brev-grund-"]', box);
  const bHead = byId('brev-baggrund');
  group('grounds', reasons.map((h) => [h.textContent.trim(), [h, ...following(h, ['H2', 'H3', 'H4'])]]),
    bHead ? [bHead, ...following(bHead, ['H2', 'H3', 'H4'])] : []);

  const months = d.months.split('|');
  const date = (v) => {
    const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(v);
    return m ? d.date.replace('%d', +m[3]).replace('%m', months[m[2] - 1]).replace('%y', m[1]) : v;
  };

  const update = () => {
    for (const sp of spans) {
      const f = byPh.get(sp.dataset.ph);
      const v = f.value.trim();
      sp.textContent = v ? (f.type === 'date' ? date(v) : v) : sp.dataset.ph;
      sp.classList.toggle('is-filled', !!v);
    }
    for (const c of choices) {
      let any = false;
      for (const { cb, els } of c.items) {
        any = any || cb.checked;
        els.forEach((e) => { e.hidden = !cb.checked; });
      }
      c.block.forEach((e) => { e.hidden = !any; });
    }
  };

  // text is the letter as plain text: the blocks that are shown, without
  // the h3 headings, which only name the parts of the template.
  const inline = (node) => {
    let s = '';
    for (const c of node.childNodes) {
      if (c.nodeType === 3) s += c.nodeValue.replace(/\s+/g, ' ');
      else if (c.nodeName === 'BR') s += '\n';
      else if (c.nodeType === 1 && !c.hidden) s += inline(c);
    }
    return s.split('\n').map((l) => l.trim()).join('\n').trim();
  };
  const text = () => {
    const out = [];
    for (const b of box.children) {
      if (b.hidden || b.tagName === 'H3') continue;
      if (b.tagName === 'OL') {
        let i = 0;
        const lines = [];
        for (const li of b.children) if (!li.hidden) lines.push(++i + '. ' + inline(li));
        out.push(lines.join('\n'));
      } else {
        out.push(inline(b));
      }
    }
    return out.filter(Boolean).join('\n\n') + '\n';
  };

  // Messages: status in a polite live region, errors in an error summary.
  const status = byId('letter-status');
  const summary = byId('letter-errors');
  const list = $('ul', summary);
  const say = (msg) => {
    status.textContent = '';
    setTimeout(() => { status.textContent = msg; }, 50);
  };
  const clearErrors = () => {
    summary.hidden = true;
    list.textContent = '';
    for (const f of fields) {
      if (f.ariaInvalid) {
        f.ariaInvalid = null;
        f.removeAttribute('aria-describedby');
        byId(f.id + '-error').hidden = true;
      }
    }
  };
  // fail shows an error in the error summary; with a field f, a required
  // one (it has data-error), also at the field (#<id>-error), and links to
  // it.
  const fail = (msg, f) => {
    status.textContent = '';
    const li = el('li', f ? '' : msg);
    if (f) {
      const a = el('a', msg);
      a.href = '#' + f.id;
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        f.focus();
      });
      li.append(a);
      byId(f.id + '-error').hidden = false;
      f.setAttribute('aria-describedby', f.id + '-error');
      f.ariaInvalid = 'true';
    }
    list.append(li);
    summary.hidden = false;
    summary.focus();
  };
  const valid = () => {
    clearErrors();
    const f = fields.find((x) => x.dataset.error && !x.value.trim());
    if (!f) return true;
    fail(f.dataset.error, f);
    return false;
  };

  const copyFallback = (t) => {
    const ta = el('textarea', '', 'visually-hidden');
    ta.value = t;
    ta.setAttribute('readonly', '');
    const back = document.activeElement;
    document.body.append(ta);
    ta.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch (e) {
      // ok stays false.
    }
    ta.remove();
    if (back) back.focus();
    return ok;
  };

  const draft = () => ({
    f: Object.fromEntries(fields.map((f) => [f.id, f.value])),
    off: choices.flatMap((c) => c.items.filter((it) => !it.cb.checked).map((it) => it.cb.id)),
  });
  const restore = (s) => {
    for (const f of fields) f.value = (s.f && s.f[f.id]) || '';
    for (const c of choices) for (const it of c.items) it.cb.checked = !(s.off || []).includes(it.cb.id);
    update();
  };

  const actions = {
    print() {
      clearErrors();
      window.print();
    },
    copy() {
      if (!valid()) return;
      const t = text();
      const done = () => say(d.copied);
      const failed = () => (copyFallback(t) ? done() : fail(d.errorCopy));
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(t).then(done, failed);
      else failed();
    },
    download() {
      if (!valid()) return;
      const url = URL.createObjectURL(new Blob([text()], { type: 'text/plain' }));
      const a = el('a');
      a.href = url;
      a.download = d.filename;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10000);
      say(d.downloaded);
    },
    save() {
      clearErrors();
      try {
        localStorage.setItem(key, JSON.stringify(draft()));
        say(d.saved);
      } catch (e) {
        fail(d.errorSave);
      }
    },
    delete() {
      clearErrors();
      try {
        localStorage.removeItem(key);
      } catch (e) {
        // Nothing was stored.
      }
      restore({});
      say(d.deleted);
    },
  };

  form.addEventListener('input', (ev) => {
    update();
    const f = ev.target;
    if (f.ariaInvalid && f.value.trim()) clearErrors();
  });
  form.addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-action]');
    if (b) actions[b.dataset.action]();
  });

  form.hidden = false;
  let saved = null;
  try {
    saved = JSON.parse(localStorage.getItem(key));
  } catch (e) {
    // No storage: no draft.
  }
  if (saved) {
    restore(saved);
    say(d.restored);
  } else {
    update();
  }
})();

// The letter builder: fills the letter template of the page (the part under
// the heading with id "brevet") from a form, as the reader types. The
// template says what the form holds:
//   [Label]          a field: the input whose data-placeholder is "[Label]"
//   [a / b]          alternatives: radio buttons, one of which must be
//                    chosen, each labelled with its sentence as it would
//                    read, under the text of the h3 before it
//   ### {#brev-spoergsmaal} with a numbered list: questions
//   #### {#brev-grund-…}: reasons
//   ### {#brev-valgfrit-…}: an optional part
// Each question, reason and optional part is a checkbox, ticked at first
// so that the letter reads as the template does without JavaScript;
// unticked ones are left out. The letter can be
// printed, copied and downloaded as a text file once the required fields
// are filled in, and kept as a draft in this browser's localStorage (only
// when the reader asks), with the buttons below the letter. Nothing is sent anywhere. Without JavaScript the
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
  // The fields, then the letter they fill in, then the buttons that use
  // it: on a phone the letter is seen under the fields, not after them.
  const actionsBox = byId('letter-actions');
  heading.before(section);
  section.append(heading, form, box);
  if (actionsBox) section.append(actionsBox);
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
  const texts = () => {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    const out = [];
    while (walker.nextNode()) out.push(walker.currentNode);
    return out;
  };

  // Controls: what fills a placeholder. get returns its value ('' when
  // empty); a control with a message (msg) is required.
  const controls = $$('input[data-placeholder]').map((f) => ({
    id: f.id, ph: f.dataset.placeholder, el: f, first: f, msg: f.dataset.error, date: f.type === 'date',
    get: () => f.value.trim(), raw: () => f.value, set: (v) => { f.value = v; },
  }));

  // sentence returns the sentence of s that holds ph.
  const sentence = (s, ph) => {
    s = s.replace(/\s+/g, ' ').trim();
    const i = s.indexOf(ph);
    let a = 0;
    for (const m of s.slice(0, i).matchAll(/[.!?] /g)) a = m.index + 2;
    const end = /[.!?]/.exec(s.slice(i + ph.length));
    return s.slice(a, end ? i + ph.length + end.index + 1 : s.length);
  };
  // h3Before returns the h3 of the template before node, if any.
  const h3Before = (node) => {
    let top = node;
    while (top.parentElement !== box) top = top.parentElement;
    for (let e = top.previousElementSibling; e; e = e.previousElementSibling) if (e.tagName === 'H3') return e;
    return null;
  };
  const alts = $('[data-choices=alternatives]');
  const seen = new Set();
  for (const t of texts()) {
    for (const m of t.nodeValue.matchAll(/\[[^[\]/]+(?: \/ [^[\]/]+)+\]/g)) {
      const ph = m[0];
      if (seen.has(ph)) continue;
      seen.add(ph);
      const id = 'letter-alt-' + seen.size;
      const block = t.parentElement;
      const said = sentence(block.textContent, ph);
      const h3 = h3Before(block);
      const fs = el('fieldset', '', 'choices');
      fs.id = id;
      const legend = el('legend', h3 ? h3.textContent.trim() : said);
      const err = el('p', '', 'field__error');
      err.id = id + '-error';
      err.hidden = true;
      err.append(el('span', d.errorPrefix, 'visually-hidden'), ' ' + legend.textContent);
      fs.append(legend, err);
      const radios = ph.slice(1, -1).split(' / ').map((o, i) => {
        const div = el('div', '', 'choice');
        const r = el('input');
        r.type = 'radio';
        r.name = id;
        r.id = id + '-' + (i + 1);
        r.value = o.trim();
        const lb = el('label', said.replace(ph, r.value));
        lb.htmlFor = r.id;
        div.append(r, lb);
        fs.append(div);
        return r;
      });
      alts.append(fs);
      controls.push({
        id, ph, el: fs, first: radios[0], msg: legend.textContent,
        get: () => (radios.find((r) => r.checked) || {}).value || '',
        raw: () => (radios.find((r) => r.checked) || {}).value || '',
        set: (v) => radios.forEach((r) => { r.checked = r.value === v; }),
      });
    }
  }

  // Placeholders: each [text] that a control names becomes a span.
  const byPh = new Map(controls.map((c) => [c.ph, c]));
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp([...byPh.keys()].map(esc).join('|'), 'g');
  const spans = [];
  for (const t of texts()) {
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

  // Choices: the questions (a numbered list), the reasons (h4 headings
  // with the text under them) and the optional parts (h3 headings with the
  // text under them). A block whose choices are all unticked is left out
  // with its heading.
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
  group('parts', $$('h3[id^="brev-valgfrit-"]', box).map((h) => [h.textContent.trim(), [h, ...following(h, ['H2', 'H3'])]]), []);
  const items = choices.flatMap((c) => c.items);

  const months = d.months.split('|');
  const date = (v) => {
    const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(v);
    return m ? d.date.replace('%d', +m[3]).replace('%m', months[m[2] - 1]).replace('%y', m[1]) : v;
  };

  const update = () => {
    for (const sp of spans) {
      const c = byPh.get(sp.dataset.ph);
      const v = c.get();
      sp.textContent = v ? (c.date ? date(v) : v) : sp.dataset.ph;
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

  // Messages: status in a polite live region, errors in an error summary
  // that links to each control in error, whose own message is shown too.
  const status = byId('letter-status');
  const summary = byId('letter-errors');
  const list = $('ul', summary);
  const errs = new Map(); // control -> its item in the summary
  const say = (msg) => {
    status.textContent = '';
    setTimeout(() => { status.textContent = msg; }, 50);
  };
  const mark = (c, on) => {
    const e = byId(c.id + '-error');
    if (e) e.hidden = !on;
    const owner = c.el;
    const by = (owner.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && x !== c.id + '-error');
    if (on) by.push(c.id + '-error');
    if (by.length) owner.setAttribute('aria-describedby', by.join(' '));
    else owner.removeAttribute('aria-describedby');
    const inputs = owner.tagName === 'INPUT' ? [owner] : $$('input', owner);
    inputs.forEach((i) => { i.ariaInvalid = on ? 'true' : null; });
    owner.classList.toggle('is-invalid', on);
  };
  const clearOne = (c) => {
    const li = errs.get(c);
    if (!li) return;
    li.remove();
    errs.delete(c);
    mark(c, false);
    if (!list.children.length) summary.hidden = true;
  };
  const clearErrors = () => {
    [...errs.keys()].forEach(clearOne);
    list.textContent = '';
    summary.hidden = true;
  };
  // fail shows an error in the error summary; with a control c, also at
  // the control, and links to it.
  const fail = (msg, c) => {
    status.textContent = '';
    const li = el('li', c ? '' : msg);
    if (c) {
      const a = el('a', msg);
      a.href = '#' + c.first.id;
      a.addEventListener('click', (ev) => {
        ev.preventDefault();
        c.first.focus();
      });
      li.append(a);
      errs.set(c, li);
      mark(c, true);
    }
    list.append(li);
    summary.hidden = false;
    summary.focus();
  };
  // valid reports whether every required control is filled in, and shows
  // an error for each that is not.
  const valid = () => {
    clearErrors();
    const missing = controls.filter((c) => c.msg && !c.get());
    missing.forEach((c) => fail(c.msg, c));
    return !missing.length;
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

  // A draft holds the controls' values and the unticked choices.
  const draft = () => ({
    f: Object.fromEntries(controls.map((c) => [c.id, c.raw()])),
    off: items.filter((it) => !it.cb.checked).map((it) => it.cb.id),
  });
  const restore = (s) => {
    for (const c of controls) c.set((s.f && s.f[c.id]) || '');
    for (const it of items) it.cb.checked = !(s.off || []).includes(it.cb.id);
    update();
  };

  const actions = {
    print() {
      if (!valid()) return;
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

  const edited = (ev) => {
    update();
    const c = controls.find((x) => x.el === ev.target || x.el.contains(ev.target));
    if (c && c.get()) clearOne(c);
  };
  form.addEventListener('input', edited);
  form.addEventListener('change', edited);
  section.addEventListener('click', (ev) => {
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

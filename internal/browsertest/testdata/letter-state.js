// Reports the state of the letter builder (layouts/letter.html,
// static/js/letter.js): whether its form is shown, the letter as the page
// shows it, its choices, its messages, and how often it has printed (when
// the test has replaced window.print with a counter).
() => {
  const shown = (e) => !!e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
  const form = document.getElementById('letter-form');
  const heading = document.getElementById('brevet');
  // The letter: with the script, the blocks in .letter__text; without it,
  // the blocks after the heading up to the next h2.
  let blocks = [];
  const box = document.querySelector('.letter__text');
  if (box) {
    blocks = [...box.children];
  } else if (heading) {
    for (let e = heading.nextElementSibling; e && e.tagName !== 'H2'; e = e.nextElementSibling) blocks.push(e);
  }
  blocks = blocks.filter((b) => shown(b) && b.tagName !== 'H3');
  const ol = blocks.find((b) => b.tagName === 'OL');
  const errors = document.getElementById('letter-errors');
  const name = document.getElementById('letter-name');
  const nameError = document.getElementById('letter-name-error');
  const checks = (sel) => [...document.querySelectorAll(sel)].map((c) => ({
    id: c.id, checked: c.checked, label: c.labels.length ? c.labels[0].textContent.trim() : '',
  }));
  const section = heading ? heading.closest('section') : null;
  const active = document.activeElement;
  let stored = '';
  try {
    stored = localStorage.getItem('sitegen-letter:' + location.pathname) || '';
  } catch (e) {
    stored = 'error: ' + e;
  }
  return {
    formShown: shown(form),
    section: section ? section.className + ' ' + section.getAttribute('aria-labelledby') : '',
    formInSection: !!section && section.contains(form),
    letter: blocks.map((b) => b.innerText.trim()).join('\n\n'),
    items: ol ? [...ol.children].filter(shown).map((li) => li.innerText.trim()) : [],
    questions: checks('[data-choices=questions] input[type=checkbox]'),
    grounds: checks('[data-choices=grounds] input[type=checkbox]'),
    parts: checks('[data-choices=parts] input[type=checkbox]'),
    alternatives: [...document.querySelectorAll('[data-choices=alternatives] fieldset')].map((fs) => ({
      id: fs.id,
      legend: (fs.querySelector('legend') || { textContent: '' }).textContent.trim(),
      options: [...fs.querySelectorAll('input[type=radio]')].map((r) => ({
        id: r.id, checked: r.checked, label: r.labels.length ? r.labels[0].textContent.trim() : '',
      })),
      invalid: [...fs.querySelectorAll('input[type=radio]')].every((r) => r.getAttribute('aria-invalid') === 'true'),
      describedBy: fs.getAttribute('aria-describedby') || '',
      errorShown: shown(document.getElementById(fs.id + '-error')),
    })),
    status: (document.getElementById('letter-status') || {}).textContent || '',
    statusLive: (document.getElementById('letter-status') || { getAttribute: () => '' }).getAttribute('aria-live') || '',
    errorShown: shown(errors),
    errorRole: errors ? errors.getAttribute('role') || '' : '',
    errorText: shown(errors) ? errors.innerText.trim() : '',
    errorFocused: !!errors && active === errors,
    errorLinks: errors ? [...errors.querySelectorAll('a')].map((a) => a.getAttribute('href')) : [],
    nameInvalid: name ? name.getAttribute('aria-invalid') || '' : '',
    nameDescribedBy: name ? name.getAttribute('aria-describedby') || '' : '',
    nameErrorShown: shown(nameError),
    nameValue: name ? name.value : '',
    focused: active ? active.id : '',
    buttons: [...document.querySelectorAll('#letter-form button, #letter-actions button')].filter(shown).map((b) => b.dataset.action),
    stored,
    printed: window.__printed || 0,
    mainText: document.querySelector('main').innerText,
  };
}

// Reports what prints of the letter page: run with print media emulated.
() => {
  const shown = (e) => !!e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
  const main = document.querySelector('main');
  const visible = [...main.querySelectorAll('h1, h2, h3, h4, p, li, form, nav')].filter(shown);
  return {
    h1: shown(main.querySelector('h1')),
    form: shown(document.getElementById('letter-form')),
    header: shown(document.querySelector('.site-header')),
    footer: shown(document.querySelector('.site-footer')),
    letter: shown(document.querySelector('.letter__text')),
    headings: visible.filter((e) => /^H[1-4]$/.test(e.tagName)).map((e) => e.tagName + ' ' + e.textContent.trim()),
    text: main.innerText.trim(),
  };
}

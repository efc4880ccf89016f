// Reports what every check relies on: the stylesheets loaded (a wrong
// Subresource Integrity hash drops a stylesheet silently) and the page has
// one visible h1 in main and text in main.
//
// Elements marked data-js are controls that only work with JavaScript (the
// search form, the letter builder): hidden until a script shows them. They
// are left out of mainText, so that it is the same with JavaScript on and
// off, and their being hidden is not reported. Elements marked data-nojs
// are the opposite (the search page's note that searching needs
// JavaScript, which search.js hides): left out the same way.
() => {
  const links = [...document.querySelectorAll('link[rel~="stylesheet"]')];
  const broken = links.filter((l) => {
    try {
      return !l.sheet || l.sheet.cssRules.length === 0;
    } catch (e) {
      return true;
    }
  }).map((l) => l.getAttribute('href'));
  const main = document.querySelector('main');
  const h1s = [...document.querySelectorAll('main h1')];
  const visible = (el) => {
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return cs.display !== 'none' && cs.visibility === 'visible' && Number(cs.opacity) > 0 &&
      r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
      r.left < document.documentElement.clientWidth;
  };
  const mainText = (m) => {
    const shown = [...m.querySelectorAll('[data-js], [data-nojs]')].filter((e) => !e.hidden);
    shown.forEach((e) => { e.hidden = true; });
    const n = m.innerText.trim().length;
    shown.forEach((e) => { e.hidden = false; });
    return n;
  };
  return {
    stylesheets: links.length,
    brokenStylesheets: broken,
    h1: h1s.length,
    h1Visible: h1s.length > 0 && visible(h1s[0]),
    h1Text: h1s.length > 0 ? h1s[0].innerText.trim() : '',
    mainText: main ? mainText(main) : 0,
    hiddenInMain: main ? [...main.querySelectorAll('*')].filter((e) => !e.closest('[data-js], [data-nojs]') &&
      (e.hidden || getComputedStyle(e).display === 'none')).map(describe).slice(0, 10) : [],
  };
}

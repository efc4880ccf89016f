// Finds where the page's own content starts: the first line a reader came
// for, below the heading. It returns that element and the top and bottom
// of its first line in CSS px from the top of the page (the page is
// scrolled to the top first).
//
// What counts as the page's own content depends on the kind of page:
//   - search: the search field (JavaScript on) or, without JavaScript, the
//     first paragraph (the field needs JavaScript and stays hidden);
//   - fallback: the first link to a version of the page that exists;
//   - every other page: the first paragraph, list item, definition or
//     table cell of main that is not the "updated" line, the line that
//     says a translation awaits review, or in the table of contents.
(kind) => {
  window.scrollTo(0, 0);
  const main = document.querySelector('main');
  const shown = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility === 'visible';
  };
  let el = null;
  if (kind === 'search') {
    el = [...main.querySelectorAll('input[type="search"]')].find(shown) || null;
  } else if (kind === 'fallback') {
    el = main.querySelector('.available a');
  }
  if (!el) {
    el = [...main.querySelectorAll('p, li, dd, td, blockquote')].find((e) =>
      shown(e) && e.innerText.trim() !== '' && !e.closest('.updated, .toc, .review-notice, [hidden]')) || null;
  }
  if (!el) {
    return { found: false };
  }
  // The first line box of the element's text, or the element's own box.
  let first = el.getBoundingClientRect();
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.textContent.trim() === '') continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const rects = [...range.getClientRects()].filter((r) => r.width > 0);
    if (rects.length > 0) {
      first = rects[0];
    }
    break;
  }
  return { found: true, what: describe(el), top: Math.round(first.top), bottom: Math.round(first.bottom) };
}

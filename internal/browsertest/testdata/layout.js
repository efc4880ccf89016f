// Checks reflow (WCAG 1.4.10): no sideways scrolling, and nothing that
// is not inside a scrolling box (such as a wide table) sticks out past the
// right edge of the viewport. With textSpacing, it first sets the text
// spacing of WCAG 1.4.12 (the bookmarklet's values) and then also looks
// for clipped text, other than text for screen readers only.
(opts) => {
  if (opts.textSpacing && !document.getElementById('wcag-1-4-12')) {
    const style = document.createElement('style');
    style.id = 'wcag-1-4-12';
    style.textContent = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important;' +
      ' word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
    document.head.appendChild(style);
  }
  const de = document.documentElement;
  const vw = Math.min(window.innerWidth, de.clientWidth);
  const scrolls = (cs) => cs.overflowX === 'auto' || cs.overflowX === 'scroll';
  const hides = (v) => v === 'hidden' || v === 'clip';
  const shown = (el, cs) => {
    if (cs.display === 'none' || cs.visibility !== 'visible') return false;
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  // reach is how far right an element's box or its content goes.
  const reach = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) return 0;
    const cs = getComputedStyle(el);
    if (el.clientWidth === 0 || hides(cs.overflowX) || scrolls(cs)) return r.right;
    return Math.max(r.right, r.left + el.clientLeft + el.scrollWidth);
  };
  const sticksOut = [];
  const clipped = [];
  const walk = (el, inScroller) => {
    const cs = getComputedStyle(el);
    if (cs.display === 'none') return;
    if (shown(el, cs)) {
      // Report the innermost elements that reach past the edge, with
      // their box or with content that runs out of their box.
      if (!inScroller && reach(el) > vw + 0.5 && ![...el.children].some((c) => reach(c) > vw + 0.5)) {
        sticksOut.push(describe(el) + ' reaches x=' + Math.round(reach(el)));
      }
      // Text for screen readers only (.visually-hidden: a 1 × 1 px box
      // that clips its text on purpose) is not text a reader sees cut off.
      const r = el.getBoundingClientRect();
      if (opts.textSpacing && !(r.width <= 1 && r.height <= 1)) {
        if (hides(cs.overflowX) && el.scrollWidth > el.clientWidth + 1) {
          clipped.push(describe(el) + ' cuts off ' + (el.scrollWidth - el.clientWidth) + 'px sideways');
        }
        if (hides(cs.overflowY) && el.scrollHeight > el.clientHeight + 1) {
          clipped.push(describe(el) + ' cuts off ' + (el.scrollHeight - el.clientHeight) + 'px at the bottom');
        }
        if (cs.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth) {
          clipped.push(describe(el) + ' truncates its text with an ellipsis');
        }
        if (cs.overflowY === 'visible' && cs.display !== 'inline' && el.clientHeight > 0 &&
            el.scrollHeight > el.clientHeight + 1) {
          clipped.push(describe(el) + ' is ' + (el.scrollHeight - el.clientHeight) +
            'px too low for its content, which runs out of it');
        }
      }
    }
    for (const c of el.children) walk(c, inScroller || scrolls(cs));
  };
  walk(document.body, false);
  return {
    scrollWidth: de.scrollWidth,
    innerWidth: window.innerWidth,
    clientWidth: de.clientWidth,
    sticksOut: sticksOut.slice(0, 10),
    clipped: clipped.slice(0, 10),
  };
}

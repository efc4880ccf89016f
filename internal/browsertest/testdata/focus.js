// Describes the focused element: is it in the viewport, is it covered by
// something else (WCAG 2.4.11), and does it show a focus indicator (2.4.7).
() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { none: true };
  const cs = getComputedStyle(el);
  const vw = document.documentElement.clientWidth;
  const vh = window.innerHeight;
  const r = el.getBoundingClientRect();
  const box = el.getClientRects()[0] || r;
  const inView = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw;
  let coveredBy = '';
  if (inView) {
    const x = Math.min(Math.max(box.left + box.width / 2, 0), vw - 1);
    const y = Math.min(Math.max(box.top + box.height / 2, 0), vh - 1);
    const hit = document.elementFromPoint(x, y);
    if (!hit || (hit !== el && !el.contains(hit))) coveredBy = hit ? describe(hit) : 'nothing';
  }
  const transparent = (c) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
  const indicator = (cs.boxShadow !== 'none' && cs.boxShadow !== '') ||
    (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0 && !transparent(cs.outlineColor));
  return {
    none: false,
    index: [...document.querySelectorAll('*')].indexOf(el),
    desc: describe(el),
    tag: el.tagName,
    id: el.id,
    className: typeof el.className === 'string' ? el.className : '',
    href: el.getAttribute('href') || '',
    inView,
    coveredBy,
    indicator,
    focusVisible: el.matches(':focus-visible'),
  };
}

// describe names an element for a test failure: a short CSS path and the
// start of its text.
(el) => {
  const part = (e) => {
    let s = e.tagName.toLowerCase();
    if (e.id) s += '#' + e.id;
    if (typeof e.className === 'string' && e.className.trim()) {
      s += '.' + e.className.trim().split(/\s+/).join('.');
    }
    return s;
  };
  const path = [];
  for (let e = el; e && e !== document.body && path.length < 4; e = e.parentElement) {
    path.unshift(part(e));
  }
  let s = path.join(' > ');
  const text = (el.textContent || '').replace(/\s+/g, ' ').trim();
  if (text) s += ' "' + (text.length > 60 ? text.slice(0, 57) + '...' : text) + '"';
  return s;
}

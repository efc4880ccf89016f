// Resolves the colour custom properties of the root element to rgb() values,
// in the current colour scheme.
(names) => {
  const root = getComputedStyle(document.documentElement);
  const probe = document.createElement('span');
  document.body.appendChild(probe);
  const out = {};
  for (const n of names) {
    if (root.getPropertyValue(n).trim() === '') {
      out[n] = '';
      continue;
    }
    probe.style.color = 'var(' + n + ')';
    out[n] = getComputedStyle(probe).color;
  }
  probe.remove();
  return out;
}

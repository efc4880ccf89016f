// Reports the state of the search page (layouts/search.html,
// static/js/search.js): the form, the results and the live region.
() => {
  const shown = (e) => !!e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
  const form = document.querySelector('form[data-index]');
  const status = document.getElementById('search-status');
  const input = document.getElementById('search-input');
  return {
    formShown: shown(form),
    ready: !!form && form.dataset.state === 'ready',
    query: input ? input.value : '',
    status: status ? status.textContent : '',
    statusLive: status ? status.getAttribute('aria-live') || '' : '',
    searched: form ? form.dataset.searched || '' : '',
    results: [...document.querySelectorAll('#search-results > li')].map((li) => {
      const a = li.querySelector('a');
      return { title: a.textContent, href: a.getAttribute('href'), lang: a.lang, text: li.innerText };
    }),
    // The results from other languages: each item's lang and dir, and the
    // name of its language.
    othersTitle: shown(document.getElementById('search-others-title')) ?
      document.getElementById('search-others-title').textContent : '',
    others: [...document.querySelectorAll('#search-others > li')].map((li) => {
      const a = li.querySelector('a');
      const note = li.querySelector('.note');
      return { title: a.textContent, href: a.getAttribute('href'), lang: li.lang, dir: li.dir, name: note ? note.textContent : '' };
    }),
    noJS: [...document.querySelectorAll('.search-nojs')].filter(shown).map((e) => e.textContent).join(' '),
    allPages: [...document.querySelectorAll('.all-pages a')].map((a) => ({
      title: a.textContent, href: a.getAttribute('href'), lang: a.lang,
      shown: shown(a),
    })),
  };
}

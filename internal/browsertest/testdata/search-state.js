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
    results: [...document.querySelectorAll('#search-results > li')].map((li) => {
      const a = li.querySelector('a');
      return { title: a.textContent, href: a.getAttribute('href'), lang: a.lang, text: li.innerText };
    }),
    allPages: [...document.querySelectorAll('.all-pages a')].map((a) => ({
      title: a.textContent, href: a.getAttribute('href'), lang: a.lang,
      shown: shown(a),
    })),
  };
}

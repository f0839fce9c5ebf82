/// `catalog.js`: The catalog page: search as you type, filters, paging.
enum CatalogScript {
    static let source = #"""
// The catalog: search as you type, filters, pages of 50 with "Show more".
import { get, live, problem } from './api.js';
import { debounce, field, h, link, productHref, say, section, select, show, table } from './dom.js';

const statuses = ['proposed', 'draft', 'active', 'deprecated', 'retired'];
const classifications = ['public', 'internal', 'restricted', 'pii'];

export async function render() {
  const domains = (await get('/api/v1/domains')).items;
  const teams = domains.flatMap((domain) => domain.teams).sort();
  const form = h('form', { class: 'filters', role: 'search', onsubmit: (event) => { event.preventDefault(); search(); } },
    field('Search products', h('input', { type: 'search', name: 'q', placeholder: 'name, id, purpose, tag or owner' })),
    field('Domain', select('domain', [['', 'All domains'], ...domains.map((domain) => domain.name)])),
    field('Status', select('status', [['', 'Any status'], ...statuses])),
    field('Team', select('team', [['', 'All teams'], ...teams])),
    field('Classification', select('classification', [['', 'Any classification'], ...classifications])));
  const results = h('div', { class: 'results' });
  const more = h('button', { type: 'button', hidden: true }, 'Show more');
  show(form, section('Products', results, more));

  let controller;
  let cursor = null;
  let rows = [];
  async function search(append = false) {
    controller?.abort();
    controller = new AbortController();
    const query = new URLSearchParams({ limit: '50' });
    for (const [name, value] of new FormData(form)) if (value) query.set(name, value);
    if (append && cursor) query.set('cursor', cursor);
    try {
      const page = await get(`/api/v1/products?${query}`, { signal: controller.signal });
      rows = (append ? rows : []).concat(page.items.map((product) => [
        link(productHref(product.id), product.name), h('code', {}, product.id), product.domain, product.team, product.version,
        h('span', { class: `badge status-${product.status}` }, product.status)]));
      cursor = page.nextCursor;
      results.replaceChildren(table('Products', ['Name', 'Id', 'Domain', 'Team', 'Version', 'Status'], rows));
      more.hidden = !cursor;
      say(`${rows.length}${cursor ? '+' : ''} products`);
    } catch (error) {
      if (error.name !== 'AbortError') results.replaceChildren(problem(error));
    }
  }
  form.addEventListener('input', debounce(() => search(), 120));
  more.addEventListener('click', () => search(true));
  await search();
  live((event) => { if (!event || String(event.type).includes('product')) search(); });
}
"""#
}

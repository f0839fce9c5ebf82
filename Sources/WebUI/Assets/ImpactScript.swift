/// `impact.js`: The impact page: a proposed contract and what it breaks.
enum ImpactScript {
    static let source = #"""
// Impact analysis: paste or upload a proposed contract, see what breaks and whom it hits.
import { post, problem } from './api.js';
import { field, h, link, productHref, say, section, show, table } from './dom.js';

export async function render() {
  const source = h('textarea', { name: 'contract', rows: 14, required: true, spellcheck: 'false' });
  const file = h('input', { type: 'file', accept: '.yaml,.yml,.json' });
  file.addEventListener('change', async () => { if (file.files[0]) source.value = await file.files[0].text(); });
  const output = h('div');
  const form = h('form', { class: 'stacked', onsubmit: async (event) => {
    event.preventDefault();
    const text = source.value.trim();
    const contentType = text.startsWith('{') ? 'application/json' : 'application/yaml';
    try {
      const impact = await post('/api/v1/impact', text, { contentType });
      const broken = impact.broken.map((item) => `${item.contractId}@${item.version}${item.properties.length ? `: ${item.properties.join(', ')}` : ''}`);
      output.replaceChildren(
        h('p', { class: impact.breaks ? 'verdict bad' : 'verdict good' }, impact.breaks ? 'This change breaks consumers.' : 'Nothing downstream breaks.'),
        section('What breaks', broken.length ? h('ul', {}, broken.map((item) => h('li', {}, item))) : h('p', {}, 'Nothing.')),
        section('Products hit', table('Products hit, nearest first', ['Product', 'Team', 'Distance', 'Ports', 'Columns'],
          impact.products.map((product) => [link(productHref(product.id), product.name), product.team ?? '', product.distance,
            product.ports.join(', '), product.columns.map((column) => column.field ?? column.id).join(', ')]))),
        section('Teams to tell', impact.teams.length ? h('ul', {}, impact.teams.map((team) => h('li', {}, team))) : h('p', {}, 'None.')));
      say(impact.breaks ? `${impact.products.length} products hit` : 'nothing breaks');
    } catch (error) { output.replaceChildren(problem(error)); }
  } },
  field('Proposed contract (ODCS, YAML or JSON)', source), field('Or upload a file', file), h('button', { type: 'submit' }, 'Analyse impact'));
  show(form, output);
}
"""#
}

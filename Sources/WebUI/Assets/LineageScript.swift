/// `lineage.js`: The lineage page: the server-rendered SVG with zoom, pan and controls; column lineage.
enum LineageScript {
    static let source = #"""
// The lineage picture: the server's SVG, zoom and pan, depth and direction, column lineage.
import { get, problem } from './api.js';
import { field, h, say, section, select, show, table, title } from './dom.js';

export async function render([id]) {
  title(`Lineage of ${id}`);
  const direction = select('direction', ['both', 'upstream', 'downstream'], new URLSearchParams(location.search).get('direction') || 'both');
  const depth = h('input', { type: 'number', name: 'depth', min: 0, max: 20, value: new URLSearchParams(location.search).get('depth') || 3 });
  const viewport = h('div', { class: 'viewport', tabindex: 0, role: 'region', 'aria-label': 'Lineage picture: drag or use the arrow keys to pan, + and - to zoom' });
  const zoomIn = h('button', { type: 'button', 'aria-label': 'Zoom in' }, '+');
  const zoomOut = h('button', { type: 'button', 'aria-label': 'Zoom out' }, '−');
  const reset = h('button', { type: 'button' }, 'Fit');
  const controls = h('form', { class: 'inline', onsubmit: (event) => { event.preventDefault(); draw(); } },
    field('Direction', direction), field('Depth', depth), h('button', { type: 'submit' }, 'Draw'), zoomIn, zoomOut, reset);

  const columnsOutput = h('div');
  const columnForm = h('form', { class: 'inline', onsubmit: async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.target));
    try {
      const answer = await get(`/api/v1/lineage/columns/${[data.contract, data.version, data.property].map(encodeURIComponent).join('/')}`);
      columnsOutput.replaceChildren(table('Column lineage', ['Column', 'Direction', 'Distance'],
        answer.columns.map((column) => [column.id, column.direction, column.distance])));
    } catch (error) { columnsOutput.replaceChildren(problem(error)); }
  } },
  field('Contract', h('input', { name: 'contract', required: true })), field('Version', h('input', { name: 'version', required: true })),
  field('Property', h('input', { name: 'property', required: true })), h('button', { type: 'submit' }, 'Trace column'));

  show(controls, viewport, section('Column lineage', columnForm, columnsOutput));

  let box = null;
  let full = null;
  const apply = () => { if (box) viewport.querySelector('svg')?.setAttribute('viewBox', box.join(' ')); };
  const zoom = (factor) => {
    if (!box) return;
    const [x, y, w, hgt] = box;
    box = [x + (w - w * factor) / 2, y + (hgt - hgt * factor) / 2, w * factor, hgt * factor];
    apply();
  };
  const pan = (dx, dy) => { if (box) { box = [box[0] + dx * box[2], box[1] + dy * box[3], box[2], box[3]]; apply(); } };
  zoomIn.addEventListener('click', () => zoom(0.8));
  zoomOut.addEventListener('click', () => zoom(1.25));
  reset.addEventListener('click', () => { box = full && [...full]; apply(); });
  viewport.addEventListener('wheel', (event) => { event.preventDefault(); zoom(event.deltaY < 0 ? 0.9 : 1.1); }, { passive: false });
  viewport.addEventListener('keydown', (event) => {
    const moves = { ArrowLeft: [-0.1, 0], ArrowRight: [0.1, 0], ArrowUp: [0, -0.1], ArrowDown: [0, 0.1] };
    if (moves[event.key]) { event.preventDefault(); pan(...moves[event.key]); }
    if (event.key === '+' || event.key === '=') zoom(0.8);
    if (event.key === '-') zoom(1.25);
  });
  let drag = null;
  viewport.addEventListener('pointerdown', (event) => { if (event.target.closest('a')) return; drag = [event.clientX, event.clientY]; });
  window.addEventListener('pointerup', () => { drag = null; });
  viewport.addEventListener('pointermove', (event) => {
    if (!drag || !box) return;
    const scale = box[2] / viewport.clientWidth;
    box = [box[0] - (event.clientX - drag[0]) * scale, box[1] - (event.clientY - drag[1]) * scale, box[2], box[3]];
    drag = [event.clientX, event.clientY];
    apply();
  });

  async function draw() {
    const query = new URLSearchParams({ format: 'svg', direction: direction.value, depth: depth.value });
    history.replaceState(null, '', `?direction=${direction.value}&depth=${depth.value}`);
    try {
      const text = await get(`/api/v1/lineage/${encodeURIComponent(id)}?${query}`, { accept: 'image/svg+xml' });
      // Parsed as XML, never as HTML; scripts in a parsed document never run, and the CSP forbids them anyway.
      const parsed = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
      if (parsed.nodeName !== 'svg') throw new Error('the lineage picture did not parse');
      const svg = document.importNode(parsed, true);
      full = svg.getAttribute('viewBox').split(' ').map(Number);
      box = [...full];
      svg.removeAttribute('width');
      svg.removeAttribute('height');
      viewport.replaceChildren(svg);
      say(`${svg.querySelectorAll('.node').length} nodes drawn`);
    } catch (error) { viewport.replaceChildren(problem(error)); }
  }
  await draw();
}
"""#
}

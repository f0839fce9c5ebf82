/// `dom.js`: Builds the page from values as text nodes and attributes, never markup.
enum DOMScript {
    static let source = #"""
// Builds the page from values: every value becomes a text node or an attribute, never markup.
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

let counter = 0;
/** A fresh element id. */
export function uid(prefix) { counter += 1; return `${prefix}-${counter}`; }

/** Replaces the page's content below its heading. */
export function show(...children) {
  const main = document.getElementById('main');
  const heading = main.querySelector('h1');
  const status = main.querySelector('.status');
  main.replaceChildren(heading, status, ...children.flat(Infinity).filter(Boolean));
}

/** Sets the heading, which names the thing shown. */
export function title(text) {
  document.querySelector('#main h1').textContent = text;
  document.title = `${text} · meshreg`;
}

/** Says something in the live region screen readers announce. */
export function say(text, isError = false) {
  const status = document.querySelector('#main .status');
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/** A titled section, labelled by its heading. */
export function section(heading, ...children) {
  const id = uid('section');
  return h('section', { 'aria-labelledby': id }, h('h2', { id }, heading), ...children);
}

/** A table of rows (arrays of cells); `caption` names it for assistive technology. */
export function table(caption, headers, rows) {
  if (rows.length === 0) return h('p', { class: 'empty' }, `No ${caption.toLowerCase()}.`);
  return h('div', { class: 'scroll', tabindex: 0, role: 'region', 'aria-label': caption },
    h('table', {}, h('caption', {}, caption), h('thead', {}, h('tr', {}, headers.map((header) => h('th', { scope: 'col' }, header)))),
      h('tbody', {}, rows.map((row) => h('tr', {}, row.map((cell) => h('td', {}, cell)))))));
}

/** A description list of [term, value] pairs, skipping empty values. */
export function facts(pairs) {
  return h('dl', { class: 'facts' }, pairs.filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

/** A labelled form control. */
export function field(label, control) {
  control.id = control.id || uid('field');
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control);
}

/** A select with `choices` ([value, text] or value), the first selected unless `selected`. */
export function select(name, choices, selected) {
  return h('select', { name }, choices.map((choice) => {
    const [value, text] = Array.isArray(choice) ? choice : [choice, choice];
    return h('option', { value, selected: value === selected }, text);
  }));
}

const segment = (text) => encodeURIComponent(String(text));
export const productHref = (id) => `/ui/products/${segment(id)}`;
export const contractHref = (id, version) => `/ui/contracts/${segment(id)}/${segment(version)}`;
export const lineageHref = (id) => `/ui/lineage/${segment(id)}`;
export const link = (href, text) => h('a', { href }, text);

/** Calls `run` at most once per `milliseconds`, with the last arguments. */
export function debounce(run, milliseconds) {
  let timer;
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => run(...args), milliseconds); };
}
"""#
}

/// `product.js`: The product page: owners, ports, revisions and their diff, consumers, access requests.
enum ProductScript {
    static let source = #"""
// A data product: owners and support, ports with contracts, revisions and their diff, consumers, access.
import { get, live, post, problem, signedIn } from './api.js';
import { contractHref, facts, field, h, lineageHref, link, say, section, select, show, table, title } from './dom.js';

/** Every leaf of a JSON value by its JSON Pointer. */
function leaves(value, pointer = '', into = new Map()) {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
    if (entries.length === 0) into.set(pointer, JSON.stringify(value));
    for (const [key, item] of entries) leaves(item, `${pointer}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`, into);
  } else {
    into.set(pointer, JSON.stringify(value));
  }
  return into;
}

/** The changed leaves between two documents: [pointer, before, after]. */
export function diff(before, after) {
  const [left, right] = [leaves(before), leaves(after)];
  const pointers = [...new Set([...left.keys(), ...right.keys()])].sort();
  return pointers.filter((pointer) => left.get(pointer) !== right.get(pointer))
    .map((pointer) => [pointer, left.get(pointer) ?? '(none)', right.get(pointer) ?? '(none)']);
}

let listening = false;

export async function render([id]) {
  const base = `/api/v1/products/${encodeURIComponent(id)}`;
  const envelope = await get(base);
  const product = envelope.document;
  title(product.name || id);
  const members = product.team?.members || [];
  const owners = members.filter((member) => String(member.role).toLowerCase() === 'owner');
  const support = (product.support || []).map((channel) => [channel.channel || '', channel.url || '', channel.tool || '', channel.description || '']);
  const ports = [
    ...(product.inputPorts || []).map((port) => ['input', port.name, port.version, port.contractId ? link(contractHref(port.contractId, port.version), `${port.contractId}@${port.version}`) : '(external)']),
    ...(product.outputPorts || []).map((port) => ['output', port.name, port.version, port.contractId ? link(contractHref(port.contractId, port.version), `${port.contractId}@${port.version}`) : '']),
  ];
  const revisions = (await get(`${base}/revisions`)).items;
  const grants = (await get(`/api/v1/access-requests?product=${encodeURIComponent(id)}`)).items;

  const diffOutput = h('div', { class: 'diff' });
  const numbers = revisions.map((revision) => [String(revision.revision), `revision ${revision.revision} (${revision.registeredAt})`]);
  const from = select('from', numbers, numbers.length > 1 ? numbers[numbers.length - 2][0] : numbers[0]?.[0]);
  const to = select('to', numbers, numbers[numbers.length - 1]?.[0]);
  async function compare() {
    const [left, right] = await Promise.all([from.value, to.value].map((revision) => get(`${base}/revisions/${revision}`)));
    const changes = diff(left.document, right.document);
    diffOutput.replaceChildren(table('Changed fields', ['Field (JSON Pointer)', `Revision ${from.value}`, `Revision ${to.value}`],
      changes.map(([pointer, before, after]) => [h('code', {}, pointer), h('del', {}, before), h('ins', {}, after)])));
  }
  const compareForm = h('form', { class: 'inline', onsubmit: (event) => { event.preventDefault(); compare().catch((error) => diffOutput.replaceChildren(problem(error))); } },
    field('From', from), field('To', to), h('button', { type: 'submit' }, 'Compare'));

  const outputNames = (product.outputPorts || []).map((port) => port.name);
  const requestResult = h('div', { role: 'status' });
  const requestForm = h('form', { class: 'stacked', onsubmit: async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.target));
    try {
      const created = await post('/api/v1/access-requests', { product: id, port: data.port, team: data.team, purpose: data.purpose });
      requestResult.replaceChildren(h('p', {}, `Request ${created.id} is ${created.status}.`));
      say(`Access request ${created.id} is ${created.status}`);
    } catch (error) { requestResult.replaceChildren(problem(error)); }
  } },
  field('Output port', select('port', outputNames)), field('Your team', h('input', { name: 'team', required: true })),
  field('Purpose', h('textarea', { name: 'purpose', required: true, rows: 2 })), h('button', { type: 'submit', disabled: !signedIn }, 'Request access'), requestResult);

  show(
    h('p', {}, link(lineageHref(id), 'Show lineage')),
    section('Overview', facts([['Id', id], ['Domain', product.domain], ['Team', product.team?.name], ['Version', product.version],
      ['Status', product.status], ['Purpose', product.description?.purpose], ['Revision', envelope.revision]])),
    section('Owners and support', table('Owners', ['User', 'Role'], owners.map((member) => [member.username, member.role])),
      table('Support channels', ['Channel', 'URL', 'Tool', 'Description'], support)),
    section('Ports', table('Ports', ['Direction', 'Name', 'Version', 'Contract'], ports)),
    section('Revisions', table('Revisions', ['Revision', 'Registered', 'By', 'Version', 'Status'],
      revisions.map((revision) => [revision.revision, revision.registeredAt, revision.registeredBy, revision.version, revision.status])),
      numbers.length > 1 ? compareForm : null, diffOutput),
    section('Consumers', table('Consumers', ['Request', 'Team', 'Port', 'Purpose', 'Status', 'Requested by'],
      grants.map((grant) => [grant.id, grant.team, grant.port, grant.purpose, grant.status, grant.requestedBy]))),
    section('Request access', requestForm));
  if (!listening) {
    listening = true;
    live((event) => { if (!event || event.subject === id || String(event.type).includes('access')) render([id]); });
  }
}
"""#
}

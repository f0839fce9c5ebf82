/// `contract.js`: The contract page: objects and properties, versions with compatibility, Kafka subjects.
enum ContractScript {
    static let source = #"""
// A contract version: objects and properties, versions with compatibility between neighbours, Kafka subjects.
import { get, post, problem } from './api.js';
import { contractHref, facts, h, link, section, show, table, title } from './dom.js';

const text = (value) => (value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
const bumpOf = (older, newer) => {
  const [a, b] = [older, newer].map((version) => version.split(/[.+-]/).slice(0, 3).map(Number));
  return a[0] !== b[0] ? 'major' : a[1] !== b[1] ? 'minor' : 'patch';
};
const allowed = { breaking: ['major'], additive: ['major', 'minor'], metadata: ['major', 'minor', 'patch'], none: ['major', 'minor', 'patch'] };

export async function render([id, version]) {
  const base = `/api/v1/contracts/${encodeURIComponent(id)}`;
  const contract = (await get(`${base}/versions/${encodeURIComponent(version)}`)).document;
  title(`${contract.name || id} ${version}`);
  const objects = (contract.schema || []).map((object) => section(`Object ${object.name}`,
    facts([['Physical name', object.physicalName], ['Description', object.description]]),
    table(`Properties of ${object.name}`, ['Property', 'Logical type', 'Physical type', 'Required', 'Classification', 'Quality rules'],
      (object.properties || []).map((property) => [property.name, text(property.logicalType), text(property.physicalType), property.required ? 'yes' : 'no',
        text(property.classification), (property.quality || []).map((rule) => rule.rule || rule.description || rule.query || text(rule)).join('; ')]))));

  const versions = (await get(base)).versions;
  const documents = await Promise.all(versions.map((entry) => get(`${base}/versions/${encodeURIComponent(entry.version)}`).then((envelope) => envelope.document)));
  const rows = [];
  for (let index = 0; index < versions.length; index += 1) {
    const entry = versions[index];
    let verdict = '';
    if (index > 0) {
      try {
        const report = await post('/api/v1/compatibility', { type: 'odcs', schema: documents[index], against: [documents[index - 1]], mode: 'FULL' });
        const bump = bumpOf(versions[index - 1].version, entry.version);
        const semver = allowed[report.changeClass]?.includes(bump) ? 'bump suffices' : 'bump too small';
        verdict = `${report.isCompatible ? 'compatible' : 'incompatible'} (${report.changeClass}, ${report.findings.length} findings); ${bump} bump: ${semver}`;
      } catch (error) { verdict = error.message; }
    }
    rows.push([entry.version === version ? h('strong', {}, entry.version) : link(contractHref(id, entry.version), entry.version), entry.status, verdict]);
  }

  const topics = new Set((contract.schema || []).map((object) => object.physicalName).filter(Boolean));
  for (const server of contract.servers || []) {
    if (server.topic) topics.add(server.topic);
    for (const property of server.customProperties || []) if (property.property === 'topic') topics.add(property.value);
  }
  let subjects = [];
  try {
    subjects = (await get('/apis/ccompat/v7/subjects')).filter((subject) => [...topics].some((topic) => subject === `${topic}-value` || subject === `${topic}-key`));
  } catch (error) { subjects = []; }

  show(
    section('Overview', facts([['Id', id], ['Version', version], ['Status', contract.status], ['Domain', contract.domain],
      ['Team', text(contract.team?.name ?? contract.team)], ['Purpose', contract.description?.purpose]])),
    objects,
    section('Versions', table('Versions and compatibility with the previous one', ['Version', 'Status', 'Against the previous version'], rows)),
    section('Kafka subjects', table('Kafka subjects', ['Subject', 'Topic'], subjects.map((subject) => [link(`/ui/subjects#${encodeURIComponent(subject)}`, subject), subject.replace(/-(value|key)$/, '')]))));
}
"""#
}

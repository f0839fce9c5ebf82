/// `governance.js`: The governance page: violations, audit log, access decisions, policies.
enum GovernanceScript {
    static let source = #"""
// Governance: violations from a scan, the audit log and its chain, access decisions, policies.
import { get, live, post, problem, signedIn } from './api.js';
import { field, h, say, section, select, show, table } from './dom.js';

const outcomes = ['allowed', 'warned', 'denied', 'refused', 'failed'];

export async function render() {
  const violationsArea = h('div');
  const auditArea = h('div');
  const chainArea = h('p', { class: 'chain' });
  const accessArea = h('div');
  const policiesArea = h('div');

  const auditForm = h('form', { class: 'filters', onsubmit: (event) => { event.preventDefault(); loadAudit(); } },
    field('Actor', h('input', { name: 'actor' })), field('Domain', h('input', { name: 'domain' })),
    field('Action', h('input', { name: 'action' })), field('Outcome', select('outcome', [['', 'Any outcome'], ...outcomes])),
    field('Policy', h('input', { name: 'policy' })), h('button', { type: 'submit' }, 'Filter'));

  async function loadViolations() {
    const scan = await get('/api/v1/audit/violations');
    violationsArea.replaceChildren(h('p', {}, `${scan.documents} documents scanned with policy set ${scan.policySetVersion.slice(0, 12)}.`),
      table('Violations', ['Document', 'Policy', 'Severity', 'Where', 'Message'], scan.items.flatMap((finding) => finding.violations.map((violation) =>
        [`${finding.kind} ${finding.key}`, violation.policy, violation.severity, violation.path ?? '', violation.message]))));
  }
  async function loadAudit() {
    const query = new URLSearchParams({ limit: '50' });
    for (const [name, value] of new FormData(auditForm)) if (value) query.set(name, value);
    try {
      const page = await get(`/api/v1/audit?${query}`);
      auditArea.replaceChildren(table('Audit entries', ['#', 'At', 'Actor', 'Action', 'Target', 'Domain', 'Outcome', 'Code'],
        page.items.map((entry) => [entry.sequence, entry.at, entry.actor, entry.action, `${entry.targetKind} ${entry.target}`, entry.domain ?? '',
          h('span', { class: `badge outcome-${entry.outcome}` }, entry.outcome), entry.code ?? ''])));
    } catch (error) { auditArea.replaceChildren(problem(error)); }
    const verification = await get('/api/v1/audit/verify');
    chainArea.textContent = verification.intact
      ? `Audit chain verified: all ${verification.entries} entries link.`
      : `Audit chain broken at entry ${verification.firstBroken?.sequence}: ${verification.firstBroken?.reason}`;
    chainArea.classList.toggle('problem', !verification.intact);
  }
  async function decide(request, verb) {
    try {
      await post(`/api/v1/access-requests/${encodeURIComponent(request.id)}/${verb}`, {});
      say(`${request.id}: ${verb} done`);
      await loadAccess();
    } catch (error) { accessArea.prepend(problem(error)); }
  }
  async function loadAccess() {
    const requests = (await get('/api/v1/access-requests?limit=200')).items;
    const actions = (request) => {
      if (!signedIn) return '';
      const verbs = request.status === 'pending' ? ['approve', 'reject'] : request.status === 'approved' ? ['revoke'] : [];
      return h('span', { class: 'actions' }, verbs.map((verb) => h('button', { type: 'button', 'data-request': request.id, 'data-verb': verb,
        'aria-label': `${verb} ${request.id}`, onclick: () => decide(request, verb) }, verb)));
    };
    accessArea.replaceChildren(table('Access requests', ['Request', 'Product', 'Port', 'Team', 'Purpose', 'Status', 'Decided by', 'Actions'],
      requests.map((request) => [request.id, request.product, request.port, request.team, request.purpose,
        h('span', { class: `badge status-${request.status}` }, request.status), request.decidedBy ?? '', actions(request)])));
  }
  async function loadPolicies() {
    const set = await get('/api/v1/policies');
    const source = (policy) => {
      const spec = policy.document?.spec ?? {};
      const lines = [
        ...(spec.matchConditions ?? []).map((condition) => `match ${condition.name}: ${condition.expression}`),
        ...(spec.variables ?? []).map((variable) => `let ${variable.name} = ${variable.expression}`),
        ...(spec.validations ?? []).map((validation) => `require ${validation.expression}\n  else: ${validation.message ?? validation.messageExpression ?? ''}`),
      ];
      return h('details', {}, h('summary', {}, `Source of ${policy.name}`), h('pre', { tabindex: 0 }, lines.join('\n')));
    };
    policiesArea.replaceChildren(h('p', {}, `Policy set ${set.version.slice(0, 12)}.`),
      table('Policies', ['Name', 'Description', 'Events', 'Actions', 'Digest', 'CEL source'], set.items.map((policy) =>
        [policy.name, policy.description, policy.events.join(', '), policy.validationActions.join(', '), h('code', {}, (policy.digest ?? '').slice(0, 12)), source(policy)])));
  }

  show(section('Policy violations', violationsArea), section('Audit log', chainArea, auditForm, auditArea),
    section('Access requests', accessArea), section('Policies', policiesArea));
  const load = (run, area) => run().catch((error) => area.replaceChildren(problem(error)));
  await Promise.all([load(loadViolations, violationsArea), load(loadAudit, auditArea), load(loadAccess, accessArea), load(loadPolicies, policiesArea)]);
  live((event) => {
    if (!event || String(event.type).includes('access')) load(loadAccess, accessArea);
    load(loadAudit, auditArea);
  });
}
"""#
}

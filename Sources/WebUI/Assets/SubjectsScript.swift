/// `subjects.js`: The Kafka subjects page.
enum SubjectsScript {
    static let source = #"""
// Kafka subjects of the Confluent-compatible API: versions, schemas, compatibility levels.
import { get, live, problem } from './api.js';
import { h, section, show, table } from './dom.js';

const base = '/apis/ccompat/v7';
const path = (subject) => encodeURIComponent(subject);

export async function render() {
  const global = await get(`${base}/config`).catch(() => ({}));
  const subjects = await get(`${base}/subjects`);
  const details = await Promise.all(subjects.map(async (subject) => {
    const [versions, latest, config] = await Promise.all([
      get(`${base}/subjects/${path(subject)}/versions`),
      get(`${base}/subjects/${path(subject)}/versions/latest`),
      get(`${base}/config/${path(subject)}?defaultToGlobal=true`).catch(() => ({})),
    ]);
    return { subject, versions, latest, level: config.compatibilityLevel ?? config.compatibility ?? '' };
  }));
  let schemaText = (latest) => { try { return JSON.stringify(JSON.parse(latest.schema), null, 2); } catch { return latest.schema; } };
  show(
    h('p', {}, `Global compatibility level: ${global.compatibilityLevel ?? global.compatibility ?? 'BACKWARD'}.`),
    section('Subjects', table('Subjects', ['Subject', 'Versions', 'Latest schema id', 'Type', 'Compatibility'],
      details.map((item) => [h('a', { href: `#${path(item.subject)}` }, item.subject), item.versions.join(', '), item.latest.id, item.latest.schemaType ?? 'AVRO', item.level]))),
    details.map((item) => h('section', { id: path(item.subject), 'aria-label': `Latest schema of ${item.subject}` },
      h('h2', {}, item.subject), h('pre', { tabindex: 0 }, schemaText(item.latest)))));
  live((event) => { if (!event || String(event.type).includes('subject')) render().catch((error) => show(problem(error))); });
}
"""#
}

/// `api.js`: Calls the JSON API with the session cookie and the CSRF token; the live-update feed.
enum APIScript {
    static let source = #"""
// The JSON API with the session cookie: writes carry the page's CSRF token.
import { h, say } from './dom.js';

const csrfToken = document.querySelector('meta[name="csrf-token"]')?.content ?? '';
/** Whether the visitor is signed in (anonymous readers cannot write). */
export const signedIn = csrfToken !== '';

export class APIError extends Error {
  constructor(status, problem) {
    super(typeof problem === 'object' && problem ? (problem.detail || problem.message || `HTTP ${status}`) : `HTTP ${status}`);
    this.status = status;
    this.problem = typeof problem === 'object' ? problem : {};
  }
}

async function call(method, path, { body, contentType = 'application/json', accept = 'application/json', signal } = {}) {
  const headers = { Accept: accept };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = contentType;
  const payload = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal });
  if (response.status === 401) {
    // No session, or it ended (signed out elsewhere, expired, its token revoked): sign in again.
    location.assign('/ui/login');
  }
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new APIError(response.status, data);
  return data;
}

export const get = (path, options) => call('GET', path, options);
export const post = (path, body, options = {}) => call('POST', path, { ...options, body });

/** Shows a failed call: the problem's detail and any policy violations, in the status region and below. */
export function problem(error) {
  say(error.message, true);
  const violations = error.problem?.violations || [];
  return h('div', { class: 'problem', role: 'alert' }, h('p', {}, error.message),
    violations.length ? h('ul', {}, violations.map((violation) => h('li', {}, `${violation.policy}: ${violation.message}`))) : null);
}

/** Calls `changed` when the registry changes: from the change-event stream, or by polling every 15 s. */
export function live(changed) {
  if (!('EventSource' in window)) { setInterval(() => changed(null), 15000); return; }
  const after = document.body.dataset.eventsAfter || '0';
  const source = new EventSource(`/api/v1/events/stream?after=${encodeURIComponent(after)}`);
  const deliver = (message) => {
    let event = null;
    try { event = JSON.parse(message.data); } catch { /* an unknown shape: refresh anyway */ }
    changed(event);
  };
  // The stream names each event by its CloudEvents type, and EventSource has no wildcard
  // listener: the shell lists the types.
  for (const type of (document.body.dataset.eventTypes || '').split(' ').filter(Boolean)) {
    source.addEventListener(`io.meshreg.${type}.v1`, deliver);
  }
  source.onmessage = deliver;
}
"""#
}

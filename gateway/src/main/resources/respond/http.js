// One JSON call to the API, as the respondent page, the widget and the console all make it: with a deadline (the
// request is aborted past it), without cookies, and read whole, so that a refusal brings its problem document
// (RFC 9457) along. A call that never got an answer fails with status 0.

/** A call that did not succeed: the HTTP status (0: no answer) and the problem document, if any. */
export class Failure extends Error {
  constructor(status, problem) {
    super(problem?.detail || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/** The answer's JSON (null when it has none), or a {@link Failure}. */
export async function callJson(url, { method = 'GET', body, headers = {}, timeout = 15000 } = {}) {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeout);
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: { Accept: 'application/json', ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
      signal: abort.signal,
      credentials: 'omit',
    });
  } catch (unreachable) {
    throw new Failure(0, null);
  } finally {
    clearTimeout(timer);
  }
  const text = await response.text().catch(() => '');
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (notJson) {
    json = null;
  }
  if (!response.ok) {
    throw new Failure(response.status, json);
  }
  return json;
}

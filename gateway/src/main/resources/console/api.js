// The public API, through the gateway on this origin (/api/v1/...), with the signed-in person's bearer token. A 401
// gets one more try with a refreshed token; after that the person logs in again. Failures carry the problem document
// (RFC 9457) the gateway or the service answered, for the page to explain.

import { Failure, callJson } from '/respond/assets/http.js';

const TIMEOUT_MS = 20000;

export class Api {
  /** {@code onLoginNeeded} is called when no token can be had any more; it leaves the page for Keycloak. */
  constructor(session, onLoginNeeded) {
    this.session = session;
    this.onLoginNeeded = onLoginNeeded;
  }

  get(path, query = {}) {
    return this.call('GET', path, query);
  }

  /** A POST with a JSON body (none: a command such as /publish). */
  post(path, body) {
    return this.call('POST', path, {}, false, { body });
  }

  /** A PUT with a JSON body and extra headers (If-Match). */
  put(path, body, headers = {}) {
    return this.call('PUT', path, {}, false, { body, headers });
  }

  async call(method, path, query, retried = false, { body, headers = {} } = {}) {
    const token = await this.session.bearer({ force: retried });
    if (!token) {
      this.onLoginNeeded();
      throw new Failure(401, null);
    }
    const url = new URL(`/api/v1${path}`, window.location.origin);
    Object.entries(query).forEach(([name, value]) => {
      if (value !== undefined && value !== null && value !== '') {
        url.searchParams.set(name, value);
      }
    });
    try {
      return await callJson(url, {
        method, body, headers: { ...headers, Authorization: `Bearer ${token}` }, timeout: TIMEOUT_MS,
      });
    } catch (failure) {
      if (failure.status === 401 && !retried) {
        return this.call(method, path, query, true, { body, headers });
      }
      if (failure.status === 401) {
        this.onLoginNeeded(); // even a fresh token is refused: the Keycloak session has ended
      }
      throw failure;
    }
  }
}

// Logging in through Keycloak: the authorization code flow with PKCE (S256) on the public client hearken-web, which
// has no secret (a page cannot keep one). The verifier and the state wait in sessionStorage for the one round trip to
// Keycloak and back, and are removed as soon as the answer is read; the tokens live in this module's memory only, so
// nothing another script or a later visitor of the browser could read outlives the tab. A reload logs in again,
// which Keycloak's own session makes a redirect without a form.

const PENDING = 'hearken.console.login';
/**
 * Refresh this long before the access token expires, so a request never leaves with one about to lapse; a third of
 * the token's life when that is shorter (a realm may give tokens less than a minute).
 */
const EARLY_MS = 30000;

/** A login that cannot be completed: Keycloak said no, or the answer is not the one this tab asked for. */
export class LoginError extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

function base64Url(bytes) {
  let text = '';
  bytes.forEach((byte) => { text += String.fromCharCode(byte); });
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText(byteCount) {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

/** RFC 7636: BASE64URL(SHA-256(ASCII(verifier))). */
export async function challengeOf(verifier) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/** Where Keycloak sends the browser back: this page, which the realm's client lists among its redirect URIs. */
function redirectUri() {
  return `${window.location.origin}/console/`;
}

/** The console's login settings (ConsoleConfig in the gateway): Keycloak's endpoints and the client id. */
export async function loadSettings() {
  const response = await fetch('/console/config.json', { credentials: 'omit', cache: 'no-cache' });
  if (!response.ok) {
    throw new Error(`config.json: HTTP ${response.status}`);
  }
  return response.json();
}

/** Leaves for Keycloak's login page; {@code returnTo} (a #route) is where the console opens after the login. */
export async function startLogin(settings, { language, returnTo }) {
  const verifier = randomText(48); // 64 characters, within RFC 7636's 43..128
  const state = randomText(24);
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, returnTo }));
  const url = new URL(settings.authorizationEndpoint);
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    response_type: 'code',
    redirect_uri: redirectUri(),
    scope: 'openid',
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
    ui_locales: language,
  }).toString();
  window.location.assign(url.toString());
}

/**
 * Completes a login when Keycloak has just sent the browser back with a code: checks the state this tab sent,
 * exchanges the code and the verifier for tokens, and takes them out of the address bar and the history. Answers
 * null when the address carries no answer of Keycloak's.
 */
export async function finishLogin(settings) {
  const query = new URLSearchParams(window.location.search);
  if (!query.has('code') && !query.has('error')) {
    return null;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  // The code is single use and short lived; it has no business in the history or in a bookmark.
  window.history.replaceState(null, '', `/console/${pending?.returnTo || ''}`);
  if (query.has('error')) {
    throw new LoginError(query.get('error'));
  }
  if (!pending || pending.state !== query.get('state')) {
    throw new LoginError('state');
  }
  // RFC 9207: Keycloak names itself in the answer; a code from another issuer is not ours to send anywhere.
  if (query.has('iss') && query.get('iss') !== settings.issuer) {
    throw new LoginError('issuer');
  }
  const tokens = await tokenRequest(settings, {
    grant_type: 'authorization_code',
    code: query.get('code'),
    redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
    client_id: settings.clientId,
  });
  return new Session(settings, tokens);
}

async function tokenRequest(settings, form) {
  let response;
  try {
    response = await fetch(settings.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
      credentials: 'omit',
    });
  } catch (unreachable) {
    throw new LoginError('unreachable');
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new LoginError(problem.error || `HTTP ${response.status}`);
  }
  return response.json();
}

/** The claims of a JWT, read for display only: the gateway checks the token, the page just shows what it says. */
function claimsOf(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(payload), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .join(''));
  return JSON.parse(json);
}

/** A signed-in person: their tokens (in memory), who they are, their tenant and roles. */
export class Session {
  constructor(settings, tokens) {
    this.settings = settings;
    this.keep(tokens);
  }

  keep(tokens) {
    this.accessToken = tokens.access_token;
    this.refreshToken = tokens.refresh_token || this.refreshToken;
    this.idToken = tokens.id_token || this.idToken;
    const lifetime = (tokens.expires_in || 60) * 1000;
    this.refreshAt = Date.now() + lifetime - Math.min(EARLY_MS, lifetime / 3);
    const claims = claimsOf(this.accessToken);
    this.username = claims.preferred_username || claims.sub;
    this.tenant = claims.tenant || '';
    this.roles = new Set(claims.realm_access?.roles || []);
  }

  /** Whether the token grants {@code role}; decides only what the page offers, never what the API allows. */
  has(role) {
    return this.roles.has(role);
  }

  /**
   * An access token valid for a while yet, refreshed first when needed (the refresh token grant, so the session
   * outlives any one access token while Keycloak's session lasts); null when only a new login will do.
   */
  async bearer({ force = false } = {}) {
    if (!force && Date.now() < this.refreshAt) {
      return this.accessToken;
    }
    if (!this.refreshToken) {
      return null;
    }
    if (!this.refreshing) {
      this.refreshing = tokenRequest(this.settings, {
        grant_type: 'refresh_token',
        refresh_token: this.refreshToken,
        client_id: this.settings.clientId,
      }).then((tokens) => { this.keep(tokens); return this.accessToken; })
        .catch(() => { this.refreshToken = null; return null; })
        .finally(() => { this.refreshing = null; });
    }
    return this.refreshing;
  }

  /** Ends the Keycloak session too, and comes back to the console's first page. */
  logout() {
    const url = new URL(this.settings.endSessionEndpoint);
    url.search = new URLSearchParams({
      client_id: this.settings.clientId,
      post_logout_redirect_uri: redirectUri(),
      ...(this.idToken ? { id_token_hint: this.idToken } : {}),
    }).toString();
    this.accessToken = null;
    this.refreshToken = null;
    window.location.assign(url.toString());
  }
}

// The Gofer API, called with the signed-in token. The token lives in sessionStorage only: it
// goes in the Authorization header of each call, never in a URL, a cookie or a log, and it is
// gone when the tab closes. A cookie would be sent by the browser on its own; a header is sent
// only by this code, so another site cannot make the browser act with it (no CSRF).

const KEY = 'gofer.console.token';

export const session = {
  token: () => sessionStorage.getItem(KEY),
  signIn: (token) => sessionStorage.setItem(KEY, token),
  signOut: () => sessionStorage.removeItem(KEY),
};

/** The service's root, as seen from /console/ (kept relative for proxies that add a prefix). */
const ROOT = new URL('../', document.baseURI);

export class ApiError extends Error {
  constructor(status, detail) {
    super(detail);
    this.status = status;
  }
}

/** Percent-encodes each path segment: ids and keys are safe, but a typed prefix may not be. */
export function path(...segments) {
  return segments.map((segment) => encodeURIComponent(segment)).join('/');
}

export function query(params) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') {
      search.set(name, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function problem(response) {
  let detail = `HTTP ${response.status}`;
  try {
    const body = await response.json();
    detail = body.detail || body.title || detail;
  } catch {
    // not a problem document: the status has to do
  }
  if (response.status === 401) {
    window.dispatchEvent(new CustomEvent('gofer:unauthorized', { detail }));
  }
  return new ApiError(response.status, detail);
}

/**
 * Calls the API. `path` is relative to the service's root ("api/namespaces"); `json` is sent as
 * the body. Answers the parsed JSON, or the Response itself with `raw`.
 */
export async function call(method, relativePath, { json, raw, anonymous } = {}) {
  const headers = { Accept: 'application/json' };
  const token = session.token();
  if (token && !anonymous) {
    headers.Authorization = `Bearer ${token}`;
  }
  let body;
  if (json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(json);
  }
  const response = await fetch(new URL(relativePath, ROOT), {
    method, headers, body, cache: 'no-store', credentials: 'omit', redirect: 'error',
  });
  if (!response.ok) {
    throw await problem(response);
  }
  if (raw) {
    return response;
  }
  return response.status === 204 ? null : response.json();
}

/**
 * Downloads an object: fetched with the token in its header and handed to the browser as a
 * Blob, since a link would need the token in its URL. The whole object passes through memory.
 */
export async function download(objectPath, fileName) {
  const response = await call('GET', objectPath, { raw: true });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // After the click has started the download; the browser keeps what it needs.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return blob.size;
}

/** Reads the service's Prometheus metrics (no token: /actuator/prometheus is open). */
export async function metrics() {
  const response = await fetch(new URL('actuator/prometheus', ROOT), {
    cache: 'no-store', credentials: 'omit', redirect: 'error',
  });
  if (!response.ok) {
    throw new ApiError(response.status, `HTTP ${response.status}`);
  }
  return response.text();
}

// Talks to /api/v1/: JSON in and out, the session's CSRF token on every state change, and one place that
// notices an expired session (401) so the page can go back to the log-in form.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

let csrfToken = null;
let onUnauthorized = () => {};

export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

export function hasSession() {
  return csrfToken !== null;
}

async function errorMessage(response) {
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string')
      return body.error;
  } catch (ignored) {
    // not JSON: fall through to the status text
  }
  return `${response.status} ${response.statusText || 'error'}`;
}

// Sends a request and returns the parsed JSON (null for 204). Throws ApiError with the API's own message.
export async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  const init = { method, headers, credentials: 'same-origin', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  if (method !== 'GET' && csrfToken)
    headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(`/api/v1/${path}`, init);
  } catch (networkError) {
    throw new ApiError(0, 'The guardian cannot be reached. Is it still running?');
  }
  if (response.status === 401 && path !== 'session') {
    csrfToken = null;
    onUnauthorized();
  }
  if (!response.ok)
    throw new ApiError(response.status, await errorMessage(response));
  if (response.status === 204)
    return null;
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

// The session: log in, pick up a live one after a reload, log out.
export async function logIn(password) {
  const answer = await request('POST', 'session', { password });
  csrfToken = answer.csrf;
}

export async function resumeSession() {
  try {
    const answer = await request('GET', 'session');
    csrfToken = answer.csrf;
    return true;
  } catch (error) {
    if (error.status === 401)
      return false;
    throw error;
  }
}

export async function logOut() {
  try {
    await request('DELETE', 'session');
  } finally {
    csrfToken = null;
  }
}

export const get = (path) => request('GET', path);
export const post = (path, body) => request('POST', path, body);
export const patch = (path, body) => request('PATCH', path, body);
export const put = (path, body) => request('PUT', path, body);
export const remove = (path) => request('DELETE', path);

// HTTP calls. A body that is not Diffyne JSON becomes a typed failure; only a request that never got an answer
// (network down, proxy 502/503/504, timeout) throws, because only those may be retried.
import { NETWORK_ERROR, SERVER_ERROR } from './constants.js';

/** Thrown when the server could not be reached: the request may be retried with the same requestId. */
export class NetworkError extends Error {
  constructor(message) {
    super(message);
    this.type = NETWORK_ERROR;
  }
}

/** POSTs `body` as JSON; resolves with the parsed answer (success or failure body), or throws NetworkError. */
export async function postJson(url, body, timeout = 30000, headers = {}) {
  const ctl = typeof AbortController === 'function' ? new AbortController() : null;
  const timer = ctl && setTimeout(() => ctl.abort(), timeout);
  let res;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'Diffyne', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal: ctl && ctl.signal,
    });
  } catch (e) {
    throw new NetworkError(String(e && e.message));
  } finally {
    clearTimeout(timer);
  }
  let json;
  try {
    json = await res.json();
  } catch {
    json = null;
  }
  if (!json || typeof json !== 'object') {
    if ([502, 503, 504].includes(res.status)) throw new NetworkError('HTTP ' + res.status);
    json = { s: false, type: SERVER_ERROR, error: 'HTTP ' + res.status };
  }
  return json;
}

/** Multipart upload with progress (fetch has no upload progress), the last one when the whole body is sent.
 * Resolves with the parsed JSON answer. */
export function upload(url, form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('X-Requested-With', 'Diffyne');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total);
    xhr.upload.onload = (e) => onProgress(e.total || e.loaded, e.total || e.loaded);
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText));
      } catch {
        resolve({ s: false, type: SERVER_ERROR, error: 'HTTP ' + xhr.status });
      }
    };
    xhr.onerror = () => reject(new NetworkError('upload failed'));
    xhr.send(form);
  });
}

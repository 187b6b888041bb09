// Talking to the photo API: one file per request with XMLHttpRequest (fetch cannot report upload progress), then
// watching the photo until its processing settles.

/** Posts one photo; resolves with the HTTP status (0 when the request never completed) and the parsed body. */
export function sendPhoto({ url, file, view, headers, onProgress }) {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    Object.entries(headers).forEach(([name, value]) => xhr.setRequestHeader(name, value));
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    });
    xhr.upload.addEventListener('load', () => onProgress(1));
    xhr.addEventListener('load', () => resolve({
      status: xhr.status, body: parse(xhr.responseText), retryAfter: seconds(xhr.getResponseHeader('Retry-After')),
    }));
    for (const end of ['error', 'abort', 'timeout']) xhr.addEventListener(end, () => resolve({ status: 0, body: null }));
    const form = new FormData();
    form.append('view', view);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Retry-After in seconds (the app sends a number), or null. */
const seconds = (header) => {
  const value = Number.parseInt(header ?? '', 10);
  return Number.isFinite(value) && value >= 0 ? Math.min(value, 120) : null;
};

const parse = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return null; // not JSON: a proxy's error page, say
  }
};

/** A sentence for a failed upload: the server's ProblemDetails detail when it sent one. */
export function failureReason({ status, body }) {
  if (status === 0) return 'The upload did not reach the server. Check the connection, then retry.';
  if (status === 401) return 'You have been signed out. Sign in again in another tab, then retry.';
  if (body?.detail) return body.detail;
  if (status === 413) return 'The file is larger than the server accepts.';
  if (status >= 500) return `The server could not store the photo (error ${status}). Retry in a moment.`;
  return `The server did not accept the photo (error ${status}).`;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Polls the photo until it is ready or failed. Resolves with the photo, or null when it is still processing after
 * ten minutes (the timeline will show it once it finishes) or can no longer be read.
 */
export async function watchPhoto(url) {
  const deadline = Date.now() + 10 * 60 * 1000;
  let delay = 600;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (response.status === 401 || response.status === 404) return null;
      if (response.ok) {
        const photo = await response.json();
        if (photo.status === 'ready' || photo.status === 'failed') return photo;
      }
    } catch {
      // A network blip: ask again on the next tick.
    }
    await sleep(delay);
    delay = Math.min(delay * 1.5, 4000);
  }
  return null;
}

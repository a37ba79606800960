// Every call goes to the server's own Mistral v2 API (or /ui/api), with the API key when one was entered.
const KeyStorage = 'sirocco.apiKey';

export class ApiError extends Error {
  constructor(public readonly status: number, message: string, public readonly body: unknown) {
    super(message);
  }
}

export function apiKey(): string | null {
  return localStorage.getItem(KeyStorage);
}

export function setApiKey(key: string | null): void {
  if (key) localStorage.setItem(KeyStorage, key);
  else localStorage.removeItem(KeyStorage);
}

export function headers(extra: Record<string, string> = {}): Record<string, string> {
  const key = apiKey();
  return key ? { ...extra, 'X-Auth-Token': key } : extra;
}

/** Called on 401 so the page can ask for the key once and retry. */
let onUnauthorized: (() => Promise<void>) | null = null;
export function handleUnauthorized(handler: () => Promise<void>): void {
  onUnauthorized = handler;
}

export async function request<T = any>(method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const init: RequestInit = { method, headers: headers(body === undefined ? {} : { 'Content-Type': contentType }) };
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
    const response = await fetch(path, init);
    if (response.status === 401 && attempt === 0 && onUnauthorized) {
      await onUnauthorized();
      continue;
    }
    const text = await response.text();
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!response.ok) {
      const message = json?.faultstring ?? json?.detail ?? json?.title ?? (text || response.statusText);
      throw new ApiError(response.status, `${response.status}: ${message}`, json);
    }
    return json as T;
  }
}

export const get = <T = any>(path: string) => request<T>('GET', path);
export const put = <T = any>(path: string, body: unknown) => request<T>('PUT', path, body);
export const post = <T = any>(path: string, body: unknown) => request<T>('POST', path, body);
export const del = <T = any>(path: string) => request<T>('DELETE', path);

/**
 * Server-sent events read with fetch rather than EventSource, because EventSource cannot send the
 * X-Auth-Token header. Returns a function that stops the stream.
 */
export function subscribe(path: string, onEvent: (event: string, data: string) => void, onError: (e: unknown) => void): () => void {
  const abort = new AbortController();
  (async () => {
    const response = await fetch(path, { headers: headers({ Accept: 'text/event-stream' }), signal: abort.signal });
    if (!response.ok || !response.body) throw new ApiError(response.status, `${response.status}: event stream refused`, null);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        onEvent(event, data.join('\n'));
      }
    }
  })().catch((e) => {
    if (!abort.signal.aborted) onError(e);
  });
  return () => abort.abort();
}

/**
 * The few things the partner client needs from an HTTP library — a prefix URL, JSON bodies,
 * query parameters, a timeout, caller cancellation, a hook for the bearer token, and non-2xx
 * answers as errors — on the platform's fetch. It replaces ky (same call shape:
 * `http.get('me', { signal }).json()`), which alone cost ~5 KB of the 35 KB bundle budget.
 */
export class HTTPError extends Error {
  override name = 'HTTPError';
  constructor(readonly response: Response) {
    super(`Request failed with status ${response.status}`);
  }
}

export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

export interface RequestOptions {
  json?: unknown;
  searchParams?: Record<string, string>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Milliseconds before the request is abandoned with a TimeoutError. */
  timeout?: number;
}

export type ResponsePromise = Promise<Response> & {
  json<T = unknown>(): Promise<T>;
  blob(): Promise<Blob>;
  text(): Promise<string>;
};

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
export type Http = Record<Method, (path: string, options?: RequestOptions) => ResponsePromise>;

export interface HttpConfig {
  /** Absolute base every path is resolved against, ending in `/`. */
  prefixUrl: string;
  timeout: number;
  /** Runs before each request (e.g. to add the bearer token). */
  beforeRequest?: (headers: Headers) => void;
}

export function createHttp(config: HttpConfig): Http {
  const request = (method: Method, path: string, options: RequestOptions = {}): ResponsePromise => {
    const url = new URL(path, config.prefixUrl);
    for (const [key, value] of Object.entries(options.searchParams ?? {})) url.searchParams.set(key, value);
    const headers = new Headers(options.headers);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    let body: string | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers.set('Content-Type', 'application/json');
    }
    config.beforeRequest?.(headers);

    // one signal for the caller's cancel and our timeout
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, options.timeout ?? config.timeout);
    const cancel = () => controller.abort(options.signal?.reason);
    if (options.signal?.aborted) cancel();
    options.signal?.addEventListener('abort', cancel, { once: true });

    const response = fetch(url, { method: method.toUpperCase(), headers, body, signal: controller.signal }).then(
      (res) => {
        if (!res.ok) throw new HTTPError(res);
        return res;
      },
      (error: unknown) => {
        throw timedOut ? new TimeoutError('The request timed out') : error;
      },
    );
    const settle = <T>(read: (res: Response) => Promise<T>) =>
      response.then(read).finally(() => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', cancel);
      });
    const done = settle((res) => Promise.resolve(res));
    // callers usually read through .json(): the bare promise must not report an unhandled rejection
    done.catch(() => {});
    return Object.assign(done, {
      json: <T>() => settle((res) => (res.status === 204 ? Promise.resolve(undefined as T) : (res.json() as Promise<T>))),
      blob: () => settle((res) => res.blob()),
      text: () => settle((res) => res.text()),
    });
  };
  return {
    get: (path, options) => request('get', path, options),
    post: (path, options) => request('post', path, options),
    patch: (path, options) => request('patch', path, options),
    put: (path, options) => request('put', path, options),
    delete: (path, options) => request('delete', path, options),
  };
}

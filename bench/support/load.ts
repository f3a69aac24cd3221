/** The Node load loop the benchmarks share where wrk does not fit (request bodies, a click id per answer). */
import http from 'node:http';

export interface Result {
  seconds: number;
  perSecond: number;
  statuses: Map<number, number>;
  locations: string[];
}

/** `total` requests over `connections` keep-alive sockets, as fast as they answer. */
export async function load(port: number, total: number, connections: number, request: (i: number) => { method: string; path: string; body?: string; headers?: Record<string, string> }): Promise<Result> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const statuses = new Map<number, number>();
  const locations: string[] = [];
  let next = 0;
  const once = (i: number) =>
    new Promise<void>((done, fail) => {
      const { method, path, body, headers } = request(i);
      const req = http.request({ host: '127.0.0.1', port, method, path, agent, headers: { ...headers, ...(body && { 'Content-Length': Buffer.byteLength(body) }) } }, (res) => {
        statuses.set(res.statusCode!, (statuses.get(res.statusCode!) ?? 0) + 1);
        if (res.headers.location) locations.push(res.headers.location);
        res.resume();
        res.on('end', done);
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end(body);
    });
  const worker = async () => {
    while (next < total) await once(next++);
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { seconds, perSecond: total / seconds, statuses, locations };
}

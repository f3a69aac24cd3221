import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * A real HTTP receiver on 127.0.0.1 (what a merchant's server would be). `answer` decides each
 * reply from the request number (0-based): a status, or a status with headers.
 */
export async function startReceiver(answer: (n: number, req: Received) => number | { status: number; headers?: Record<string, string> } = () => 200, port = 0) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const entry = { path: req.url ?? '/', headers: req.headers, body };
      const reply = answer(received.length, entry);
      received.push(entry);
      const { status, headers } = typeof reply === 'number' ? { status: reply, headers: {} } : reply;
      res.writeHead(status, { 'Content-Type': 'text/plain', ...headers });
      res.end(status < 300 ? 'ok' : 'no');
    });
  });
  await new Promise<void>((ready) => server.listen(port, '127.0.0.1', ready));
  const bound = (server.address() as AddressInfo).port;
  return {
    port: bound,
    url: `http://127.0.0.1:${bound}/hooks`,
    received,
    /** The signed headers Webhook.verify wants. */
    headersOf: (r: Received) => ({
      'webhook-id': String(r.headers['webhook-id']),
      'webhook-timestamp': String(r.headers['webhook-timestamp']),
      'webhook-signature': String(r.headers['webhook-signature']),
    }),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

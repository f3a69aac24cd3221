import { createServer, type Server } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on a free port for tests: every message that arrives is read with
 * mailparser. `reject` answers each message with that SMTP error instead (e.g. 451 or 550).
 */
export async function startSmtp(options: { port?: number; reject?: { code: number; message: string }; user?: string; pass?: string } = {}) {
  const arrived: ParsedMail[] = [];
  let reject = options.reject;
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: !options.user,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.pass) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (reject) {
          const error = Object.assign(new Error(reject.message), { responseCode: reject.code });
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            arrived.push(mail);
            for (const wake of waiters.splice(0)) wake();
            callback();
          })
          .catch(callback);
      });
    },
  });
  const port = await new Promise<number>((resolve, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  const auth = options.user ? `${encodeURIComponent(options.user)}:${encodeURIComponent(options.pass ?? '')}@` : '';
  return {
    port,
    url: `smtp://${auth}127.0.0.1:${port}`,
    arrived,
    /** From now on, accept (undefined) or refuse every message. */
    setReject(next?: { code: number; message: string }) {
      reject = next;
    },
    /** Resolves when `count` messages arrived (fails after `ms`). */
    async waitFor(count: number, ms = 10_000): Promise<ParsedMail[]> {
      const until = Date.now() + ms;
      while (arrived.length < count) {
        if (Date.now() > until) throw new Error(`waited ${ms} ms for ${count} message(s); ${arrived.length} arrived`);
        await new Promise<void>((wake) => {
          waiters.push(wake);
          setTimeout(wake, 100);
        });
      }
      return arrived;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** A port nothing listens on (taken and released). */
export async function freePort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/** A header of an arrived message as sent (mailparser folds List-* headers into an object). */
export function rawHeader(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase());
  return line ? line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n\s+/g, ' ').trim() : undefined;
}

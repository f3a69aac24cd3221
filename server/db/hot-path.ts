import { randomBytes } from 'node:crypto';
import type { Db } from './connection.js';

/**
 * The redirect's queries, as statements prepared once per connection, group-committed: the
 * redirects that arrive while a batch gathers (one event-loop turn) are served by one
 * transaction, taken while holding Kysely's connection lock (so they never land inside another
 * request's open transaction). On SQLite each redirect's look-ups run inside that transaction
 * too: one read lock for the batch instead of three per redirect (each autocommit read takes and
 * drops SQLite's file and WAL locks: system calls), and a link or partner read once per batch.
 * Each redirect answers only after its click is committed — no click is acknowledged before it
 * is on disk (WAL: it survives the process being killed).
 */
export interface HotLink {
  id: number;
  slug: string;
  name: string;
  destination: string;
  partner_id: number | null;
  sub: string | null;
  status: 'active' | 'disabled';
}

export interface HotPartner {
  id: number;
  status: 'active' | 'pending' | 'disabled';
}

export interface HotClick {
  id: number;
  at: number;
  first_click_id: number | null;
}

export interface NewHotClick {
  click_key: string;
  link_id: number;
  partner_id: number;
  at: number;
  ip_hash: string;
  user_agent: string | null;
  referrer: string | null;
  sub: string | null;
  first_click_id: number | null;
}

/** What a redirect looks up: the link by slug, the partner by code, and the earlier click its cookie names. */
export interface ClickLookup {
  slug: string;
  code: string;
  earlierKey?: string | undefined;
}

export interface ClickFound {
  link: HotLink | undefined;
  partner: HotPartner | undefined;
  earlier: HotClick | undefined;
}

/**
 * Decides from what was found which click to store, if any, and what to answer. Runs inside the
 * batch's transaction on SQLite, so it must be synchronous and quick: no I/O, no await.
 */
export type ClickPlan<T> = (found: ClickFound) => { row?: NewHotClick | undefined; answer: T };

export interface HotPath {
  /** Looks up, stores the click `plan` asks for, and resolves once it is committed (`id` when a click was stored). */
  click<T>(lookup: ClickLookup, plan: ClickPlan<T>): Promise<{ answer: T; id?: number }>;
  /** Commits the batch being gathered now (if any) and waits for every batch in progress; answers how many redirects it waited for. */
  drain(): Promise<number>;
  /** A random secret of this installation, to salt the hash of visitors' addresses. */
  salt(): string | Promise<string>;
}

type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown };

/**
 * Group commit: jobs that arrive while a batch gathers (one event-loop turn) go to `write`
 * together; each caller's promise settles with its job's outcome once the batch is written
 * (all reject when the batch's transaction fails).
 */
function batcher<Job, R>(write: (jobs: Job[]) => Promise<Settled<R>[]>) {
  type Waiting = { job: Job; resolve: (value: R) => void; reject: (err: unknown) => void };
  let gathering: Waiting[] = [];
  const inProgress = new Set<Promise<void>>();
  let pending = 0;
  const run = async (batch: Waiting[]) => {
    try {
      const outcomes = await write(batch.map((w) => w.job));
      batch.forEach((w, i) => {
        const outcome = outcomes[i]!;
        if (outcome.ok) w.resolve(outcome.value);
        else w.reject(outcome.error);
      });
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  };
  const flush = () => {
    if (!gathering.length) return;
    const batch = gathering;
    gathering = [];
    pending += batch.length;
    const done = run(batch).finally(() => {
      pending -= batch.length;
      inProgress.delete(done);
    });
    inProgress.add(done);
  };
  return {
    add: (job: Job) =>
      new Promise<R>((resolve, reject) => {
        if (!gathering.length) setImmediate(flush);
        gathering.push({ job, resolve, reject });
      }),
    async drain() {
      const waited = pending + gathering.length;
      flush();
      while (inProgress.size) await Promise.all(inProgress);
      return waited;
    },
  };
}

// one job type for every caller's T: the batcher only carries it through
type ClickJob = { lookup: ClickLookup; plan: ClickPlan<unknown> };
type ClickDone = { answer: unknown; id?: number };

const prepared = new WeakMap<Db, HotPath>();

function prepare(db: Db): HotPath {
  const { sqlite } = db;
  // a busy redirect fills the WAL quickly: its checkpoints must not stall the event loop
  db.checkpoints?.start();
  const link = sqlite.prepare<[string], HotLink>('SELECT id, slug, name, destination, partner_id, sub, status FROM links WHERE slug = ?');
  const partner = sqlite.prepare<[string], HotPartner>('SELECT id, status FROM partners WHERE code = ?');
  const click = sqlite.prepare<[string], HotClick>('SELECT id, at, first_click_id FROM clicks WHERE click_key = ?');
  const insert = sqlite.prepare<unknown[]>(
    'INSERT INTO clicks (click_key, link_id, partner_id, at, ip_hash, user_agent, referrer, sub, first_click_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // a job that fails (a constraint) leaves the others in the batch to commit: SQLite undoes just its statement
  const serve = sqlite.transaction((jobs: ClickJob[]): Settled<ClickDone>[] => {
    // links and partners cannot change inside this transaction: read each once per batch
    const links = new Map<string, HotLink | undefined>();
    const partners = new Map<string, HotPartner | undefined>();
    return jobs.map(({ lookup, plan }) => {
      try {
        if (!links.has(lookup.slug)) links.set(lookup.slug, link.get(lookup.slug));
        if (!partners.has(lookup.code)) partners.set(lookup.code, partner.get(lookup.code));
        const { row: r, answer } = plan({
          link: links.get(lookup.slug),
          partner: partners.get(lookup.code),
          earlier: lookup.earlierKey ? click.get(lookup.earlierKey) : undefined,
        });
        if (!r) return { ok: true, value: { answer } };
        const id = Number(insert.run(r.click_key, r.link_id, r.partner_id, r.at, r.ip_hash, r.user_agent, r.referrer, r.sub, r.first_click_id).lastInsertRowid);
        return { ok: true, value: { answer, id } };
      } catch (error) {
        return { ok: false, error };
      }
    });
  });
  sqlite
    .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('_ipHashSalt', ?, ?) ON CONFLICT (key) DO NOTHING")
    .run(JSON.stringify(randomBytes(24).toString('base64url')), Date.now());
  const salt = JSON.parse((sqlite.prepare("SELECT value FROM settings WHERE key = '_ipHashSalt'").get() as { value: string }).value) as string;

  const clicks = batcher<ClickJob, ClickDone>((jobs) => db.kysely.connection().execute(async () => serve(jobs)));
  return {
    click: <T>(lookup: ClickLookup, plan: ClickPlan<T>) => clicks.add({ lookup, plan }) as Promise<{ answer: T; id?: number }>,
    drain: clicks.drain,
    salt: () => salt,
  };
}

/**
 * PostgreSQL's: the look-ups through the pool (in parallel), the plan, then the batch's clicks
 * as one multi-row INSERT (one round trip and one commit for the batch); ids come back in the
 * rows' order.
 */
function preparePostgres(db: Db): HotPath {
  const k = db.kysely;
  let salt: Promise<string> | undefined;
  const inserts = batcher<NewHotClick, number>(async (rows) =>
    (await k.insertInto('clicks').values(rows).returning('id').execute()).map((r) => ({ ok: true, value: r.id })),
  );
  const find = async ({ slug, code, earlierKey }: ClickLookup): Promise<ClickFound> => {
    const [link, partner, earlier] = await Promise.all([
      k.selectFrom('links').select(['id', 'slug', 'name', 'destination', 'partner_id', 'sub', 'status']).where('slug', '=', slug).executeTakeFirst(),
      k.selectFrom('partners').select(['id', 'status']).where('code', '=', code).executeTakeFirst(),
      earlierKey ? k.selectFrom('clicks').select(['id', 'at', 'first_click_id']).where('click_key', '=', earlierKey).executeTakeFirst() : undefined,
    ]);
    return { link, partner, earlier };
  };
  return {
    async click(lookup, plan) {
      const { row, answer } = plan(await find(lookup));
      return row ? { answer, id: await inserts.add(row) } : { answer };
    },
    drain: inserts.drain,
    salt: () =>
      (salt ??= (async () => {
        await k
          .insertInto('settings')
          .values({ key: '_ipHashSalt', value: JSON.stringify(randomBytes(24).toString('base64url')), updated_at: Date.now() })
          .onConflict((oc) => oc.column('key').doNothing())
          .execute();
        const row = await k.selectFrom('settings').select('value').where('key', '=', '_ipHashSalt').executeTakeFirstOrThrow();
        return JSON.parse(row.value) as string;
      })().catch((err) => {
        salt = undefined;
        throw err;
      })),
  };
}

/** Commits the clicks still gathering on this database and waits for them (0 when the redirect never ran). */
export const drainClicks = (db: Db): Promise<number> => prepared.get(db)?.drain() ?? Promise.resolve(0);

/** The redirect's queries on this database (prepared statements on SQLite). */
export function hotPath(db: Db): HotPath {
  let q = prepared.get(db);
  if (!q) {
    q = db.dialect === 'postgres' ? preparePostgres(db) : prepare(db);
    prepared.set(db, q);
  }
  return q;
}

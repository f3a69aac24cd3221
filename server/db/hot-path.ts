import { randomBytes } from 'node:crypto';
import type { Db } from './connection.js';

/**
 * The redirect's queries as statements prepared once per connection. Look-ups run directly
 * (reads by unique index). Click inserts are group-committed: the clicks that arrive while a
 * batch is being gathered (one event-loop turn) are written in one transaction while holding
 * Kysely's connection lock — so they never land inside another request's open transaction —
 * and each redirect answers only after its click is committed. One commit per batch instead of
 * per click is what keeps the redirect near a bare redirect's speed; no click is acknowledged
 * before it is on disk.
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

export interface HotPath {
  link(slug: string): HotLink | undefined | Promise<HotLink | undefined>;
  partner(code: string): HotPartner | undefined | Promise<HotPartner | undefined>;
  click(key: string): HotClick | undefined | Promise<HotClick | undefined>;
  /** Resolves with the click's id once its batch is committed. */
  insertClick(click: NewHotClick): Promise<number>;
  /** Commits the batch being gathered now (if any) and waits for every batch in progress; answers how many clicks it waited for. */
  drain(): Promise<number>;
  /** A random secret of this installation, to salt the hash of visitors' addresses. */
  salt(): string | Promise<string>;
}

/**
 * Group commit: rows that arrive while a batch gathers (one event-loop turn) go to `write`
 * together, and each caller's promise resolves with its row's id once the batch is written.
 */
function batcher<Row>(write: (rows: Row[]) => Promise<number[]>) {
  type Waiting = { row: Row; resolve: (id: number) => void; reject: (err: unknown) => void };
  let gathering: Waiting[] = [];
  const inProgress = new Set<Promise<void>>();
  let pending = 0;
  const run = async (batch: Waiting[]) => {
    try {
      const ids = await write(batch.map((w) => w.row));
      batch.forEach((w, i) => w.resolve(ids[i]!));
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
    add: (row: Row) =>
      new Promise<number>((resolve, reject) => {
        if (!gathering.length) setImmediate(flush);
        gathering.push({ row, resolve, reject });
      }),
    async drain() {
      const waited = pending + gathering.length;
      flush();
      while (inProgress.size) await Promise.all(inProgress);
      return waited;
    },
  };
}

const prepared = new WeakMap<Db, HotPath>();

function prepare(db: Db): HotPath {
  const { sqlite } = db;
  const link = sqlite.prepare<[string], HotLink>('SELECT id, slug, name, destination, partner_id, sub, status FROM links WHERE slug = ?');
  const partner = sqlite.prepare<[string], HotPartner>('SELECT id, status FROM partners WHERE code = ?');
  const click = sqlite.prepare<[string], HotClick>('SELECT id, at, first_click_id FROM clicks WHERE click_key = ?');
  const insert = sqlite.prepare<unknown[]>(
    'INSERT INTO clicks (click_key, link_id, partner_id, at, ip_hash, user_agent, referrer, sub, first_click_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertAll = sqlite.transaction((rows: NewHotClick[]) =>
    rows.map(
      (r) => Number(insert.run(r.click_key, r.link_id, r.partner_id, r.at, r.ip_hash, r.user_agent, r.referrer, r.sub, r.first_click_id).lastInsertRowid),
    ),
  );
  sqlite
    .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('_ipHashSalt', ?, ?) ON CONFLICT (key) DO NOTHING")
    .run(JSON.stringify(randomBytes(24).toString('base64url')), Date.now());
  const salt = JSON.parse((sqlite.prepare("SELECT value FROM settings WHERE key = '_ipHashSalt'").get() as { value: string }).value) as string;

  const clicks = batcher<NewHotClick>((rows) => db.kysely.connection().execute(async () => insertAll(rows)));
  return {
    link: (slug) => link.get(slug),
    partner: (code) => partner.get(code),
    click: (key) => click.get(key),
    insertClick: clicks.add,
    drain: clicks.drain,
    salt: () => salt,
  };
}

/**
 * PostgreSQL's: the same reads through the pool, and each batch of clicks as one multi-row
 * INSERT (one round trip and one commit for the batch); ids come back in the rows' order.
 */
function preparePostgres(db: Db): HotPath {
  const k = db.kysely;
  let salt: Promise<string> | undefined;
  const clicks = batcher<NewHotClick>(async (rows) => (await k.insertInto('clicks').values(rows).returning('id').execute()).map((r) => r.id));
  return {
    link: (slug) => k.selectFrom('links').select(['id', 'slug', 'name', 'destination', 'partner_id', 'sub', 'status']).where('slug', '=', slug).executeTakeFirst(),
    partner: (code) => k.selectFrom('partners').select(['id', 'status']).where('code', '=', code).executeTakeFirst(),
    click: (key) => k.selectFrom('clicks').select(['id', 'at', 'first_click_id']).where('click_key', '=', key).executeTakeFirst(),
    insertClick: clicks.add,
    drain: clicks.drain,
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

import { randomBytes } from 'node:crypto';
import type Sqlite from 'better-sqlite3';
import type { Db } from './connection.js';

/**
 * The redirect's queries as statements prepared once per connection: a click is two indexed
 * look-ups and one insert, run synchronously while holding Kysely's connection lock so they
 * never land inside another request's open transaction.
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
  link(slug: string): HotLink | undefined;
  partner(code: string): HotPartner | undefined;
  click(key: string): HotClick | undefined;
  insertClick(click: NewHotClick): number;
  /** A random secret of this installation, to salt the hash of visitors' addresses. */
  readonly salt: string;
}

const prepared = new WeakMap<Sqlite.Database, HotPath>();

function prepare(sqlite: Sqlite.Database): HotPath {
  const link = sqlite.prepare<[string], HotLink>('SELECT id, slug, name, destination, partner_id, sub, status FROM links WHERE slug = ?');
  const partner = sqlite.prepare<[string], HotPartner>('SELECT id, status FROM partners WHERE code = ?');
  const click = sqlite.prepare<[string], HotClick>('SELECT id, at, first_click_id FROM clicks WHERE click_key = ?');
  const insert = sqlite.prepare<NewHotClick>(
    `INSERT INTO clicks (click_key, link_id, partner_id, at, ip_hash, user_agent, referrer, sub, first_click_id)
     VALUES (@click_key, @link_id, @partner_id, @at, @ip_hash, @user_agent, @referrer, @sub, @first_click_id)`,
  );
  sqlite
    .prepare("INSERT INTO settings (key, value, updated_at) VALUES ('_ipHashSalt', ?, ?) ON CONFLICT (key) DO NOTHING")
    .run(JSON.stringify(randomBytes(24).toString('base64url')), Date.now());
  const salt = JSON.parse((sqlite.prepare("SELECT value FROM settings WHERE key = '_ipHashSalt'").get() as { value: string }).value) as string;
  return {
    link: (slug) => link.get(slug),
    partner: (code) => partner.get(code),
    click: (key) => click.get(key),
    insertClick: (row) => Number(insert.run(row).lastInsertRowid),
    salt,
  };
}

/**
 * Runs `fn` with the prepared redirect statements while holding the connection, so it is
 * serialised with every Kysely query and transaction. `fn` must be synchronous.
 */
export async function withHotPath<T>(db: Db, fn: (q: HotPath) => T): Promise<T> {
  return db.kysely.connection().execute(async () => {
    let q = prepared.get(db.sqlite);
    if (!q) {
      q = prepare(db.sqlite);
      prepared.set(db.sqlite, q);
    }
    return fn(q);
  });
}

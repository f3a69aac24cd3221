import { AsyncLocalStorage } from 'node:async_hooks';
import type { MerchantRole } from '../db/schema.js';

/**
 * Who is making a change: a merchant user (console or admin API with their token), an admin API
 * key (server-to-server), or the CLI. Set once per request by the admin auth middleware and per
 * command by the CLI's `withDeps`; the domain write functions read it when they `audit()`.
 */
export type Actor =
  | { type: 'user'; id: number; email: string; role: MerchantRole }
  | { type: 'key'; id: number | null; name: string }
  | { type: 'cli' };

const storage = new AsyncLocalStorage<Actor>();

/** Runs `fn` with `actor` as the one making changes. */
export const runAs = <T>(actor: Actor, fn: () => T): T => storage.run(actor, fn);

/** The caller's actor, to run later work under (work batched with others' keeps its own actor). */
export function actorContext(): <T>(work: () => T) => T {
  const actor = storage.getStore();
  return (work) => storage.run(actor as Actor, work);
}

/** The actor of the work in progress; undefined for tracking events, the demo seed, sweeps. */
export const currentActor = (): Actor | undefined => storage.getStore();

/** The name the audit log shows: the user's email, the key's name, or `cli`. */
export const actorName = (actor: Actor): string => (actor.type === 'user' ? actor.email : actor.type === 'key' ? actor.name : 'cli');

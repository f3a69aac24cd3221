import type { CompiledQuery } from 'kysely';
import { dialectOf, type Dialect } from './dialect.js';
import type { Executor } from './executor.js';
import type { RunnableQuery } from './runner.js';

/** Where a value of the call goes: a parameter the template names, or one the builder fixed (a limit). */
class Slot {
  constructor(readonly name: string) {}
}

type Compiled<R> = { query: CompiledQuery<R>; params: (Slot | { value: unknown })[] };

/** One call's query: compiled already (no closures made per call). */
class Bound<R> implements RunnableQuery<R> {
  constructor(
    private readonly db: Executor,
    private readonly query: CompiledQuery<R>,
  ) {}
  compile(): CompiledQuery<R> {
    return this.query;
  }
  async execute(): Promise<R[]> {
    return (await this.db.executeQuery(this.query)).rows;
  }
}

/**
 * A query built and compiled once per dialect, then run with new values: for the statements a
 * sale runs every time (Kysely's builder and compiler cost more than SQLite's work on a short
 * statement). `build` receives stand-ins for the values — use each as a value, never decide on
 * it (no `if`, no `??`): the shape of the SQL must not depend on the values.
 *
 *   const byId = prepare((db, p: { id: number }) => db.selectFrom('partners').selectAll().where('id', '=', p.id));
 *   await run.first(byId(run.db, { id }));
 */
export function prepare<P extends object, R>(build: (db: Executor, params: P) => RunnableQuery<R> & { compile(): CompiledQuery<R> }) {
  const compiled = new Map<Dialect, Compiled<R>>();
  const stand = new Proxy({} as P, { get: (_, name) => new Slot(String(name)) });

  return (db: Executor, values: P): RunnableQuery<R> => {
    const dialect = dialectOf(db);
    let template = compiled.get(dialect);
    if (!template) {
      const query = build(db, stand).compile();
      template = { query, params: query.parameters.map((p) => (p instanceof Slot ? p : { value: p })) };
      compiled.set(dialect, template);
    }
    const parameters: unknown[] = [];
    for (const p of template.params) parameters.push(p instanceof Slot ? (values as Record<string, unknown>)[p.name] : p.value);
    return new Bound(db, { ...template.query, parameters });
  };
}

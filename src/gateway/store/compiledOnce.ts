/**
 * A Kysely query built and compiled once, then run with new arguments. Kysely builds and compiles every
 * query anew (tens of µs, several times what SQLite takes to answer it); the session check every request
 * makes runs through this instead. The arguments must reach the query as bound parameters (as Kysely's
 * comparisons and values do); values written into the query itself stay as they were compiled.
 */
import type { Compilable, CompiledQuery, Kysely } from "kysely";

/** Marks argument `index` while compiling, to find where it lands among the parameters. */
const marker = (index: number): string => `\u0000eol-argument-${index}`;

export function compiledOnce<A extends string[], R>(
  // The database type does not matter to running a compiled query.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: Kysely<any>,
  build: (...args: A) => Compilable<R>,
): (...args: A) => Promise<R[]> {
  let compiled: CompiledQuery<R> | null = null;
  /** For each parameter: the argument it takes, or -1 for a value compiled into the query. */
  let sources: number[] = [];
  return async (...args) => {
    if (!compiled) {
      const markers = args.map((_, index) => marker(index)) as A;
      compiled = build(...markers).compile();
      sources = compiled.parameters.map((value) => markers.indexOf(value as string));
      if (markers.some((_, index) => !sources.includes(index))) {
        throw new Error("compiledOnce: every argument must be a bound parameter of the query");
      }
    }
    const template = compiled;
    const parameters = sources.map((source, index) =>
      source === -1 ? template.parameters[index] : args[source],
    );
    return (await db.executeQuery<R>({ ...template, parameters })).rows;
  };
}

/** A query compiled once runs with each call's own arguments, keeps the values compiled into it, and refuses an argument it cannot bind. */
import Database from "better-sqlite3";
import { Kysely, SqliteDialect, sql } from "kysely";
import { compiledOnce } from "../../../src/gateway/store/compiledOnce";

interface Tables {
  items: { id: string; kind: string; size: number };
}

let db: Kysely<Tables>;
beforeEach(async () => {
  db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: new Database(":memory:") }) });
  await sql`CREATE TABLE items (id TEXT, kind TEXT, size INTEGER)`.execute(db);
  await db
    .insertInto("items")
    .values([
      { id: "a", kind: "live", size: 1 },
      { id: "b", kind: "live", size: 2 },
      { id: "c", kind: "dead", size: 3 },
    ])
    .execute();
});
afterEach(() => db.destroy());

test("each call binds its own arguments; values written into the query stay", async () => {
  const liveById = compiledOnce(db, (id: string) =>
    db.selectFrom("items").select(["id", "size"]).where("kind", "=", "live").where("id", "=", id),
  );
  expect(await liveById("a")).toEqual([{ id: "a", size: 1 }]);
  expect(await liveById("b")).toEqual([{ id: "b", size: 2 }]);
  expect(await liveById("c")).toEqual([]);
  expect(await liveById("a")).toEqual([{ id: "a", size: 1 }]);
});

test("arguments in any order land where they belong", async () => {
  const between = compiledOnce(db, (low: string, high: string) =>
    db.selectFrom("items").select("id").where("id", ">=", low).where("id", "<=", high).orderBy("id"),
  );
  expect(await between("a", "b")).toEqual([{ id: "a" }, { id: "b" }]);
  expect(await between("b", "c")).toEqual([{ id: "b" }, { id: "c" }]);
});

test("an argument that is not a bound parameter is refused", async () => {
  const unbound = compiledOnce(db, (table: string) => db.selectFrom(table as "items").select("id"));
  await expect(unbound("items")).rejects.toThrow(/every argument must be a bound parameter/);
});

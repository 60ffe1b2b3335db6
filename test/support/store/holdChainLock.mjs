// Child process of chainLock.test.ts: an "instance" that takes a chain's advisory lock, says so, and
// holds it until it is killed (as a crashed gateway would).
import process from "node:process";
import pg from "pg";

const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
await client.query(`SELECT pg_advisory_lock(${process.env.KEY_SQL})`, [process.env.LOCK_NAME]);
process.stdout.write("locked\n");
globalThis.setInterval(() => undefined, 60_000);

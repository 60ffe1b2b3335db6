/**
 * The tests' PostgreSQL server (test/support/postgres) picks its port right before it starts, since
 * PostgreSQL cannot listen on port 0. A port taken in between must not break the run or, worse, connect
 * the tests to someone else's server: it starts on another free port.
 */
import net from "node:net";
import pg from "pg";
import { startPostgres } from "../../support/postgres";

test("a taken port: the server starts on another one and answers there", async () => {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
  const taken = (holder.address() as net.AddressInfo).port;
  try {
    const postgres = await startPostgres({ firstPort: taken });
    try {
      const port = Number(new URL(postgres.url).port);
      expect(port).not.toBe(taken);
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      try {
        expect((await client.query("SHOW port")).rows).toEqual([{ port: String(port) }]);
      } finally {
        await client.end();
      }
    } finally {
      await postgres.stop();
    }
  } finally {
    holder.close();
  }
}, 90_000);

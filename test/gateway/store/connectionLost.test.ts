/** A dropped connection is news while the pool is in use, and not once the gateway is closing it. */
import pg from "pg";
import { warnConnectionLost } from "../../../src/gateway/store/connectionLost";

test("a live pool warns; a pool being closed stays quiet", async () => {
  const warn = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
  try {
    const pool = new pg.Pool({ connectionString: "postgres://nobody@127.0.0.1:1/none" });
    const dropped = new Error("terminating connection due to administrator command");
    warnConnectionLost(pool, dropped);
    expect(warn).toHaveBeenCalledWith(
      "PostgreSQL connection lost: terminating connection due to administrator command",
    );
    warn.mockClear();
    await pool.end(); // no connection was ever opened: nothing to close
    warnConnectionLost(pool, dropped);
    expect(warn).not.toHaveBeenCalled();
  } finally {
    warn.mockRestore();
  }
});

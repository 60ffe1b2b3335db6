/** The coalescing short cache in front of the gateway, with a virtual clock. */
import { RESULT_TTL_MS, TableSource, requestKey } from "../../../src/addin/data/tableSource";
import type { TableResponse } from "../../../src/shared/api";
import { MAX_RESULT_BYTES, toSpill } from "../../../src/addin/functions/spill";
import type { QueryParams, TableRoute } from "../../../src/addin/data/gatewayClient";

function fakeClient() {
  const calls: {
    route: string;
    params: object;
    noCache?: boolean;
    resolve: (t: TableResponse) => void;
    reject: (e: Error) => void;
  }[] = [];
  return {
    calls,
    session: () => Promise.reject(new Error("not used")),
    table: (route: TableRoute, params: QueryParams = {}, options: { noCache?: boolean } = {}) =>
      new Promise<TableResponse>((resolve, reject) =>
        calls.push({ route, params, noCache: options.noCache, resolve, reject }),
      ),
  };
}

const TABLE: TableResponse = {
  columns: [],
  rows: [],
  asOf: "2026-11-21T10:00:00Z",
  divisions: [],
  divisionSource: "none",
  cached: false,
};

test("keys ignore parameter order and empty parameters", () => {
  expect(requestKey("users", { division: 1, x: null, y: "" })).toBe(requestKey("users", { division: 1 }));
  expect(requestKey("query", { b: 2, a: 1 })).toBe(requestKey("query", { a: 1, b: 2 }));
  expect(requestKey("users", { division: 1 })).not.toBe(requestKey("users", { division: 2 }));
});

test("in-flight calls share one request; the answer lives for the TTL, then is fetched again", async () => {
  let now = 1_000_000;
  const client = fakeClient();
  const source = new TableSource({ client, now: () => now });
  const first = source.get("me");
  const second = source.get("me");
  expect(client.calls).toHaveLength(1);
  client.calls[0].resolve(TABLE);
  expect(await first).toBe(await second);
  now += RESULT_TTL_MS - 1;
  await source.get("me");
  expect(client.calls).toHaveLength(1);
  now += 1;
  void source.get("me");
  expect(client.calls).toHaveLength(2);
});

test("a failure is shared by the waiting calls and then forgotten", async () => {
  const client = fakeClient();
  const source = new TableSource({ client });
  const calls = [source.get("me"), source.get("me")];
  client.calls[0].reject(new Error("down"));
  await expect(Promise.all(calls)).rejects.toThrow("down");
  void source.get("me");
  expect(client.calls).toHaveLength(2);
});

test("clear({ bypassGateway }) makes the next fetch of remembered calls send no-cache, once", async () => {
  const client = fakeClient();
  const source = new TableSource({ client });
  const first = source.get("users", { division: 1 });
  client.calls[0].resolve(TABLE);
  await first;
  source.clear({ bypassGateway: true });
  const second = source.get("users", { division: 1 });
  expect(client.calls[1].noCache).toBe(true);
  client.calls[1].resolve(TABLE);
  await second;
  source.clear();
  void source.get("users", { division: 1 });
  expect(client.calls[2].noCache).toBe(false);
});

describe("spill size", () => {
  test("a result Excel would refuse (over 5 MB) becomes a clear error instead", () => {
    const row = ["x".repeat(1000)];
    const big: TableResponse = {
      ...TABLE,
      columns: [{ name: "Text", type: "string" }],
      rows: Array.from({ length: Math.ceil(MAX_RESULT_BYTES / 1000) + 10 }, () => row),
    };
    expect(() => toSpill(big, { headers: true, formattedDates: false })).toThrow(
      /^The table is too large for a formula \(about 4\.5 MB; Excel allows 5 MB\)\. Ask for fewer divisions, add a filter or top, or use Insert sheet\.$/,
    );
    const small = { ...big, rows: big.rows.slice(0, 100) };
    expect(toSpill(small, { headers: false, formattedDates: false })).toHaveLength(100);
  });

  test("the limit counts UTF-8 bytes, not UTF-16 units: € and accented names weigh more", () => {
    // 500 "€" are 500 UTF-16 units but 1,500 bytes: 3,500 rows are about 1.8 M units, 5.3 MB.
    const rows = Array.from({ length: 3500 }, () => ["€".repeat(500)]);
    const table: TableResponse = { ...TABLE, columns: [{ name: "Text", type: "string" }], rows };
    expect(JSON.stringify(rows).length).toBeLessThan(MAX_RESULT_BYTES);
    expect(() => toSpill(table, { headers: false, formattedDates: false })).toThrow(
      /too large for a formula \(about 5\.3 MB/,
    );
  });
});

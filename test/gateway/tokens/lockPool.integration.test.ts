/**
 * The refresh lock's connection is not taken from the pool the refresh work queries: more concurrent
 * refreshes of different chains than the pool has connections (10) all finish, on a real PostgreSQL.
 * With the locks on the work pool, ten lock holders would each wait for an eleventh connection until
 * the connect time-out failed them.
 */
import crypto from "node:crypto";
import { VirtualClock } from "../../../src/shared/clock";
import { SecretBox } from "../../../src/gateway/crypto/secretBox";
import { PostgresAuthStore } from "../../../src/gateway/store/postgresStore";
import type { ChainTokens } from "../../../src/gateway/store/types";
import { chainLockFor } from "../../../src/gateway/tokens/chainLock";
import { ChainTokenService } from "../../../src/gateway/tokens/chainTokens";
import type { TokenGrant } from "../../../src/gateway/tokens/tokenEndpoint";
import { startPostgres, type TestPostgres } from "../../support/postgres";

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 90_000);
afterAll(() => postgres?.stop());

test("24 chains refreshing at once on one instance all get a new token", async () => {
  const store = await PostgresAuthStore.open(
    await postgres.createDatabase(),
    new SecretBox(crypto.randomBytes(32)),
  );
  const clock = new VirtualClock();
  const issued = (tag: string): ChainTokens => ({
    accessToken: `access-${tag}`,
    refreshToken: `refresh-${tag}`,
    accessIssuedAt: clock.now(),
    accessExpiresAt: clock.now() + 600_000,
  });
  let refreshes = 0;
  const endpoint = {
    request: async (_base: string, grant: TokenGrant) => {
      if (grant.grant !== "refresh_token") throw new Error("only refreshes here");
      refreshes += 1;
      await new Promise((resolve) => setTimeout(resolve, 20)); // a real round trip takes time
      return issued(`${grant.refreshToken}-next`);
    },
  };
  const service = new ChainTokenService({
    store,
    endpoint,
    clock,
    baseUrlFor: () => "http://127.0.0.1:9",
    lock: chainLockFor(store),
  });
  try {
    const chains = [];
    for (let i = 0; i < 24; i += 1) {
      const tokens = issued(String(i));
      chains.push(
        await store.upsertChain(
          { ...tokens, userId: `u${i}`, clientId: "c", country: "nl", clientSecret: "s" },
          0,
        ),
      );
    }
    clock.advance(590_000);
    const results = await Promise.allSettled(chains.map((chain) => service.getAccessToken(chain.id)));
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(results.map((result) => (result as PromiseFulfilledResult<string>).value)).toEqual(
      chains.map((_, i) => `access-refresh-${i}-next`),
    );
    expect(refreshes).toBe(24);
  } finally {
    await store.close();
  }
}, 60_000);

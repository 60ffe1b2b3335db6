/**
 * Refresh single-flight across instances: two token services on two connection pools to one real
 * PostgreSQL (two gateway instances, as far as the chain is concerned) share Exact's token endpoint.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import path from "node:path";
import readline from "node:readline";
import { VirtualClock } from "../../../src/shared/clock";
import { SecretBox } from "../../../src/gateway/crypto/secretBox";
import { SHARED_LOCK_KEY_SQL } from "../../../src/gateway/store/postgresSharedLock";
import { PostgresAuthStore } from "../../../src/gateway/store/postgresStore";
import { chainLockFor } from "../../../src/gateway/tokens/chainLock";
import { ChainTokenService } from "../../../src/gateway/tokens/chainTokens";
import { FakeTokenEndpoint } from "../../support/fakeTokenEndpoint";
import { startPostgres, type TestPostgres } from "../../support/postgres";

let postgres: TestPostgres;
beforeAll(async () => {
  postgres = await startPostgres();
}, 90_000);
afterAll(() => postgres?.stop());

interface TwoInstances {
  url: string;
  clock: VirtualClock;
  endpoint: FakeTokenEndpoint;
  stores: PostgresAuthStore[];
  services: ChainTokenService[];
  chainId: string;
  close(): Promise<void>;
}

async function twoInstances(shareLock: boolean): Promise<TwoInstances> {
  const url = await postgres.createDatabase();
  const key = crypto.randomBytes(32);
  const stores = [
    await PostgresAuthStore.open(url, new SecretBox(key)),
    await PostgresAuthStore.open(url, new SecretBox(key)),
  ];
  const clock = new VirtualClock();
  const endpoint = new FakeTokenEndpoint(clock);
  const services = stores.map(
    (store) =>
      new ChainTokenService({
        store,
        endpoint: endpoint.client(),
        clock,
        baseUrlFor: () => "http://127.0.0.1:9",
        lock: shareLock ? chainLockFor(store) : undefined,
      }),
  );
  const chain = await stores[0].upsertChain(
    { ...endpoint.grant(), userId: "u1", clientId: "c1", country: "nl", clientSecret: "s" },
    clock.now(),
  );
  return {
    url,
    clock,
    endpoint,
    stores,
    services,
    chainId: chain.id,
    close: async () => {
      await Promise.all(stores.map((store) => store.close()));
    },
  };
}

const spread = (rig: TwoInstances, calls: number): Promise<string>[] =>
  Array.from({ length: calls }, (_, index) => rig.services[index % 2].getAccessToken(rig.chainId));

test("50 calls at 590 s spread over two instances cause exactly one refresh; the chain stays live", async () => {
  const rig = await twoInstances(true);
  try {
    rig.clock.advance(590_000);
    const tokens = await Promise.all(spread(rig, 50));
    expect(rig.endpoint.refreshes).toBe(1);
    expect(rig.endpoint.invalidGrant).toBe(0);
    expect(new Set(tokens)).toEqual(new Set(["access-1"]));
    expect(await rig.stores[1].getChain(rig.chainId)).toMatchObject({
      status: "live",
      refreshToken: "refresh-1",
    });
  } finally {
    await rig.close();
  }
});

test("control: with only in-process locks the two instances both refresh and Exact rejects one", async () => {
  const rig = await twoInstances(false);
  try {
    rig.clock.advance(590_000);
    await Promise.allSettled(spread(rig, 50));
    // The failure the shared lock prevents: a second refresh with the already rotated refresh token.
    expect(rig.endpoint.invalidGrant).toBeGreaterThanOrEqual(1);
  } finally {
    await rig.close();
  }
});

test("a lock held by an instance that is killed is released: the chain refreshes on another instance", async () => {
  const rig = await twoInstances(true);
  const holder = spawn(process.execPath, [path.join(__dirname, "../../support/store/holdChainLock.mjs")], {
    cwd: path.resolve(__dirname, "../../.."),
    env: {
      ...process.env,
      DATABASE_URL: rig.url,
      LOCK_NAME: `chain:${rig.chainId}`,
      KEY_SQL: SHARED_LOCK_KEY_SQL,
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  try {
    await new Promise<void>((resolve, reject) => {
      readline.createInterface({ input: holder.stdout! }).once("line", () => resolve());
      holder.once("exit", (code) => reject(new Error(`lock holder exited with ${code}`)));
    });
    rig.clock.advance(590_000);
    let settled = false;
    const waiting = rig.services[0].getAccessToken(rig.chainId).finally(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(settled).toBe(false); // blocked behind the other "instance"
    holder.kill("SIGKILL");
    expect(await waiting).toBe("access-1");
    expect(rig.endpoint.refreshes).toBe(1);
  } finally {
    holder.kill("SIGKILL");
    await rig.close();
  }
}, 30_000);

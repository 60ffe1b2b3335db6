/** @jest-environment jsdom */
/**
 * The session token and the connection settings are stored under Office's partitionKey where Office
 * gives one (Excel on the web; docs: develop/persisting-add-in-state-and-settings), so each storage
 * partition (top-level site) has its own sign-in, and unprefixed where it gives none.
 */
import { loadConnectionSettings, saveConnectionSettings } from "../../../src/addin/auth/connectionSettings";
import {
  clearSessionToken,
  getSessionToken,
  resetSessionTokenCache,
  setSessionToken,
} from "../../../src/addin/session/tokenStore";
import { fakeOfficeHost, resetOfficeHost } from "../../support/officeHost";

/** OfficeRuntime.storage as a map, and Office with (or without) a partition key. */
function hostWithPartition(partitionKey: string | undefined, stored = new Map<string, string>()) {
  fakeOfficeHost({
    office: { context: { partitionKey } },
    runtime: {
      storage: {
        getItem: async (key: string) => stored.get(key) ?? null,
        setItem: async (key: string, value: string) => void stored.set(key, value),
        removeItem: async (key: string) => void stored.delete(key),
      },
    },
  });
  resetSessionTokenCache();
  return stored;
}

beforeEach(() => localStorage.clear());
afterEach(async () => {
  resetOfficeHost();
  resetSessionTokenCache();
});

test("the session token goes under the partition key, and another partition does not see it", async () => {
  const stored = hostWithPartition("https://excel.cloud.microsoft|");
  await setSessionToken("token-of-site-a");
  expect([...stored.keys()]).toEqual(["https://excel.cloud.microsoft|eol.sessionToken"]);
  hostWithPartition("https://contoso.sharepoint.com|", stored);
  expect(await getSessionToken()).toBeNull();
  hostWithPartition("https://excel.cloud.microsoft|", stored);
  expect(await getSessionToken()).toBe("token-of-site-a");
  await clearSessionToken();
  expect(stored.size).toBe(0);
});

test("where Office gives no partition key the token keeps its plain key", async () => {
  const stored = hostWithPartition(undefined);
  await setSessionToken("desktop-token");
  expect([...stored.keys()]).toEqual(["eol.sessionToken"]);
});

test("connection settings go under the partition key; settings saved before it are still read", () => {
  hostWithPartition("p1|");
  const settings = { country: "nl" as const, clientId: "", redirectUri: "" };
  saveConnectionSettings(settings);
  expect(Object.keys(localStorage)).toEqual(["p1|eol.connectionSettings"]);
  expect(loadConnectionSettings()).toEqual(settings);
  localStorage.clear();
  localStorage.setItem("eol.connectionSettings", JSON.stringify({ ...settings, country: "be" }));
  expect(loadConnectionSettings()).toEqual({ ...settings, country: "be" });
});

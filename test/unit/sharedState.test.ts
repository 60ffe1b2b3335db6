/** @jest-environment jsdom */
// taskpane.html loads several bundles, each with its own copy of the add-in modules; these tests load
// two copies (isolated module registries) and check they still share the session and the event bus.
type TokenStore = typeof import("../../src/addin/session/tokenStore");
type Events = typeof import("../../src/addin/events");

function loadCopy<T>(path: string): T {
  let copy: T | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    copy = require(path) as T;
  });
  return copy!;
}

beforeEach(() => localStorage.clear());

test("a sign-in through one bundle's token store is seen by another bundle at once", async () => {
  const taskpaneCopy = loadCopy<TokenStore>("../../src/addin/session/tokenStore");
  const functionsCopy = loadCopy<TokenStore>("../../src/addin/session/tokenStore");
  expect(taskpaneCopy).not.toBe(functionsCopy);
  expect(await functionsCopy.getSessionToken()).toBeNull(); // functions looked first, while signed out
  await taskpaneCopy.setSessionToken("session-token-1");
  expect(await functionsCopy.getSessionToken()).toBe("session-token-1");
  await functionsCopy.clearSessionToken();
  expect(await taskpaneCopy.getSessionToken()).toBeNull();
});

test("an event emitted by one bundle reaches listeners registered by another", () => {
  const commandsCopy = loadCopy<Events>("../../src/addin/events");
  const taskpaneCopy = loadCopy<Events>("../../src/addin/events");
  const heard: number[] = [];
  const off = taskpaneCopy.on("progress", (p) => heard.push(p.done));
  commandsCopy.emit("progress", { operation: "refresh", label: "x", done: 1, total: 2 });
  off();
  commandsCopy.emit("progress", { operation: "refresh", label: "x", done: 2, total: 2 });
  expect(heard).toEqual([1]);
});

test("every bundle uses the runtime's one data layer, and recognises its errors", async () => {
  type Services = typeof import("../../src/addin/data/services");
  type CellErrors = typeof import("../../src/addin/functions/cellErrors");
  loadCopy("../../src/addin/functions/outsideExcel"); // the CustomFunctions stand-in
  const taskpaneCopy = loadCopy<Services>("../../src/addin/data/services");
  const functionsCopy = loadCopy<Services>("../../src/addin/data/services");
  const functionsCells = loadCopy<CellErrors>("../../src/addin/functions/cellErrors");
  // The pane uses the data layer first, so the client (and its error class) come from its bundle.
  const services = taskpaneCopy.dataServices();
  expect(functionsCopy.dataServices()).toBe(services);
  const failure = await services.client.table("divisions").catch((error: unknown) => error); // signed out
  expect(functionsCells.toCellError(failure)).toMatchObject({
    code: "#N/A",
    message: "Sign in to Exact Online (EOL task pane)",
  });
});

/**
 * The production install (`npm ci --omit=dev`, docs/deploy.md) holds `dependencies` only: every package
 * the gateway loads at run time (from main.ts, the entry of build/server) must be one of them, and
 * nothing else may be, so what webpack bundles into dist/ (React, Fluent UI) stays out of the server.
 */
import path from "node:path";
import pkg from "../../package.json";
import { runtimePackages } from "../support/runtimeImports";

const ROOT = path.resolve(__dirname, "../..");
/** Loaded only in development, and a clear start-up failure without it (tls.ts). */
const DEVELOPMENT_ONLY: Record<string, string> = {
  "office-addin-dev-certs": "the development certificate; a server brings its own (EOL_TLS_CERT) or a proxy",
};

const loaded = runtimePackages(path.join(ROOT, "src/gateway/main.ts"));
const dependencies = Object.keys(pkg.dependencies);
const devDependencies = Object.keys(pkg.devDependencies);

test("every package the gateway loads is a dependency (or a development-only one it can do without)", () => {
  const missing = [...loaded.keys()]
    .filter((name) => !dependencies.includes(name) && !(name in DEVELOPMENT_ONLY))
    .map((name) => `${name} (loaded by ${path.relative(ROOT, loaded.get(name)![0])})`);
  expect(missing).toEqual([]);
  for (const name of Object.keys(DEVELOPMENT_ONLY)) expect(devDependencies).toContain(name);
});

test("every dependency is loaded by the gateway: the add-in's libraries are development dependencies", () => {
  expect(dependencies.filter((name) => !loaded.has(name))).toEqual([]);
  for (const bundled of ["react", "react-dom", "@fluentui/react-components", "@microsoft/office-js"]) {
    expect(devDependencies).toContain(bundled);
  }
});

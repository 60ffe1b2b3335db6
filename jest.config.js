// One jest run for everything: unit (node), component (jsdom via per-file docblock), integration
// (real HTTP on loopback) and end-to-end (Playwright + Debian's Chromium). TypeScript via swc: fast,
// type-checking is `npm run typecheck`'s job.
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/src"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.(t|j)sx?$": swc },
  moduleNameMapper: { "\\.(css|png|svg)$": "<rootDir>/test/support/fileStub.js" },
  testTimeout: 30000,
  maxWorkers: 2,
};

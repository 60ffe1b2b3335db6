// One jest run for everything: unit (node), component (jsdom via per-file docblock), integration
// (real HTTP on loopback) and end-to-end (Playwright + Chromium, Chrome or Edge). TypeScript via ts-jest in
// transpile-only mode: fast; type-checking is `npm run typecheck`'s job.
const tsJest = [
  "ts-jest",
  {
    tsconfig: {
      isolatedModules: true,
      jsx: "react-jsx",
      module: "commonjs",
      esModuleInterop: true,
      resolveJsonModule: true,
      allowJs: true,
    },
  },
];

module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test", "<rootDir>/src"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: { "^.+\\.tsx?$": tsJest },
  moduleNameMapper: { "\\.(css|png|svg)$": "<rootDir>/test/support/fileStub.js" },
  setupFiles: ["<rootDir>/test/support/fetchGuard.ts"],
  testTimeout: 30000,
  maxWorkers: 2,
};

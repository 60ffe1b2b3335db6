// One jest run for everything: unit (node), component (jsdom via per-file docblock), integration
// (real HTTP on loopback) and end-to-end (Playwright + Debian's Chromium). TypeScript via ts-jest in
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
  // cookie@2 (used by light-my-request, behind Fastify's inject()) ships only ES modules: transpile it.
  transform: { "^.+\\.tsx?$": tsJest, "node_modules/cookie/.+\\.js$": tsJest },
  transformIgnorePatterns: ["/node_modules/(?!cookie/)"],
  moduleNameMapper: { "\\.(css|png|svg)$": "<rootDir>/test/support/fileStub.js" },
  testTimeout: 30000,
  maxWorkers: 2,
};

// Three lanes, classified by file name: `unit` (plain *.test.ts[x]: in memory, no I/O, no build —
// test/support/unitIsolation.ts makes sockets, child processes and writes outside the temporary folder
// fail), `integration` (*.integration.test.ts: the simulator over HTTP, PostgreSQL, child processes,
// the build) and `e2e` (*.e2e.test.ts: Chromium). `npm run test:fast` runs `unit` alone; `npm test`
// builds the add-in and runs all three. TypeScript via ts-jest in transpile-only mode: fast;
// type-checking is `npm run typecheck`'s job. Component suites pick jsdom with a per-file docblock.
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

const lane = (displayName, testMatch, extra = {}) => ({
  displayName,
  rootDir: __dirname,
  roots: ["<rootDir>/test"],
  testMatch,
  testEnvironment: "node",
  transform: { "^.+\\.tsx?$": tsJest },
  moduleNameMapper: { "\\.(css|png|svg)$": "<rootDir>/test/support/fileStub.js" },
  setupFiles: ["<rootDir>/test/support/fetchGuard.ts"],
  ...extra,
});

module.exports = {
  testTimeout: 30000,
  maxWorkers: 2,
  projects: [
    lane("unit", ["**/*.test.ts", "**/*.test.tsx"], {
      testPathIgnorePatterns: ["/node_modules/", "\\.integration\\.test\\.tsx?$", "\\.e2e\\.test\\.tsx?$"],
      setupFilesAfterEnv: ["<rootDir>/test/support/unitIsolation.ts"],
    }),
    lane("integration", ["**/*.integration.test.ts", "**/*.integration.test.tsx"]),
    lane("e2e", ["**/*.e2e.test.ts", "**/*.e2e.test.tsx"]),
  ],
};

/**
 * `npm start` and `node build/server/src/gateway/main.js` exit with one code per kind of failure, so a
 * supervisor can tell "fix the configuration" (don't restart) from "the database is not up yet" (retry).
 * docs/deploy.md lists them; keep the two in step.
 */
export const EXIT_CODES = {
  /** Anything not listed below; the message says what happened. */
  unexpected: 1,
  /** A variable has a wrong value (every problem is listed). */
  config: 2,
  /** PORT is in use, or HOST/PORT cannot be bound (privileged port, address not on this machine). */
  port: 3,
  /** EOL_DATA_DIR cannot be created or written. */
  dataDir: 4,
  /** Another gateway process holds EOL_DATA_DIR (SQLite allows one process per data directory). */
  dataDirLocked: 5,
  /** `npm start`'s build failed (its errors are printed above). */
  build: 6,
  /** No built add-in in the static folder (dist/): run `npm run build`. */
  notBuilt: 7,
  /** EOL_TLS_CERT / EOL_TLS_KEY cannot be read or are not a PEM certificate and key. */
  tls: 8,
  /** EOL_DATABASE_URL: PostgreSQL cannot be reached or refuses the connection. */
  database: 9,
} as const;

export type StartupFailureKind = keyof typeof EXIT_CODES;

/** A start-up failure the operator can act on: its kind (and so its exit code) and what to do. */
export class StartupFailure extends Error {
  constructor(
    readonly kind: StartupFailureKind,
    message: string,
  ) {
    super(message);
    this.name = "StartupFailure";
  }

  get exitCode(): number {
    return EXIT_CODES[this.kind];
  }
}

/** Prints the failure the way `npm start` always does and exits with its code. */
export function exitWith(failure: StartupFailure): never {
  console.error(`EOL gateway not started (exit code ${failure.exitCode}). ${failure.message}`);
  process.exit(failure.exitCode);
}

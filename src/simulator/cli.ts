/**
 * `npm run simulator -- --port 4000 [--dataset demo|accountant-large] [--latency-ms N|MIN-MAX]
 *   [--faults SPEC] [--seed N] [--redirect-uri URI]… [--auto-approve] [--minute-limit N] [--day-limit N]`
 * Starts the Exact Online simulator standalone and prints how to point an app at it.
 */
import { DATASET_NAMES, DEMO_APP, startSimulator, type SimulatorOptions } from "./index";
import type { DatasetName } from "./data";
import type { Latency } from "./faults";

export class UsageError extends Error {}

function integer(flag: string, raw: string | undefined, min: number): number {
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) < min) {
    throw new UsageError(`${flag} needs a whole number of at least ${min}, got "${raw ?? ""}"`);
  }
  return Number(raw);
}

function latency(raw: string | undefined): Latency {
  const match = /^(\d+)(?:-(\d+))?$/.exec(raw ?? "");
  if (!match) throw new UsageError(`--latency-ms needs N or MIN-MAX milliseconds, got "${raw ?? ""}"`);
  if (match[2] === undefined) return Number(match[1]);
  const range = { min: Number(match[1]), max: Number(match[2]) };
  if (range.max < range.min) throw new UsageError("--latency-ms MIN-MAX needs MIN <= MAX");
  return range;
}

export interface CliOptions {
  options: SimulatorOptions;
  redirectUris: string[];
}

export function parseArgs(argv: string[]): CliOptions {
  const options: SimulatorOptions = { port: 4000 };
  const redirectUris: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string | undefined => argv[++i];
    switch (flag) {
      case "--port":
        options.port = integer(flag, value(), 0);
        break;
      case "--host":
        options.host = value();
        break;
      case "--dataset": {
        const name = value();
        if (!DATASET_NAMES.includes(name as DatasetName)) {
          throw new UsageError(`--dataset must be one of ${DATASET_NAMES.join(", ")}, got "${name ?? ""}"`);
        }
        options.dataset = name as DatasetName;
        break;
      }
      case "--latency-ms":
        options.latencyMs = latency(value());
        break;
      case "--faults":
        options.faults = value() ?? "";
        break;
      case "--seed":
        options.seed = integer(flag, value(), 0);
        break;
      case "--redirect-uri": {
        const uri = value();
        if (!uri || !/^https?:\/\//.test(uri))
          throw new UsageError(`--redirect-uri needs an http(s) URL, got "${uri ?? ""}"`);
        redirectUris.push(uri);
        break;
      }
      case "--auto-approve":
        options.autoApprove = true;
        break;
      case "--minute-limit":
        options.minuteLimit = integer(flag, value(), 1);
        break;
      case "--day-limit":
        options.dayLimit = integer(flag, value(), 1);
        break;
      default:
        throw new UsageError(`Unknown option "${flag}"`);
    }
  }
  return { options, redirectUris };
}

async function main(): Promise<void> {
  let parsed: CliOptions;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`simulator: ${(error as Error).message}`);
    process.exitCode = 2;
    return;
  }
  const sim = await startSimulator(parsed.options);
  for (const uri of parsed.redirectUris) sim.apps.addRedirectUri(DEMO_APP.clientId, uri);
  const o = parsed.options;
  console.log(`Exact Online simulator listening on ${sim.url}`);
  console.log(
    `  data set ${o.dataset ?? "demo"}, seed ${o.seed ?? 1}, faults ${o.faults || "none"}, latency ${JSON.stringify(o.latencyMs ?? 0)} ms`,
  );
  console.log(`  use it as the Exact base URL (e.g. EOL_EXACT_BASE_URL=${sim.url})`);
  console.log(`Demo app:`);
  console.log(`  client ID      ${DEMO_APP.clientId}`);
  console.log(`  client secret  ${DEMO_APP.clientSecret}`);
  console.log(
    parsed.redirectUris.length > 0
      ? `  redirect URIs  ${parsed.redirectUris.join(", ")}`
      : `  redirect URIs  none yet: start with --redirect-uri <your callback URL> (the gateway's /auth callback)`,
  );
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (require.main === module) void main();

/**
 * Chooses the coordination once, at start-up, from the configuration: several instances share one
 * PostgreSQL (EOL_DATABASE_URL set), else one process owns its SQLite store and coordinates in memory.
 */
import type { Clock } from "../../shared/clock";
import type { GatewayConfig } from "../config/config";
import { PostgresAuthStore } from "../store/postgresStore";
import type { AuthStore } from "../store/types";
import type { Coordination } from "./coordination";
import { InProcessCoordination } from "./inProcess";
import { PostgresCoordination } from "./postgres";

export function openCoordination(
  config: Pick<GatewayConfig, "databaseUrl">,
  store: AuthStore,
  clock: Clock,
): Coordination {
  if (!config.databaseUrl) return new InProcessCoordination(clock);
  if (!(store instanceof PostgresAuthStore)) {
    throw new Error("EOL_DATABASE_URL is set but the store is not on PostgreSQL: cannot share coordination.");
  }
  return new PostgresCoordination(store, clock);
}

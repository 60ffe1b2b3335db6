/**
 * The add-in's data layer as one object: the gateway client (with the session token store as its token
 * provider) and the coalescing table source on top of it. Custom functions, ribbon actions and the task
 * pane all read the runtime's one instance, so a Refresh all clears the cache the functions read.
 */
import { sessionTokens } from "../session/tokenStore";
import { GatewayClient, type GatewayClientOptions } from "./gatewayClient";
import { TableSource, type TableSourceOptions } from "./tableSource";

export interface DataServices {
  client: GatewayClient;
  tables: TableSource;
}

export interface DataServicesOptions extends Partial<GatewayClientOptions> {
  /** Options of the table source apart from its client (a clock, a TTL). */
  tables?: Omit<TableSourceOptions, "client">;
}

/** A gateway client (this page's origin and session token unless told otherwise) and its table source. */
export function createDataServices(options: DataServicesOptions = {}): DataServices {
  const { tables, ...clientOptions } = options;
  const client = new GatewayClient({ tokens: sessionTokens, ...clientOptions });
  return { client, tables: new TableSource({ ...tables, client }) };
}

// The runtime's one data layer (functions, ribbon and pane share this module), created on first use.
const runtime = { current: null as DataServices | null };

/** This runtime's data layer. */
export function dataServices(): DataServices {
  return (runtime.current ??= createDataServices());
}

/**
 * Points this runtime's functions and actions at other data services: tests and benchmarks aim them at
 * their own gateway; Excel never calls this.
 */
export function installDataServices(services: DataServices): void {
  runtime.current = services;
}

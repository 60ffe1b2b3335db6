/** What every data route reads from a request, and how it assembles a TableResponse. */
import type { FastifyRequest } from "fastify";
import type { TableResponse } from "../../../../shared/api";
import type { SessionContext } from "../../../contracts";
import { wantsFresh } from "../../../data/arguments";
import { combine, type Fetched } from "../../../data/dataService";
import { GatewayError } from "../../../errors";
import { MESSAGES } from "../../../signin/messages";

export function caller(request: FastifyRequest): {
  session: SessionContext;
  query: Record<string, unknown>;
  fresh: boolean;
} {
  // The scope's hook set it; a route registered outside that scope would be a programming error.
  if (!request.eolSession) throw new GatewayError(401, "not_signed_in", MESSAGES.notSignedIn);
  return {
    session: request.eolSession,
    query: (request.query ?? {}) as Record<string, unknown>,
    fresh: wantsFresh(request.headers["cache-control"]),
  };
}

export function table(
  shaped: Pick<TableResponse, "columns" | "rows">,
  parts: Fetched<unknown>[],
  now: number,
  divisions: number[],
  divisionSource: TableResponse["divisionSource"],
): TableResponse {
  const { asOf, cached } = combine(parts, now);
  return { ...shaped, asOf: new Date(asOf).toISOString(), divisions, divisionSource, cached };
}

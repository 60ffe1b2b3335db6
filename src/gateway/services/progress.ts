/**
 * Service: progress of long fan-outs. A table request carrying `X-EOL-Request-Id` gets
 * `request.eolProgress`, which the fan-out feeds and which writes to the coordination's progress board
 * (shared by every instance on PostgreSQL, else this process's memory).
 */
import fp from "fastify-plugin";
import type { FastifyRequest } from "fastify";
import { REQUEST_ID_HEADER, REQUEST_ID_PATTERN } from "../../shared/api";
import { GatewayError } from "../errors";
import type { ProgressBoard } from "../progress/progressBoard";
import { RequestProgress } from "../progress/requestProgress";

declare module "fastify" {
  interface FastifyInstance {
    progressBoard: ProgressBoard;
  }
  interface FastifyRequest {
    /** This request's fan-out progress; null without a request id (or outside /api/v1). */
    eolProgress: RequestProgress | null;
  }
}

const VALID_ID = new RegExp(REQUEST_ID_PATTERN);

export default fp(
  async (app) => {
    app.decorate("progressBoard", app.coordination.progressBoard);
    app.decorateRequest("eolProgress", null);
  },
  { name: "eol-progress", dependencies: ["eol-config", "eol-coordination"], fastify: "5.x" },
);

/** The request's progress reporter when it names a request id (a malformed one is refused). */
export function progressOf(request: FastifyRequest, sessionId: string): RequestProgress | null {
  const raw = request.headers[REQUEST_ID_HEADER];
  if (raw === undefined) return null;
  if (typeof raw !== "string" || !VALID_ID.test(raw)) {
    throw new GatewayError(
      400,
      "invalid_request",
      "X-EOL-Request-Id must be 8 to 64 letters, digits, '-' or '_' (for example a UUID).",
    );
  }
  const table = (request.routeOptions.url ?? request.url).split("?")[0].split("/").pop() ?? "";
  return new RequestProgress({
    board: request.server.progressBoard,
    clock: request.server.clock,
    log: request.log,
    sessionId,
    requestId: raw,
    table,
  });
}

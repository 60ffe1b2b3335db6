/** What every data route reads from a request, and how it assembles a TableResponse. */
import type { FastifyRequest } from "fastify";
import type { TSchema } from "@sinclair/typebox";
import type { AnswerMeter } from "../../../answers/answerMeter";
import type { SessionContext } from "../../../contracts";
import { wantsFresh } from "../../../data/arguments";
import { combine, type Fetched } from "../../../data/dataService";
import type { FanOutProgress } from "../../../data/fanOut";
import { ERROR_ANSWERS } from "../../../schemas/answers";
import { notSignedIn } from "../../../sessions/sessionService";
import { TableResponse } from "../../../../shared/api/tables";

/** The schema of a table route: its querystring, and a table (or the error shape) as the answer. */
export function answers<Q extends TSchema>(querystring: Q) {
  return { querystring, response: { 200: TableResponse, ...ERROR_ANSWERS } };
}

export function caller(request: FastifyRequest): {
  session: SessionContext;
  fresh: boolean;
  progress: FanOutProgress | null;
  /** This request's answer meter (index.ts opens it for every /api/v1 request). */
  answer: AnswerMeter | null;
} {
  // The scope's hook set it; a route registered outside that scope would be a programming error.
  if (!request.eolSession) throw notSignedIn();
  return {
    session: request.eolSession,
    fresh: wantsFresh(request.headers["cache-control"]),
    progress: request.eolProgress,
    answer: request.eolAnswer,
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

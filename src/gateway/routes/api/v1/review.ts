/**
 * The access review: role catalogue, role changes, access findings, and all of them at once for the
 * review sheet. Every route reads the same role rows (all roles, one cached fetch per division) and
 * the one user listing, so a whole review costs what one ROLEHOLDERS over the scope does plus that
 * listing. Without `divisions` they cover every accessible division.
 */
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import type { FastifyRequest } from "fastify";
import { AccessReviewResponse } from "../../../../shared/api/tables";
import { DEFAULT_REVIEW_ROLES } from "../../../../shared/rules/accessReview";
import { eitherValue, parseDivisions, parseRoles } from "../../../data/arguments";
import { combine } from "../../../data/dataService";
import { accessFindings, ACCESS_FINDING_COLUMNS } from "../../../data/accessReview/accessFindings";
import { parseInactiveDays, parseSince } from "../../../data/accessReview/reviewArguments";
import { accessReview } from "../../../data/accessReview/review";
import { ROLE_CATALOGUE_COLUMNS, roleCatalogue } from "../../../data/accessReview/roleCatalogue";
import { ROLE_CHANGE_COLUMNS, roleChanges } from "../../../data/accessReview/roleChanges";
import {
  parseRulesParameter,
  SOD_CONFLICT_COLUMNS,
  sodConflicts,
} from "../../../data/accessReview/sodConflicts";
import { userRoleRows } from "../../../data/roleJoins";
import { shapeRows } from "../../../data/tables";
import { ERROR_ANSWERS } from "../../../schemas/answers";
import {
  AccessIssuesQuery,
  AccessReviewQuery,
  ReviewQuery,
  RoleChangesQuery,
  SodConflictsQuery,
} from "../../../schemas/requests";
import { answers, caller, table } from "./answer";

/** The parameters every review route reads (its schema refuses any others). */
type ReviewParameters = Partial<
  Record<"divisions" | "division" | "since" | "roles" | "role" | "inactiveDays" | "rules", string>
>;

const reviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { data } = app.exact;

  /** The caller, its parameters and the division scope. */
  function reviewRequest(req: FastifyRequest) {
    const request = { ...caller(req), query: req.query as ReviewParameters };
    const raw = eitherValue(request.query, "divisions", "division");
    return { ...request, selector: parseDivisions(raw, "divisions", "all") };
  }

  /** The role rows (all roles) of every division in scope, joined with their users. */
  async function reviewRows(request: ReturnType<typeof reviewRequest>) {
    const { session, selector, fresh, progress, answer } = request;
    const resolved = await data.resolveDivisions(session, selector, fresh);
    const joined = await userRoleRows(
      data,
      session,
      resolved.divisions,
      null,
      fresh,
      progress,
      answer?.input,
    );
    const parts = resolved.basis ? [resolved.basis, ...joined.parts] : joined.parts;
    return { resolved, rows: joined.rows, parts, now: data.now() };
  }

  app.get("/roles", { schema: answers(ReviewQuery) }, async (req) => {
    const { resolved, rows, parts, now } = await reviewRows(reviewRequest(req));
    const shaped = shapeRows(ROLE_CATALOGUE_COLUMNS, roleCatalogue(rows, now));
    return table(shaped, parts, now, resolved.divisions, resolved.source);
  });

  app.get("/role-changes", { schema: answers(RoleChangesQuery) }, async (req) => {
    const request = reviewRequest(req);
    const since = parseSince(request.query.since, data.now(), true);
    const roles = parseRoles(eitherValue(request.query, "roles", "role"), "roles", false);
    const { resolved, rows, parts, now } = await reviewRows(request);
    const shaped = shapeRows(ROLE_CHANGE_COLUMNS, roleChanges(rows, { since, now, roles }));
    return table(shaped, parts, now, resolved.divisions, resolved.source);
  });

  app.get("/access-issues", { schema: answers(AccessIssuesQuery) }, async (req) => {
    const request = reviewRequest(req);
    const inactiveDays = parseInactiveDays(request.query.inactiveDays);
    const { resolved, rows, parts, now } = await reviewRows(request);
    const shaped = shapeRows(ACCESS_FINDING_COLUMNS, accessFindings(rows, { now, inactiveDays }));
    return table(shaped, parts, now, resolved.divisions, resolved.source);
  });

  app.get("/sod-conflicts", { schema: answers(SodConflictsQuery) }, async (req) => {
    const request = reviewRequest(req);
    const rules = parseRulesParameter(request.query.rules, true);
    const { resolved, rows, parts, now } = await reviewRows(request);
    const shaped = shapeRows(SOD_CONFLICT_COLUMNS, sodConflicts(rows, rules, now));
    return table(shaped, parts, now, resolved.divisions, resolved.source);
  });

  app.get(
    "/access-review",
    { schema: { querystring: AccessReviewQuery, response: { 200: AccessReviewResponse, ...ERROR_ANSWERS } } },
    async (req): Promise<AccessReviewResponse> => {
      const request = reviewRequest(req);
      // Kept under a snapshot id for sign-off, with what changed since the last one (reviewService.ts).
      const options = {
        since: parseSince(request.query.since, data.now(), false),
        roles: parseRoles(eitherValue(request.query, "roles", "role"), "roles", false) ?? [
          ...DEFAULT_REVIEW_ROLES,
        ],
        inactiveDays: parseInactiveDays(request.query.inactiveDays),
        rules: parseRulesParameter(request.query.rules, false),
      };
      const { resolved, rows, parts, now } = await reviewRows(request);
      const { asOf, cached } = combine(parts, now);
      return app.reviews.serve(request.session, {
        ...accessReview(rows, { ...options, now }),
        since: new Date(options.since).toISOString().slice(0, 10),
        roles: options.roles,
        inactiveDays: options.inactiveDays,
        asOf: new Date(asOf).toISOString(),
        divisions: resolved.divisions,
        divisionSource: resolved.source,
        cached,
      });
    },
  );
};

export default reviewRoutes;

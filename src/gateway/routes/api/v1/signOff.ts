/**
 * Signed-off access reviews: POST /api/v1/reviews (sign off a served snapshot), GET /api/v1/reviews (the
 * caller's licence's reviews), GET /api/v1/reviews/:id (the whole record) and GET /api/v1/reviews/:id/verify
 * (re-hash the chain up to it), and GET /api/v1/review-log (the reviews as a table, for =EOL.REVIEWS).
 * There is no route that changes or deletes a review.
 */
import type { FastifyPluginAsyncTypebox } from "@fastify/type-provider-typebox";
import { ReviewList, ReviewRecord, ReviewVerification, SignOffRequest } from "../../../../shared/api/reviews";
import { ERROR_ANSWERS } from "../../../schemas/answers";
import { NoQuery, ReviewIdParams } from "../../../schemas/requests";
import { answers, caller } from "./answer";

/** A sign-off of a 1,500-division review carries a few thousand decisions. */
const SIGN_OFF_BODY_LIMIT = 4 * 1024 * 1024;

const signOffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    "/reviews",
    {
      bodyLimit: SIGN_OFF_BODY_LIMIT,
      schema: {
        querystring: NoQuery,
        body: SignOffRequest,
        response: { 201: ReviewRecord, ...ERROR_ANSWERS },
      },
    },
    async (req, reply) => reply.status(201).send(await app.reviews.signOff(caller(req).session, req.body)),
  );

  app.get(
    "/reviews",
    { schema: { querystring: NoQuery, response: { 200: ReviewList, ...ERROR_ANSWERS } } },
    async (req) => app.reviews.list(caller(req).session),
  );

  app.get("/review-log", { schema: answers(NoQuery) }, async (req) =>
    app.reviews.logTable(caller(req).session),
  );

  app.get(
    "/reviews/:id",
    {
      schema: {
        querystring: NoQuery,
        params: ReviewIdParams,
        response: { 200: ReviewRecord, ...ERROR_ANSWERS },
      },
    },
    async (req) => app.reviews.get(caller(req).session, req.params.id),
  );

  app.get(
    "/reviews/:id/verify",
    {
      schema: {
        querystring: NoQuery,
        params: ReviewIdParams,
        response: { 200: ReviewVerification, ...ERROR_ANSWERS },
      },
    },
    async (req) => app.reviews.verify(caller(req).session, req.params.id),
  );
};

export default signOffRoutes;

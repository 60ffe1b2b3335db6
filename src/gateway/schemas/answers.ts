/**
 * Response schemas: what each route answers, so Fastify serializes with a compiled serializer
 * (fast-json-stringify) and never sends a field the wire types do not have. The wire schemas themselves
 * live in src/shared/api/ (one source for the gateway and the add-in); here only what is the gateway's
 * own: the error answers of every route and the empty 204.
 */
import { Type } from "@sinclair/typebox";
import { ApiErrorBody } from "../../shared/api/errorBody";

/** 204: nothing in the body. */
export const NoContent = Type.Null();

/** Every error status a route can answer, in the one error shape. */
export const ERROR_ANSWERS = { "4xx": ApiErrorBody, "5xx": ApiErrorBody } as const;

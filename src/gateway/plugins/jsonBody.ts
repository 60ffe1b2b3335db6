/**
 * The JSON body parser: like Fastify's (prototype-poisoning keys refused), but the answer names the
 * refused key instead of calling the body "not valid JSON".
 */
import type { FastifyInstance } from "fastify";
import { GatewayError } from "../errors";

function forbiddenKey(key: string, value: unknown): boolean {
  if (key === "__proto__") return true;
  return key === "constructor" && typeof value === "object" && value !== null && "prototype" in value;
}

export function parseJsonBody(text: string): unknown {
  if (text.trim() === "") {
    throw new GatewayError(400, "invalid_request", "The request body is empty; send a JSON object.");
  }
  let refused: string | null = null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value: unknown) => {
      if (forbiddenKey(key, value)) refused ??= key;
      return value;
    });
  } catch {
    throw new GatewayError(400, "invalid_request", "The request body is not valid JSON.");
  }
  if (refused !== null) {
    throw new GatewayError(
      400,
      "invalid_request",
      `The request body may not contain the key "${refused}" (it could change how objects behave).`,
    );
  }
  return parsed;
}

export function registerJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}

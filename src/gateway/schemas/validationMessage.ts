/**
 * Turns a schema validation failure into the message of a 400 invalid_request: it names the parameter
 * or field and says what it accepts (the schema's `description`), as the hand-written checks did.
 */
import type { FastifyError, FastifyRequest, FastifySchema } from "fastify";
import { clip } from "../errors";

interface FieldSchema {
  description?: string;
  maxLength?: number;
}
interface ObjectSchema {
  properties?: Record<string, FieldSchema>;
}
type Failure = NonNullable<FastifyError["validation"]>[number];

const BODY_NOT_OBJECT = "The request body must be a JSON object.";

/** The field a failure is about: the missing, unknown or failing property's name. */
function fieldOf(failure: Failure): string {
  const params = failure.params as { missingProperty?: string; additionalProperty?: string };
  if (params.missingProperty !== undefined) return params.missingProperty;
  if (params.additionalProperty !== undefined) return params.additionalProperty;
  return failure.instancePath.split("/")[1] ?? "";
}

function schemaOf(request: FastifyRequest, context: string): ObjectSchema {
  const schema = request.routeOptions.schema as FastifySchema | undefined;
  const part = context === "querystring" ? schema?.querystring : schema?.[context as keyof FastifySchema];
  return (part ?? {}) as ObjectSchema;
}

function shown(value: unknown): string {
  return typeof value === "string" ? `; got "${clip(value, 40)}"` : "";
}

export function validationMessage(error: FastifyError, request: FastifyRequest): string {
  const failure = error.validation?.[0];
  const context = error.validationContext ?? "querystring";
  if (!failure) return clip(error.message);
  const schema = schemaOf(request, context);
  const name = fieldOf(failure);
  const field = schema.properties?.[name] ?? {};
  const accepts = field.description ?? "has a value this route does not accept";
  const known = Object.keys(schema.properties ?? {});

  if (context === "body") {
    if (failure.instancePath === "" && failure.keyword === "type") return BODY_NOT_OBJECT;
    if (failure.keyword === "additionalProperties")
      return clip(`Unknown field "${name.slice(0, 40)}"; expected ${known.join(", ")}.`);
    return clip(`${name} ${accepts}.`);
  }
  const label = `Parameter "${name.slice(0, 40)}"`;
  if (failure.keyword === "additionalProperties")
    return clip(
      `Unknown parameter "${name.slice(0, 40)}"; this route accepts ${known.join(", ") || "no parameters"}.`,
    );
  if (failure.keyword === "required") return clip(`${label} is required and ${accepts}.`);
  const value = (context === "params" ? request.params : request.query) as Record<string, unknown>;
  if (Array.isArray(value?.[name])) return `${label} may be given only once.`;
  if (failure.keyword === "maxLength") return `${label} is too long (at most ${field.maxLength} characters).`;
  return clip(`${label} ${accepts}${shown(value?.[name])}.`);
}

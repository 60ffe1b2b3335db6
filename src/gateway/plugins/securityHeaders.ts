/**
 * Security headers for every response. Excel on the web shows the add-in inside an Office iframe and
 * opens sign-in in a dialog, so framing is limited to Office's hosts (officeFrameAncestors.ts) and the opener
 * policy stays "unsafe-none" (a same-origin COOP makes Office close the dialog with error 12006).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import helmet from "helmet";
import fp from "fastify-plugin";
import { OFFICE_FRAME_ANCESTORS } from "./officeFrameAncestors";

export const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

/** Helmet's headers, the same for every response: worked out once (also for answers no hook sees). */
export function securityHeaderEntries(https: boolean): [string, string][] {
  const applyHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", OFFICE_JS_ORIGIN],
        // Fluent UI (Griffel) injects <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        frameAncestors: [...OFFICE_FRAME_ANCESTORS],
        formAction: ["'self'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    frameguard: false,
    crossOriginOpenerPolicy: { policy: "unsafe-none" },
    crossOriginEmbedderPolicy: false,
    // Office fetches icons, functions.json and the manifest from its own origin.
    crossOriginResourcePolicy: { policy: "cross-origin" },
    hsts: https ? { maxAge: 15552000, includeSubDomains: false } : false,
    referrerPolicy: { policy: "no-referrer" },
  });
  const headers: Record<string, string> = {};
  const collector = {
    setHeader: (name: string, value: unknown) => void (headers[name] = String(value)),
    removeHeader: (name: string) => void delete headers[name],
  };
  applyHeaders({} as IncomingMessage, collector as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return Object.entries(headers);
}

/**
 * Wrapped with fastify-plugin so the headers apply to every route, not only this plugin's. Helmet's
 * middleware is built and run once here (@fastify/helmet builds it anew for every request); one
 * onRequest hook sets the headers it chose.
 */
export default fp<{ https: boolean }>(
  async (app, options) => {
    const entries = securityHeaderEntries(options.https);
    app.addHook("onRequest", (_request, reply, done) => {
      // On the raw response, as helmet does: error answers and static files carry them too.
      for (const [name, value] of entries) reply.raw.setHeader(name, value);
      done();
    });
  },
  { name: "eol-security-headers", fastify: "5.x" },
);

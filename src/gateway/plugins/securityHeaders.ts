/**
 * Security headers for every response. Excel on the web shows the add-in inside an Office iframe and
 * opens sign-in in a dialog, so framing is limited to Office's hosts (officeFrameAncestors.ts) and the opener
 * policy stays "unsafe-none" (a same-origin COOP makes Office close the dialog with error 12006).
 */
import helmet from "helmet";
import fp from "fastify-plugin";
import { OFFICE_FRAME_ANCESTORS } from "../officeFrameAncestors";

export const OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com";

/**
 * Wrapped with fastify-plugin so the headers apply to every route, not only this plugin's. Helmet's
 * middleware is built once here (@fastify/helmet builds it anew for every request) and applied in
 * one onRequest hook.
 */
export default fp<{ https: boolean }>(
  async (app, options) => {
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
      hsts: options.https ? { maxAge: 15552000, includeSubDomains: false } : false,
      referrerPolicy: { policy: "no-referrer" },
    });
    app.addHook("onRequest", (request, reply, done) => {
      applyHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
    });
  },
  { name: "eol-security-headers", fastify: "5.x" },
);

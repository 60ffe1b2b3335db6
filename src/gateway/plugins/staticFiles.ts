/**
 * Serves the built add-in (dist/) and a manifest rewritten for this gateway's public URL. Hashed
 * bundles are immutable; HTML, functions.js/json and the manifest must be revalidated. Source maps only
 * with EOL_SERVE_SOURCE_MAPS=1.
 */
import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { rewriteManifestUrls, withHelpUrls } from "../../shared/manifestUrls";

const HASHED = /\.[0-9a-f]{10}\.js(\.map)?$/;

export function renderManifest(staticDir: string, publicUrl: string): string {
  const file = path.join(staticDir, "manifest.xml");
  return rewriteManifestUrls(fs.readFileSync(file, "utf8"), publicUrl);
}

export default async function staticFiles(app: FastifyInstance): Promise<void> {
  const { staticDir, publicUrl, serveSourceMaps } = app.config;
  if (!fs.existsSync(path.join(staticDir, "taskpane.html"))) {
    throw new Error(`No built add-in in ${staticDir}: run "npm run build" first.`);
  }
  const manifest = renderManifest(staticDir, publicUrl);
  app.get("/manifest.xml", async (_request, reply) => {
    reply.header("cache-control", "no-cache").header("access-control-allow-origin", "*");
    return reply.type("application/xml; charset=utf-8").send(manifest);
  });
  // The functions' help links, like the manifest, point at this gateway whatever URL the build used.
  const metadata = withHelpUrls(fs.readFileSync(path.join(staticDir, "functions.json"), "utf8"), publicUrl);
  app.get("/functions.json", async (_request, reply) => {
    reply.header("cache-control", "no-cache").header("access-control-allow-origin", "*");
    return reply.type("application/json; charset=utf-8").send(metadata);
  });
  await app.register(fastifyStatic, {
    root: staticDir,
    index: false,
    // The build writes source maps for debugging; they are not handed out unless asked for.
    allowedPath: (pathName) => serveSourceMaps || !pathName.endsWith(".map"),
    cacheControl: false, // set per file below
    // Add-in files are public; Office may fetch functions.json and icons from its own origin.
    setHeaders: (res, filePath) => {
      res.setHeader("access-control-allow-origin", "*");
      res.setHeader(
        "cache-control",
        HASHED.test(filePath) ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  app.get("/", async (_request, reply) => reply.redirect("/taskpane.html"));
}

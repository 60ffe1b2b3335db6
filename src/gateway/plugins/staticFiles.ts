/**
 * Serves the built add-in (dist/): the manifest with this gateway's URL, version and identity, and the
 * functions JSONs (one per language) with help links to this gateway. Hashed bundles are immutable; HTML,
 * functions.js/json and the manifest must be revalidated. Images carry no Cache-Control at all: Office
 * caches add-in images itself and shows a generic icon instead of one served with a cache directive
 * (Microsoft's manifest docs, Image element). Source maps only with EOL_SERVE_SOURCE_MAPS=1.
 */
import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { version } from "../../../package.json";
import { localizeMetadata, METADATA_FILES } from "../../shared/functions/localizedMetadata";
import {
  DEFAULT_ADDIN_IDENTITY,
  withAddinIdentity,
  withManifestVersion,
  withPageNamespace,
  type AddinIdentity,
} from "../../shared/manifestIdentity";
import { rewriteManifestUrls } from "../../shared/manifestUrls";

const HASHED = /\.[0-9a-f]{10}\.js(\.map)?$/;
const IMAGE = /\.(png|jpe?g|gif|bmp|tiff?)$/i;

export function renderManifest(
  staticDir: string,
  publicUrl: string,
  identity: AddinIdentity = DEFAULT_ADDIN_IDENTITY,
): string {
  const xml = fs.readFileSync(path.join(staticDir, "manifest.xml"), "utf8");
  return withAddinIdentity(withManifestVersion(rewriteManifestUrls(xml, publicUrl), version), identity);
}

/** The header for a file: none for images (see above), immutable for hashed bundles, else revalidate. */
export function cacheControlFor(filePath: string): string | null {
  if (IMAGE.test(filePath)) return null;
  return HASHED.test(filePath) ? "public, max-age=31536000, immutable" : "no-cache";
}

export default async function staticFiles(app: FastifyInstance): Promise<void> {
  const { staticDir, publicUrl, serveSourceMaps, addin } = app.config;
  if (!fs.existsSync(path.join(staticDir, "taskpane.html"))) {
    throw new Error(`No built add-in in ${staticDir}: run "npm run build" first.`);
  }
  const manifest = renderManifest(staticDir, publicUrl, addin);
  app.get("/manifest.xml", async (_request, reply) => {
    reply.header("cache-control", "no-cache").header("access-control-allow-origin", "*");
    return reply.type("application/xml; charset=utf-8").send(manifest);
  });
  // Both languages come from the build's functions.json, with help links to this gateway's pages.
  const generated = fs.readFileSync(path.join(staticDir, METADATA_FILES.en), "utf8");
  for (const [language, file] of Object.entries(METADATA_FILES) as [keyof typeof METADATA_FILES, string][]) {
    const metadata = localizeMetadata(generated, language, publicUrl);
    app.get(`/${file}`, async (_request, reply) => {
      reply.header("cache-control", "no-cache").header("access-control-allow-origin", "*");
      return reply.type("application/json; charset=utf-8").send(metadata);
    });
  }
  // The runtime page tells the add-in its namespace (Refresh all looks for NAMESPACE.NAME( formulas).
  const taskpane = withPageNamespace(
    fs.readFileSync(path.join(staticDir, "taskpane.html"), "utf8"),
    addin.namespace,
  );
  app.get("/taskpane.html", async (_request, reply) => {
    reply.header("cache-control", "no-cache").header("access-control-allow-origin", "*");
    return reply.type("text/html; charset=utf-8").send(taskpane);
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
      const cacheControl = cacheControlFor(filePath);
      if (cacheControl) res.setHeader("cache-control", cacheControl);
    },
  });
  app.get("/", async (_request, reply) => reply.redirect("/taskpane.html"));
}

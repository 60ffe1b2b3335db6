/**
 * Plain HTTP sent to the HTTPS port (http://localhost:3000) would otherwise get an empty reply. OpenSSL
 * recognises an HTTP request in place of a TLS hello (ERR_SSL_HTTP_REQUEST); the raw connection under
 * the failed TLS socket is still open then, so a short plain answer says to use https.
 */
import type https from "node:https";
import type net from "node:net";
import type tls from "node:tls";

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

export function plainHttpAnswer(localAddress: string | undefined, localPort: number | undefined): string {
  const host =
    !localAddress || LOOPBACK.has(localAddress) ? "localhost" : localAddress.replace(/^::ffff:/, "");
  const url = `https://${host.includes(":") ? `[${host}]` : host}:${localPort ?? 443}/`;
  const body = `This is the EOL for Excel gateway. It speaks HTTPS only: use ${url} instead of http://.\n`;
  return [
    "HTTP/1.1 400 Bad Request",
    "Content-Type: text/plain; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
    "",
    body,
  ].join("\r\n");
}

export function answerPlainHttp(server: https.Server): void {
  server.on("tlsClientError", (error: NodeJS.ErrnoException, socket: tls.TLSSocket) => {
    if (error.code !== "ERR_SSL_HTTP_REQUEST") return;
    // Node keeps the TCP socket a server-side TLSSocket wraps as `_parent` (not in its typings).
    const raw = (socket as tls.TLSSocket & { _parent?: net.Socket | null })._parent;
    if (!raw || raw.destroyed || !raw.writable) return;
    raw.end(plainHttpAnswer(raw.localAddress, raw.localPort));
  });
}

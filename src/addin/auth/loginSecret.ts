/**
 * The login secret proves to the gateway that whoever redeems a login also started it. It lives only
 * in memory for the few minutes of one sign-in.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

export function newLoginSecret(length = 43): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  // 64 symbols: each byte's low 6 bits pick one, so every symbol is equally likely.
  return Array.from(bytes, (byte) => ALPHABET[byte & 63]).join("");
}

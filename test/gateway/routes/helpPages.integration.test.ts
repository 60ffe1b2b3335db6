/**
 * The gateway's help, support and privacy pages in English and Dutch: every function's page carries
 * what the function catalogue says (the same source as the functions JSONs), the support page the
 * configured contact, the privacy statement the configured lifetimes.
 */
import { FUNCTION_CATALOGUE } from "../../../src/shared/functions/catalogue";
import { buildTestGateway, type TestGateway } from "../../support/gateway";

let plain: TestGateway;
let configured: TestGateway;

beforeAll(async () => {
  plain = await buildTestGateway();
  configured = await buildTestGateway({
    EOL_SUPPORT_URL: "https://intranet.example.com/eol?team=finance&x=<y>",
    EOL_SUPPORT_EMAIL: "it-desk@example.com",
    EOL_SESSION_IDLE_DAYS: "7",
    EOL_SESSION_MAX_DAYS: "14",
    EOL_CACHE_TTL_SECONDS: "60",
  });
});
afterAll(async () => {
  await plain?.close();
  await configured?.close();
});

async function page(gateway: TestGateway, path: string, headers: Record<string, string> = {}) {
  const res = await gateway.fetch(`${gateway.url}${path}`, { headers });
  expect({ path, status: res.status }).toEqual({ path, status: 200 });
  expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
  return res.text();
}

/** The page's text as a reader sees it: tags out, entities back. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, " ")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&amp;", "&")
    .replace(/\s+/g, " ");
}

test("each function's English page says what it answers, its arguments, columns, examples and errors", async () => {
  for (const doc of FUNCTION_CATALOGUE) {
    const html = await page(plain, `/help/en/functions/${doc.id.toLowerCase()}.html`);
    const shown = text(html);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<h1>EOL.${doc.id}</h1>`);
    const expected = [
      doc.summary.en,
      doc.details.en,
      ...doc.parameters.flatMap((p) => [p.name.en, p.help.en]),
      ...doc.columns,
      ...doc.errors.map((e) => e.when.en),
      "Sign in to Exact Online (EOL task pane)",
    ];
    for (const piece of expected)
      expect({ id: doc.id, piece, shown: shown.includes(piece) }).toEqual({ id: doc.id, piece, shown: true });
    expect(shown).toContain("Examples");
    expect(shown).toContain(`=EOL.${doc.id}(`);
  }
  const divisions = text(await page(plain, "/help/en/functions/divisions.html"));
  expect(divisions).toContain('=EOL.DIVISIONS(TRUE, "license")');
});

test("the Dutch pages use Dutch names, ; between arguments, WAAR/ONWAAR and Dutch error values", async () => {
  const html = await page(plain, "/help/nl/functions/divisions.html");
  const shown = text(html);
  expect(html).toContain('<html lang="nl">');
  expect(html).toContain("<h1>EOL.ADMINISTRATIES</h1>");
  expect(shown).toContain('=EOL.ADMINISTRATIES(WAAR; "license")');
  expect(shown).toContain("=EOL.ADMINISTRATIES(kopteksten; bereik)");
  expect(shown).toContain("#WAARDE!");
  expect(shown).toContain("#N/B");
  expect(html).toContain(`href="${plain.url}/help/en/functions/divisions.html"`);
  const users = text(await page(plain, "/help/nl/functions/users.html"));
  expect(users).toContain("=EOL.GEBRUIKERS(A2; ONWAAR)");
});

test("the index lists every function in its language, each link answering", async () => {
  for (const language of ["en", "nl"] as const) {
    const html = await page(plain, `/help/${language}/index.html`);
    const links = [...html.matchAll(/href="([^"]+\/functions\/[a-z]+\.html)"/g)].map((m) => m[1]);
    expect(links.length).toBe(FUNCTION_CATALOGUE.length);
    for (const link of links) expect((await plain.fetch(link)).status).toBe(200);
    for (const doc of FUNCTION_CATALOGUE) expect(text(html)).toContain(`EOL.${doc.name[language]}`);
  }
});

test("the support page names the configured contact, or says whom to ask when there is none", async () => {
  const none = text(await page(plain, "/help/en/support.html"));
  expect(none).toContain("This gateway names no support contact");
  expect(none).toContain("https://apps.exactonline.com");
  const html = await page(configured, "/help/en/support.html");
  expect(html).toContain('href="https://intranet.example.com/eol?team=finance&amp;x=%3Cy%3E"');
  expect(html).toContain('href="mailto:it-desk@example.com"');
  expect(html).not.toContain("<y>");
  const dutch = text(await page(configured, "/help/nl/support.html"));
  expect(dutch).toContain("De ondersteuning van uw organisatie");
  expect(dutch).toContain("it-desk@example.com");
});

test("the privacy statement gives this gateway's lifetimes and how secrets are kept", async () => {
  const standard = text(await page(plain, "/help/en/privacy.html"));
  expect(standard).toContain("after 30 days unused or 90 days after sign-in");
  expect(standard).toContain("kept for 300 seconds, in the gateway's memory only");
  expect(standard).toContain("AES-256-GCM");
  const configuredText = text(await page(configured, "/help/en/privacy.html"));
  expect(configuredText).toContain("after 7 days unused or 14 days after sign-in");
  expect(configuredText).toContain("kept for 60 seconds");
  const dutch = text(await page(configured, "/help/nl/privacy.html"));
  expect(dutch).toContain("na 7 dagen zonder gebruik of 14 dagen na het aanmelden");
});

test("the old help address sends the reader to the index in their language", async () => {
  const dutch = await plain.fetch(`${plain.url}/help.html`, {
    headers: { "accept-language": "nl-BE,nl;q=0.9" },
    redirect: "manual",
  });
  expect(dutch.status).toBe(302);
  expect(dutch.headers.get("location")).toBe(`${plain.url}/help/nl/index.html`);
  const english = await plain.fetch(`${plain.url}/help.html`, { redirect: "manual" });
  expect(english.headers.get("location")).toBe(`${plain.url}/help/en/index.html`);
  expect((await plain.fetch(`${plain.url}/help/fr/index.html`)).status).toBe(404);
});

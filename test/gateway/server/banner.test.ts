import { startupBanner } from "../../../src/gateway/server/banner";
import { loadConfig } from "../../../src/gateway/config/config";

describe("npm start banner", () => {
  test("names the task pane, the manifest, how to sideload everywhere, and the demo", () => {
    const text = startupBanner(loadConfig({}, "/srv/eol"), "/srv/eol/data/manifest.xml", null);
    expect(text).toContain("https://localhost:3000/taskpane.html");
    expect(text).toContain("/srv/eol/data/manifest.xml");
    for (const platform of ["Excel on the web", "Windows", "Mac"]) expect(text).toContain(platform);
    expect(text).toContain('Country "Demo (built-in sample data)"');
    expect(text).toMatch(/^ {2}Store: +SQLite, \/srv\/eol\/data\/eol-gateway\.sqlite$/m);
    expect(text).toMatch(/^ {2}Demo: +on /m);
  });

  test("names the PostgreSQL host and database, never the user or password", () => {
    const config = loadConfig(
      {
        EOL_DATABASE_URL: "postgres://eol:s3cret@db.example.com:6432/eol_prod",
        EOL_SECRET_KEY: "ab".repeat(32),
      },
      "/srv/eol",
    );
    const text = startupBanner(config, "/m.xml", null);
    expect(text).toMatch(/^ {2}Store: +PostgreSQL, database eol_prod on db\.example\.com:6432$/m);
    expect(text).toMatch(/^ {2}Demo: +off$/m);
    expect(text).not.toMatch(/s3cret|eol:/);
  });

  test("leaves the demo out when it is off, and explains how to trust a development CA", () => {
    const text = startupBanner(loadConfig({ EOL_DEMO: "0" }, "/srv/eol"), "/m.xml", "/home/u/ca.crt");
    expect(text).not.toContain("Demo: in the task pane");
    expect(text).toMatch(/^ {2}Demo: +off$/m);
    expect(text).toContain("/home/u/ca.crt");
  });
});

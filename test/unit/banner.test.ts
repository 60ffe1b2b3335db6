import { startupBanner } from "../../src/gateway/banner";
import { loadConfig } from "../../src/gateway/config";

describe("npm start banner", () => {
  test("names the task pane, the manifest, how to sideload everywhere, and the demo", () => {
    const text = startupBanner(loadConfig({}, "/srv/eol"), "/srv/eol/data/manifest.xml", null);
    expect(text).toContain("https://localhost:3000/taskpane.html");
    expect(text).toContain("/srv/eol/data/manifest.xml");
    for (const platform of ["Excel on the web", "Windows", "Mac"]) expect(text).toContain(platform);
    expect(text).toContain('Country "Demo (built-in sample data)"');
  });

  test("leaves the demo out when it is off, and explains how to trust a development CA", () => {
    const text = startupBanner(loadConfig({ EOL_DEMO: "0" }, "/srv/eol"), "/m.xml", "/home/u/ca.crt");
    expect(text).not.toContain("Demo:");
    expect(text).toContain("/home/u/ca.crt");
  });
});

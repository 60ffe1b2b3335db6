import { version } from "../../src/addin/functions/functions";
import packageJson from "../../package.json";

describe("=EOL.VERSION()", () => {
  test("returns the add-in version from package.json", () => {
    expect(version()).toBe(packageJson.version);
    expect(version()).toMatch(/^\d+\.\d+\.\d+/);
  });

  test("registers through a stand-in outside Excel instead of throwing", () => {
    const registered = (globalThis as unknown as { eolRegisteredFunctions?: Record<string, unknown> })
      .eolRegisteredFunctions;
    expect(registered).toBeDefined();
    (
      globalThis as unknown as { CustomFunctions: { associate: (id: string, fn: unknown) => void } }
    ).CustomFunctions.associate("VERSION", version);
    expect(registered!.VERSION).toBe(version);
  });
});

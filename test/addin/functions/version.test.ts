import fs from "node:fs";
import { version } from "../../../src/addin/functions/functions";
import packageJson from "../../../package.json";
import { MANIFEST_PATH } from "../../support/manifest";

describe("=EOL.VERSION()", () => {
  test("returns the add-in version from package.json", () => {
    expect(version()).toBe(packageJson.version);
    expect(version()).toMatch(/^\d+\.\d+\.\d+/);
  });

  test("is the version the manifest carries, 1.0.0 or later (Office wants a first part of at least 1)", () => {
    const manifest = fs.readFileSync(MANIFEST_PATH, "utf8");
    expect(manifest).toContain(`<Version>${version()}.0</Version>`);
    expect(Number(version().split(".")[0])).toBeGreaterThanOrEqual(1);
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

describe("CustomFunctions outside Excel", () => {
  test("completes Office.js's plain-browser CustomFunctions (associate only) with Error and ErrorCode", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { installCustomFunctionsStandIn } = require("../../../src/addin/office/customFunctions") as {
      installCustomFunctionsStandIn: (target: typeof globalThis) => void;
    };
    const associate = jest.fn();
    const scope = { CustomFunctions: { associate } } as unknown as typeof globalThis;
    installCustomFunctionsStandIn(scope);
    const cf = (
      scope as unknown as {
        CustomFunctions: {
          associate: unknown;
          Error: new (c: string, m: string) => Error;
          ErrorCode: Record<string, string>;
        };
      }
    ).CustomFunctions;
    expect(cf.associate).toBe(associate);
    const error = new cf.Error(cf.ErrorCode.notAvailable, "Sign in");
    expect(error).toMatchObject({ code: "#N/A", message: "Sign in" });
  });
});

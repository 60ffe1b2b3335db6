import {
  completionMessageFromQuery,
  locationAfterRetry,
  retryableFromQuery,
} from "../../../src/addin/auth/completionMessage";

describe("auth-complete.html parameters", () => {
  test("an ok result carries the login and its one-time completion code", () => {
    expect(completionMessageFromQuery(`?status=ok&loginId=L1&completion=${"a".repeat(43)}`)).toEqual({
      type: "eol-login",
      status: "ok",
      loginId: "L1",
      completionCode: "a".repeat(43),
    });
  });

  test("an ok without its completion code, or anything unexpected, becomes an error", () => {
    expect(completionMessageFromQuery("?status=ok&loginId=L1")).toMatchObject({ status: "error" });
    expect(completionMessageFromQuery("?status=weird")).toMatchObject({
      status: "error",
      code: "internal_error",
    });
    expect(completionMessageFromQuery(`?status=error&code=consent_denied&message=Call+0800`)).toEqual({
      type: "eol-login",
      status: "error",
      code: "consent_denied",
      loginId: undefined,
    });
  });

  test("no text from the address is passed on, and an unknown code becomes internal_error", () => {
    const message = completionMessageFromQuery("?status=error&code=Call+0800-FRAUD&message=Call+0800-FRAUD");
    expect(message).toMatchObject({ status: "error", code: "internal_error" });
    expect(JSON.stringify(message)).not.toMatch(/FRAUD/);
  });
});

describe("Try again on auth-complete.html (tokens kept after a failed identity read)", () => {
  const code = "b".repeat(43);
  test("status=retry with its login and code is retryable; anything else is not", () => {
    expect(retryableFromQuery(`?status=retry&loginId=L1&completion=${code}&message=Exact%20away`)).toEqual({
      loginId: "L1",
      completionCode: code,
    });
    expect(retryableFromQuery(`?status=retry&loginId=L1`)).toBeNull();
    expect(retryableFromQuery(`?status=ok&loginId=L1&completion=${code}`)).toBeNull();
  });

  test("goes where the gateway says only when that is this page; an error answer becomes an error page", () => {
    expect(locationAfterRetry({ location: "/auth-complete.html?status=ok" }, "L1")).toBe(
      "/auth-complete.html?status=ok",
    );
    const elsewhere = new URLSearchParams(
      locationAfterRetry({ location: "https://evil.example/" }, "L1").split("?")[1],
    );
    expect(elsewhere.get("status")).toBe("error");
    const refused = new URLSearchParams(
      locationAfterRetry({ error: { code: "wrong_login_secret", message: "Other window." } }, "L1").split(
        "?",
      )[1],
    );
    expect(Object.fromEntries(refused)).toEqual({
      status: "error",
      code: "wrong_login_secret",
      loginId: "L1",
    });
  });
});

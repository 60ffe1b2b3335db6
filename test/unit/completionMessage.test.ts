import { completionMessageFromQuery } from "../../src/addin/auth/completionMessage";

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
    expect(
      completionMessageFromQuery(`?status=error&code=consent_denied&message=${"x".repeat(500)}`),
    ).toMatchObject({
      status: "error",
      code: "consent_denied",
      message: "x".repeat(300),
    });
  });
});

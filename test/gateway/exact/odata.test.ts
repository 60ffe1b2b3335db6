import {
  parseExactDate,
  parseODataPage,
  exactErrorText,
  MalformedResponseError,
} from "../../../src/gateway/exact/odata";
import { mapExactError } from "../../../src/gateway/exact/errorMapping";
import { clip } from "../../../src/gateway/errors";
import { readRateLimitHeaders } from "../../../src/gateway/scheduler/rateLimitHeaders";
import { buildODataQueryString, resourceUrl } from "../../../src/gateway/exact/client";

describe("OData parsing", () => {
  it("converts /Date(ms)/ to ISO, with or without an offset suffix", () => {
    expect(parseExactDate("/Date(1382667872203)/")).toBe("2013-10-25T02:24:32.203Z");
    expect(parseExactDate("/Date(0+0100)/")).toBe("1970-01-01T00:00:00.000Z");
    expect(parseExactDate("/Date(-86400000)/")).toBe("1969-12-31T00:00:00.000Z");
    expect(parseExactDate("Date(1)")).toBeNull();
    expect(parseExactDate("2024-01-01")).toBeNull();
  });

  it("reads a collection page with __next, dropping metadata and deferred links", () => {
    const page = parseODataPage(
      JSON.stringify({
        d: {
          results: [
            {
              __metadata: { uri: "x", type: "Exact.Web.Api.System.Division" },
              Code: 1,
              StartDate: "/Date(1700000000000)/",
              Links: { __deferred: { uri: "y" } },
              Name: null,
            },
          ],
          __next: "https://start.exactonline.nl/api/v1/1/system/Divisions?$skiptoken=2",
        },
      }),
    );
    expect(page.records).toEqual([{ Code: 1, StartDate: "2023-11-14T22:13:20.000Z", Name: null }]);
    expect(page.next).toBe("https://start.exactonline.nl/api/v1/1/system/Divisions?$skiptoken=2");
  });

  it("reads the last page (no __next), an array under d and a single entity", () => {
    expect(parseODataPage('{"d":{"results":[]}}')).toEqual({ records: [], next: null });
    expect(parseODataPage('{"d":[{"A":1}]}')).toEqual({ records: [{ A: 1 }], next: null });
    expect(parseODataPage('{"d":{"A":2}}')).toEqual({ records: [{ A: 2 }], next: null });
  });

  it("refuses bodies that are not Exact's JSON envelope", () => {
    for (const body of [
      "<html>",
      '{"d":{"results":[',
      '{"x":1}',
      '{"d":{"results":{}}}',
      '{"d":{"results":[1]}}',
      '{"d":5}',
    ]) {
      expect(() => parseODataPage(body)).toThrow(MalformedResponseError);
    }
  });

  it("reads Exact's error envelope", () => {
    expect(
      exactErrorText(
        '{"error":{"code":"","message":{"lang":"","value":"Bad Request - Error in query syntax."}}}',
      ),
    ).toBe("Bad Request - Error in query syntax.");
    expect(exactErrorText("not json")).toBeNull();
    expect(exactErrorText('{"error":{"message":""}}')).toBeNull();
  });
});

describe("Exact error mapping", () => {
  const envelope = (text: string) =>
    JSON.stringify({ error: { code: "", message: { lang: "", value: text } } });

  it("maps 403 NoDivisionAccess to no_division_access naming the division", () => {
    const error = mapExactError(403, envelope("Forbidden"), "NoDivisionAccess", 4711);
    expect(error).toMatchObject({
      status: 403,
      code: "no_division_access",
      message: "No access to division 4711.",
    });
  });

  it("keeps Exact's own text on 400 and 404", () => {
    expect(
      mapExactError(
        400,
        envelope("Please add a $select or a $top=1 statement to the query string."),
        null,
        1,
      ),
    ).toMatchObject({
      status: 400,
      code: "exact_error",
      message: "Exact Online: Please add a $select or a $top=1 statement to the query string.",
    });
    expect(mapExactError(404, "", null, 1)).toMatchObject({
      status: 404,
      code: "exact_error",
      message: "Exact Online: HTTP 404",
    });
  });

  it("names other 403 reasons and keeps messages within 255 characters", () => {
    expect(mapExactError(403, "", "LicenseExpired", 7).message).toContain("LicenseExpired");
    expect(mapExactError(403, "", "DivisionBlocked", 7).message).toBe(
      "Division 7 is blocked in Exact Online (backup, conversion or deletion in progress).",
    );
    expect(mapExactError(400, envelope("x".repeat(1000)), null, 1).message.length).toBeLessThanOrEqual(255);
    expect(clip("a\n\nb")).toBe("a b");
  });
});

describe("rate-limit headers and URLs", () => {
  it("reads every X-RateLimit header and tolerates absent ones", () => {
    const headers = new Headers({
      "X-RateLimit-Limit": "5000",
      "X-RateLimit-Remaining": "4766",
      "X-RateLimit-Reset": "1683936000000",
      "X-RateLimit-Minutely-Limit": "60",
      "X-RateLimit-Minutely-Remaining": "58",
      "X-RateLimit-Minutely-Reset": "1683879540000",
    });
    expect(readRateLimitHeaders(headers)).toEqual({
      dayLimit: 5000,
      dayRemaining: 4766,
      dayResetAt: 1683936000000,
      minuteLimit: 60,
      minuteRemaining: 58,
      minuteResetAt: 1683879540000,
    });
    expect(readRateLimitHeaders(new Headers({ "X-RateLimit-Remaining": "abc" })).dayRemaining).toBeNull();
  });

  it("builds OData URLs with literal $ options and encoded values", () => {
    expect(buildODataQueryString({ $select: "A,B", $filter: "Role eq 274", $top: undefined })).toBe(
      "$select=A%2CB&$filter=Role%20eq%20274",
    );
    expect(resourceUrl("http://h/", 5, "users/Users", { $select: "UserID" })).toBe(
      "http://h/api/v1/5/users/Users?$select=UserID",
    );
    expect(resourceUrl("http://h", null, "current/Me", {})).toBe("http://h/api/v1/current/Me");
  });
});

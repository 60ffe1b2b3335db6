/**
 * Business resources (crm, financial, sales, purchase, hrm, project): Exact's field names and types, per
 * division, consistent with each other, deterministic, scaled in the large set, and the $select rule.
 */
import { businessBook, BUSINESS_SCALE } from "../../src/simulator/data/business";
import { BUSINESS_RESOURCES } from "../../src/simulator/rest/businessResources";
import * as schemas from "../../src/simulator/rest/businessSchemas";
import { generateDataset } from "../../src/simulator";
import { SELECT_REQUIRED_TEXT } from "../../src/simulator/rest/api";
import {
  api,
  errorText,
  signIn,
  startTestSimulator,
  type ODataPage,
  type TestSim,
  type Tokens,
} from "../support/simulator";

const ENDPOINTS = [
  "crm/Accounts",
  "crm/Contacts",
  "financial/GLAccounts",
  "financial/Journals",
  "financialtransaction/TransactionLines",
  "salesinvoice/SalesInvoices",
  "purchaseentry/PurchaseEntries",
  "hrm/Departments",
  "project/Projects",
];

let t: TestSim;
let tokens: Tokens;
let division: number;
beforeAll(async () => {
  t = await startTestSimulator();
  tokens = await signIn(t.sim);
  division = t.sim.data.divisions[1].code;
});
afterAll(() => t.sim.close());

async function all(path: string): Promise<Array<Record<string, unknown>>> {
  const rows: Array<Record<string, unknown>> = [];
  let url: string | undefined = path;
  while (url) {
    const response = await api(t.sim, tokens.access_token, url);
    expect(response.status).toBe(200);
    const page = (await response.json()) as ODataPage;
    rows.push(...page.d.results);
    url = page.d.__next;
  }
  return rows;
}

describe("business resources", () => {
  it("serves every endpoint the issue names, with its entity's fields in Exact's JSON shapes", async () => {
    expect(BUSINESS_RESOURCES.map((resource) => resource.endpoint)).toEqual(ENDPOINTS);
    for (const resource of BUSINESS_RESOURCES) {
      const fields = [...resource.entity.fields.keys()];
      const rows = await all(`/api/v1/${division}/${resource.endpoint}?$select=${fields.join(",")}`);
      expect(rows.length).toBeGreaterThan(0);
      const first = rows[0];
      expect(Object.keys(first)).toEqual(["__metadata", ...fields]);
      expect(first.__metadata).toMatchObject({ type: resource.entity.typeName });
      for (const [name, type] of resource.entity.fields) {
        const values = rows.map((row) => row[name]).filter((value) => value !== null);
        for (const value of values.slice(0, 5)) {
          if (type === "Edm.DateTime") expect(value).toMatch(/^\/Date\(-?\d+\)\/$/);
          else if (type === "Edm.Guid")
            expect(value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
          else if (type === "Edm.Boolean") expect(typeof value).toBe("boolean");
          else if (type === "Edm.String") expect(typeof value).toBe("string");
          else expect(typeof value).toBe("number");
        }
      }
      expect(rows.every((row) => row.Division === division)).toBe(true);
    }
  });

  it("uses Exact's names and key fields (Account code 18 characters right-aligned, InvoiceID, EntryID)", () => {
    expect(schemas.ACCOUNT.entity.typeName).toBe("Exact.Web.Api.Models.Account");
    expect(schemas.SALES_INVOICE.entity.key).toBe("InvoiceID");
    expect(schemas.PURCHASE_ENTRY.entity.key).toBe("EntryID");
    expect(schemas.SALES_INVOICE.navigations).toContain("SalesInvoiceLines");
    const book = businessBook(t.sim.data, division)!;
    for (const account of book.accounts) expect(account.Code).toMatch(/^ {0,17}\d+$/);
    expect(book.accounts.every((account) => String(account.Code).length === 18)).toBe(true);
  });

  it("answers a filtered, ordered query such as the README's (customers by name)", async () => {
    const rows = await all(
      `/api/v1/${division}/crm/Accounts?$select=Code,Name,City&$filter=${encodeURIComponent("Status eq 'C'")}&$orderby=Name&$top=100`,
    );
    const customers = businessBook(t.sim.data, division)!.accounts.filter(
      (account) => account.Status === "C",
    );
    expect(rows.map((row) => row.Name)).toEqual(
      customers
        .map((account) => account.Name as string)
        .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
  });

  it("keeps the books consistent: lines balance per entry and point at real accounts and GL accounts", () => {
    const book = businessBook(t.sim.data, division)!;
    const accounts = new Set(book.accounts.map((row) => row.ID));
    const gl = new Set(book.glAccounts.map((row) => row.ID));
    const byEntry = new Map<unknown, number>();
    for (const line of book.transactionLines) {
      expect(accounts.has(line.Account)).toBe(true);
      expect(gl.has(line.GLAccount)).toBe(true);
      byEntry.set(line.EntryID, (byEntry.get(line.EntryID) ?? 0) + (line.AmountDC as number));
    }
    expect(byEntry.size).toBe(book.salesInvoices.length + book.purchaseEntries.length);
    for (const total of byEntry.values()) expect(Math.abs(total)).toBeLessThan(0.02);
    for (const invoice of book.salesInvoices) {
      expect(invoice.AmountDC).toBeCloseTo(
        (invoice.AmountFCExclVat as number) + (invoice.VATAmountDC as number),
        2,
      );
      expect(accounts.has(invoice.InvoiceTo)).toBe(true);
    }
  });

  it("refuses SalesInvoices and PurchaseEntries without $select (or $top=1), as Exact does for some endpoints", async () => {
    for (const endpoint of ["salesinvoice/SalesInvoices", "purchaseentry/PurchaseEntries"]) {
      const refused = await api(t.sim, tokens.access_token, `/api/v1/${division}/${endpoint}`);
      expect(refused.status).toBe(400);
      expect(await errorText(refused)).toBe(SELECT_REQUIRED_TEXT);
      expect((await api(t.sim, tokens.access_token, `/api/v1/${division}/${endpoint}?$top=1`)).status).toBe(
        200,
      );
    }
    expect((await api(t.sim, tokens.access_token, `/api/v1/${division}/crm/Accounts`)).status).toBe(200);
  });

  it("answers 403 for a division the app was not granted", async () => {
    const response = await api(
      t.sim,
      tokens.access_token,
      `/api/v1/${t.sim.data.notGrantedDivision}/crm/Accounts?$select=Name`,
    );
    expect(response.status).toBe(403);
    expect(response.headers.get("reason")).toBe("NoDivisionAccess");
  });

  it("is deterministic per data set and division, different between divisions, and scaled in the large set", () => {
    const demo = generateDataset("demo", 1);
    const [a, b] = demo.divisions.map((d) => d.code);
    expect(businessBook(demo, a)).toBe(businessBook(demo, a));
    expect(businessBook(demo, b)!.accounts.map((r) => r.Name)).not.toEqual(
      businessBook(demo, a)!.accounts.map((r) => r.Name),
    );
    expect(businessBook(demo, 1)).toBeNull();
    const large = generateDataset("accountant-large", 1);
    const sizes = large.divisions.slice(0, 12).map((d) => businessBook(large, d.code)!.salesInvoices.length);
    expect(Math.max(...sizes)).toBeGreaterThan(BUSINESS_SCALE.demo.sales[1]);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(BUSINESS_SCALE["accountant-large"].sales[0]);
  });
});

/**
 * A division's entries: sales invoices and purchase entries, and the transaction lines they post
 * (receivable/payable, revenue/cost and VAT lines that balance to zero per entry).
 */
import type { Row } from "../../odata/schema";
import { DAY, money, pastDate, stamp, type BookContext } from "./context";
import type { Ledger } from "./ledger";

const VAT_RATES: ReadonlyArray<readonly [number, string, string]> = [
  [0.21, "2", "1500"],
  [0.21, "2", "1500"],
  [0.09, "1", "1510"],
];
const SALES_TEXTS = ["Levering goederen", "Werkzaamheden", "Advieswerk", "Onderhoudscontract", "Installatie"];
const COST_ACCOUNTS = ["4300", "4400", "4500", "4600", "4700", "7000"];

interface Posting {
  entry: Row;
  kind: "sales" | "purchase";
  /** Net amount per revenue/cost line, and the GL codes they post to. */
  lines: Array<{ net: number; gl: string }>;
  vat: number;
  vatGl: string;
  vatCode: string;
  vatRate: number;
  account: Row;
}

function status(context: BookContext, date: number): [number, string] {
  return date < context.today - 45 * DAY || context.rng.chance(0.6) ? [50, "Verwerkt"] : [20, "Open"];
}

export function buildSalesInvoices(context: BookContext, customers: readonly Row[], count: number): Posting[] {
  const { rng } = context;
  if (customers.length === 0) return [];
  return Array.from({ length: count }, (_, index) => {
    const account = rng.pick(customers);
    const date = pastDate(context, 700);
    const credit = rng.chance(0.06);
    const sign = credit ? -1 : 1;
    const [vatRate, vatCode, vatGl] = rng.pick(VAT_RATES);
    const lines = Array.from({ length: rng.int(1, 3) }, () => ({
      net: sign * money(rng.int(40, 4000) + rng.int(0, 99) / 100),
      gl: vatCode === "1" ? "8100" : rng.pick(["8000", "8000", "8900"]),
    }));
    const net = money(lines.reduce((sum, line) => sum + line.net, 0));
    const vat = money(net * vatRate);
    const [statusCode, statusText] = status(context, date);
    const number = new Date(date).getUTCFullYear() * 10000 + index + 1;
    const entry: Row = {
      InvoiceID: rng.guid(),
      ...stamp(context, date),
      InvoiceNumber: number,
      InvoiceDate: date,
      OrderDate: date - rng.int(0, 14) * DAY,
      DueDate: date + 30 * DAY,
      Description: rng.pick(SALES_TEXTS),
      OrderedBy: account.ID,
      OrderedByName: account.Name,
      InvoiceTo: account.ID,
      InvoiceToName: account.Name,
      DeliverTo: account.ID,
      DeliverToName: account.Name,
      Currency: "EUR",
      AmountFCExclVat: net,
      AmountFC: money(net + vat),
      AmountDC: money(net + vat),
      VATAmountFC: vat,
      VATAmountDC: vat,
      AmountDiscount: 0,
      AmountDiscountExclVat: 0,
      Discount: 0,
      Journal: "70",
      JournalDescription: "Verkoopboek",
      PaymentCondition: "30",
      PaymentConditionDescription: "30 dagen",
      PaymentReference: String(number),
      Status: statusCode,
      StatusDescription: statusText,
      Type: credit ? 8021 : 8020,
      TypeDescription: credit ? "Verkoopcreditnota" : "Verkoopfactuur",
      YourRef: rng.chance(0.4) ? `PO-${rng.int(1000, 99999)}` : null,
    };
    return { entry, kind: "sales", lines, vat, vatGl, vatCode, vatRate, account };
  });
}

export function buildPurchaseEntries(context: BookContext, suppliers: readonly Row[], count: number): Posting[] {
  const { rng } = context;
  if (suppliers.length === 0) return [];
  return Array.from({ length: count }, (_, index) => {
    const account = rng.pick(suppliers);
    const date = pastDate(context, 700);
    const credit = rng.chance(0.05);
    const sign = credit ? -1 : 1;
    const lines = Array.from({ length: rng.int(1, 2) }, () => ({
      net: sign * money(rng.int(15, 2500) + rng.int(0, 99) / 100),
      gl: rng.pick(COST_ACCOUNTS),
    }));
    const net = money(lines.reduce((sum, line) => sum + line.net, 0));
    const vat = money(net * 0.21);
    const [statusCode, statusText] = status(context, date);
    const year = new Date(date).getUTCFullYear();
    const entry: Row = {
      EntryID: rng.guid(),
      ...stamp(context, date),
      EntryNumber: year * 10000 + index + 1,
      InvoiceNumber: year * 10000 + index + 1,
      EntryDate: date,
      DueDate: date + 30 * DAY,
      Description: `Factuur ${account.Name}`,
      Supplier: account.ID,
      SupplierName: account.Name,
      Currency: "EUR",
      Rate: 1,
      AmountFC: money(net + vat),
      AmountDC: money(net + vat),
      VATAmountFC: vat,
      VATAmountDC: vat,
      Journal: "60",
      JournalDescription: "Inkoopboek",
      PaymentCondition: "30",
      PaymentConditionDescription: "30 dagen",
      ReportingYear: year,
      ReportingPeriod: new Date(date).getUTCMonth() + 1,
      Reversal: false,
      Status: statusCode,
      StatusDescription: statusText,
      Type: credit ? 31 : 30,
      TypeDescription: credit ? "Inkoopcreditnota" : "Inkoopfactuur",
      YourRef: `INV-${rng.int(10000, 999999)}`,
    };
    return { entry, kind: "purchase", lines, vat, vatGl: "1520", vatCode: "2", vatRate: 0.21, account };
  });
}

/** Transaction lines of the postings: line 0 the receivable/payable, then revenue/cost lines, then VAT. */
export function buildTransactionLines(context: BookContext, ledger: Ledger, postings: readonly Posting[]): Row[] {
  const { rng } = context;
  const rows: Row[] = [];
  for (const posting of postings) {
    const { entry, account } = posting;
    const sales = posting.kind === "sales";
    // Debit positive: a sales invoice debits the receivable and credits revenue and VAT; a purchase the reverse.
    const sign = sales ? 1 : -1;
    const gross = entry.AmountDC as number;
    const date = (sales ? entry.InvoiceDate : entry.EntryDate) as number;
    const entryId = (sales ? entry.InvoiceID : entry.EntryID) as string;
    const journal = entry.Journal as string;
    const postingLines = [
      { gl: sales ? "1300" : "1600", amount: sign * gross, vat: null as number | null, number: 0 },
      ...posting.lines.map((line, i) => ({ gl: line.gl, amount: -sign * line.net, vat: null, number: i + 1 })),
      { gl: posting.vatGl, amount: -sign * posting.vat, vat: null, number: posting.lines.length + 1 },
    ];
    for (const line of postingLines) {
      const gl = ledger.gl.get(line.gl)!;
      const amount = money(line.amount);
      rows.push({
        ID: rng.guid(),
        ...stamp(context, date),
        EntryID: entryId,
        EntryNumber: (sales ? entry.InvoiceNumber : entry.EntryNumber) as number,
        InvoiceNumber: entry.InvoiceNumber as number,
        LineNumber: line.number,
        Date: date,
        DueDate: line.number === 0 ? (entry.DueDate as number) : null,
        FinancialYear: new Date(date).getUTCFullYear(),
        FinancialPeriod: new Date(date).getUTCMonth() + 1,
        JournalCode: journal,
        JournalDescription: entry.JournalDescription,
        Type: sales ? 20 : 30,
        Status: entry.Status,
        GLAccount: gl.ID,
        GLAccountCode: gl.Code,
        GLAccountDescription: gl.Description,
        Account: account.ID,
        AccountCode: account.Code,
        AccountName: account.Name,
        Description: entry.Description,
        Currency: "EUR",
        ExchangeRate: 1,
        AmountDC: amount,
        AmountFC: amount,
        VATCode: line.number === 0 ? null : posting.vatCode,
        VATPercentage: line.number === 0 ? null : posting.vatRate,
        AmountVATFC: line.gl === posting.vatGl ? amount : null,
        YourRef: entry.YourRef,
        PaymentReference: line.number === 0 ? (entry.PaymentReference ?? null) : null,
      });
    }
  }
  return rows;
}

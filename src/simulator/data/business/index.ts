/**
 * Business data per division (accounts, contacts, ledger, entries, projects), generated on first use from
 * the data set's seed and the division code, so the same division always has the same books and the large
 * data set costs nothing until a test reads one of its 1,500 divisions.
 */
import type { Row } from "../../odata/schema";
import { SeededRandom } from "../../random";
import { indexOf } from "../lookup";
import type { DatasetName, SimDataset } from "../types";
import { sortByKey, type BookContext } from "./context";
import { buildPurchaseEntries, buildSalesInvoices, buildTransactionLines } from "./entries";
import { buildLedger } from "./ledger";
import { buildAccounts, buildContacts, buildProjects } from "./parties";

export interface BusinessBook {
  accounts: Row[];
  contacts: Row[];
  glAccounts: Row[];
  journals: Row[];
  transactionLines: Row[];
  salesInvoices: Row[];
  purchaseEntries: Row[];
  departments: Row[];
  projects: Row[];
}

type Range = readonly [number, number];

/** Records per division: a handful in the demo, up to thousands of lines in the large set. */
export const BUSINESS_SCALE: Record<DatasetName, { accounts: Range; sales: Range; purchases: Range; projects: Range }> = {
  demo: { accounts: [14, 24], sales: [20, 40], purchases: [10, 24], projects: [2, 5] },
  "accountant-large": { accounts: [20, 240], sales: [30, 600], purchases: [15, 300], projects: [0, 12] },
};

const BOOK_CACHE_SIZE = 32;
const books = new WeakMap<SimDataset, Map<number, BusinessBook>>();

function generate(dataset: SimDataset, division: number): BusinessBook {
  const rng = new SeededRandom((Math.imul(dataset.seed + 1, 0x9e3779b1) ^ division) >>> 0);
  const people = dataset.users
    .filter((user) => user.divisions.includes(division))
    .map(({ userId, fullName }) => ({ userId, fullName }));
  const context: BookContext = { rng, division, today: dataset.referenceTime, people };
  const scale = BUSINESS_SCALE[dataset.name];
  const ledger = buildLedger(context);
  const accounts = buildAccounts(context, rng.int(...scale.accounts));
  const sales = buildSalesInvoices(
    context,
    accounts.filter((account) => account.Status === "C"),
    rng.int(...scale.sales),
  );
  const purchases = buildPurchaseEntries(
    context,
    accounts.filter((account) => account.IsSupplier === true),
    rng.int(...scale.purchases),
  );
  return {
    accounts: sortByKey(accounts, "ID"),
    contacts: sortByKey(buildContacts(context, accounts), "ID"),
    glAccounts: sortByKey(ledger.glAccounts, "ID"),
    journals: sortByKey(ledger.journals, "ID"),
    transactionLines: sortByKey(buildTransactionLines(context, ledger, [...sales, ...purchases]), "ID"),
    salesInvoices: sortByKey(
      sales.map((posting) => posting.entry),
      "InvoiceID",
    ),
    purchaseEntries: sortByKey(
      purchases.map((posting) => posting.entry),
      "EntryID",
    ),
    departments: sortByKey(ledger.departments, "ID"),
    projects: sortByKey(buildProjects(context, accounts, rng.int(...scale.projects)), "ID"),
  };
}

/** The books of one division of the data set (null for a code the data set does not have). */
export function businessBook(dataset: SimDataset, division: number): BusinessBook | null {
  if (!indexOf(dataset).division.has(division)) return null;
  let cache = books.get(dataset);
  if (!cache) books.set(dataset, (cache = new Map()));
  let book = cache.get(division);
  if (book) {
    cache.delete(division); // re-insert: most recently used last
  } else {
    book = generate(dataset, division);
    if (cache.size >= BOOK_CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  cache.set(division, book);
  return book;
}

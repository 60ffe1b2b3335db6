/**
 * The fixed part of a division's books: a Dutch chart of accounts (a subset of the usual RGS-style
 * numbering), its journals and departments. Descriptions are Dutch, as in a Dutch administration.
 */
import type { Row } from "../../odata/schema";
import { stamp, type BookContext } from "./context";

/** [code, description, balance side, balance type (B balance sheet / W profit & loss), type, type description] */
type GLSpec = readonly [string, string, "D" | "C", "B" | "W", number, string];

const CHART: readonly GLSpec[] = [
  ["0100", "Inventaris", "D", "B", 31, "Vaste activa"],
  ["0150", "Vervoermiddelen", "D", "B", 31, "Vaste activa"],
  ["0500", "Eigen vermogen", "C", "B", 90, "Algemeen"],
  ["1000", "Kas", "D", "B", 10, "Kas"],
  ["1100", "Bank", "D", "B", 12, "Bank"],
  ["1300", "Debiteuren", "D", "B", 20, "Debiteuren"],
  ["1500", "Te betalen btw hoog", "C", "B", 24, "Te betalen btw"],
  ["1510", "Te betalen btw laag", "C", "B", 24, "Te betalen btw"],
  ["1520", "Te vorderen btw", "D", "B", 24, "Te vorderen btw"],
  ["1600", "Crediteuren", "C", "B", 22, "Crediteuren"],
  ["4000", "Lonen en salarissen", "D", "W", 121, "Lonen"],
  ["4100", "Sociale lasten", "D", "W", 121, "Lonen"],
  ["4300", "Huisvestingskosten", "D", "W", 111, "Kosten"],
  ["4400", "Autokosten", "D", "W", 111, "Kosten"],
  ["4500", "Kantoorkosten", "D", "W", 111, "Kosten"],
  ["4600", "Verkoopkosten", "D", "W", 111, "Kosten"],
  ["4700", "Advies- en administratiekosten", "D", "W", 111, "Kosten"],
  ["4900", "Afschrijvingen", "D", "W", 111, "Kosten"],
  ["7000", "Inkoopwaarde van de omzet", "D", "W", 110, "Kostprijs verkopen"],
  ["8000", "Omzet hoog tarief", "C", "W", 110, "Omzet"],
  ["8100", "Omzet laag tarief", "C", "W", 110, "Omzet"],
  ["8900", "Overige opbrengsten", "C", "W", 110, "Omzet"],
  ["9000", "Rentebaten en -lasten", "D", "W", 111, "Kosten"],
];

/** [code, description, type, GL account code of the journal] */
const JOURNALS: ReadonlyArray<readonly [string, string, number, string]> = [
  ["10", "Kas", 10, "1000"],
  ["20", "Bank", 12, "1100"],
  ["60", "Inkoopboek", 22, "1600"],
  ["70", "Verkoopboek", 20, "1300"],
  ["90", "Memoriaal", 90, "0500"],
];

const DEPARTMENTS: ReadonlyArray<readonly [string, string]> = [
  ["ADM", "Administratie"],
  ["VRK", "Verkoop"],
  ["UITV", "Uitvoering"],
  ["DIR", "Directie"],
];

export interface Ledger {
  glAccounts: Row[];
  journals: Row[];
  departments: Row[];
  /** GL account rows by code, for the entries that post to them. */
  gl: ReadonlyMap<string, Row>;
}

export function buildLedger(context: BookContext): Ledger {
  const { rng } = context;
  const opened = context.today - 3 * 365 * 86_400_000;
  const glAccounts = CHART.map(([code, description, side, balanceType, type, typeDescription]) => ({
    ID: rng.guid(),
    ...stamp(context, opened),
    Code: code,
    Description: description,
    SearchCode: description.slice(0, 10).toUpperCase(),
    BalanceSide: side,
    BalanceType: balanceType,
    Type: type,
    TypeDescription: typeDescription,
    IsBlocked: code === "0150" && rng.chance(0.5),
    Matching: code === "1300" || code === "1600",
    Compress: false,
    RevalueCurrency: false,
    VATCode: code === "8000" ? "2" : code === "8100" ? "1" : null,
    VATDescription: code === "8000" ? "BTW hoog 21%" : code === "8100" ? "BTW laag 9%" : null,
    UseCostcenter: 0,
    UseCostunit: 0,
  }));
  const gl = new Map(glAccounts.map((row) => [row.Code, row as Row]));
  const journals = JOURNALS.map(([code, description, type, glCode]) => ({
    ID: rng.guid(),
    ...stamp(context, opened),
    Code: code,
    Description: description,
    Type: type,
    Currency: "EUR",
    CurrencyDescription: "Euro",
    GLAccount: gl.get(glCode)!.ID,
    GLAccountCode: glCode,
    GLAccountDescription: gl.get(glCode)!.Description,
    GLAccountType: gl.get(glCode)!.Type,
    AllowVariableCurrency: false,
    AllowVariableExchangeRate: false,
    AllowVAT: type === 90,
    AutoSave: false,
    IsBlocked: false,
    BankAccountIBAN: type === 12 ? `NL${rng.int(10, 99)}INGB0${rng.int(100000000, 999999999)}` : null,
    BankName: type === 12 ? "ING Bank" : null,
  }));
  const departments = DEPARTMENTS.slice(0, rng.int(2, DEPARTMENTS.length)).map(([code, description]) => ({
    ID: rng.guid(),
    ...stamp(context, opened),
    Code: code,
    Description: description,
    Costcenter: code,
    CostcenterDescription: description,
    Notes: null,
  }));
  return { glAccounts, journals, departments, gl };
}

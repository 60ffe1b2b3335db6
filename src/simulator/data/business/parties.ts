/** A division's relations: accounts (customers, suppliers, prospects), their contacts, and projects. */
import type { Row } from "../../odata/schema";
import { CITIES, FANCY_NAMES, FIRST_NAMES, LEGAL_FORMS, STREETS, SURNAMES, TRADES } from "../names";
import { DAY, money, pastDate, stamp, type BookContext } from "./context";

/** Names that test what Excel does with odd texts: quotes, diacritics, leading =, +, -, @. */
const EDGE_NAMES = [
  "Café 't Hoekje \"De Kroeg\" V.O.F.",
  "Bloemisterij Sánchez-Öztürk & Ærø",
  "=Kapsalon Knip & Zo",
  "+31 Telecom B.V.",
  "@Home Interieur B.V.",
];

/** Status: C customer, P prospect, S suspect, A none (weights favour customers). */
const STATUSES = ["C", "C", "C", "C", "P", "S", "A"] as const;
const COUNTRIES: ReadonlyArray<readonly [string, string]> = [
  ["NL", "Nederland"],
  ["NL", "Nederland"],
  ["NL", "Nederland"],
  ["BE", "België"],
  ["DE", "Duitsland"],
];

function companyName(context: BookContext, index: number): string {
  if (index < EDGE_NAMES.length && context.rng.chance(0.5)) return EDGE_NAMES[index];
  const { rng } = context;
  const name = rng.chance(0.25) ? rng.pick(FANCY_NAMES) : rng.pick(SURNAMES);
  return [rng.pick(TRADES), name, rng.pick(LEGAL_FORMS)].filter(Boolean).join(" ");
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "")
    .slice(0, 18);
}

export function buildAccounts(context: BookContext, count: number): Row[] {
  const { rng } = context;
  return Array.from({ length: count }, (_, index) => {
    const name = companyName(context, index);
    const [city, postcodeDigits] = rng.pick(CITIES);
    const [country, countryName] = rng.pick(COUNTRIES);
    const status = rng.pick(STATUSES);
    const supplier = status !== "C" ? rng.chance(0.5) : rng.chance(0.15);
    const created = pastDate(context, 5 * 365);
    const domain = slug(name) || "bedrijf";
    return {
      ID: rng.guid(),
      ...stamp(context, created),
      // Exact's account code: 18 characters, right-aligned (reference §4).
      Code: String(index + 1).padStart(18, " "),
      Name: name,
      SearchCode: slug(name).slice(0, 10).toUpperCase() || null,
      Status: status,
      Type: "A",
      IsSupplier: supplier,
      IsSales: status === "C",
      Blocked: rng.chance(0.04),
      AddressLine1: `${rng.pick(STREETS)} ${rng.int(1, 250)}`,
      Postcode: `${postcodeDigits} ${String.fromCharCode(65 + rng.int(0, 25), 65 + rng.int(0, 25))}`,
      City: city,
      Country: country,
      CountryName: countryName,
      Language: country === "NL" ? "NL" : "EN",
      LanguageDescription: country === "NL" ? "Nederlands" : "Engels",
      Email: `info@${domain}.${country.toLowerCase()}`,
      Phone: `0${rng.int(10, 99)}-${rng.int(1000000, 9999999)}`,
      Website: rng.chance(0.5) ? `https://www.${domain}.${country.toLowerCase()}` : null,
      VATNumber: country === "NL" ? `NL${rng.int(100000000, 999999999)}B01` : null,
      ChamberOfCommerce: country === "NL" ? String(rng.int(10000000, 99999999)) : null,
      CreditLineSales: status === "C" ? rng.pick([0, 2500, 5000, 10000]) : null,
      DiscountSales: rng.chance(0.2) ? rng.pick([0.02, 0.05, 0.1]) : 0,
      PaymentConditionSales: status === "C" ? "30" : null,
      PaymentConditionSalesDescription: status === "C" ? "30 dagen" : null,
      StartDate: created,
      EndDate: rng.chance(0.05) ? created + rng.int(200, 900) * DAY : null,
      IsAccountant: 0,
      IsAgency: 0,
      IsAnonymised: 0,
      IsCompetitor: 0,
      IsMailing: 0,
      Remarks: index === 2 ? "-Let op: betaalt altijd laat" : null,
    };
  });
}

export function buildContacts(context: BookContext, accounts: readonly Row[]): Row[] {
  const { rng } = context;
  const contacts: Row[] = [];
  for (const account of accounts) {
    const people = rng.int(1, 3);
    for (let n = 0; n < people; n += 1) {
      const firstName = rng.pick(FIRST_NAMES);
      const lastName = rng.pick(SURNAMES);
      const mail = `${slug(firstName)}.${slug(lastName)}@${String(account.Email).split("@")[1]}`;
      contacts.push({
        ID: rng.guid(),
        ...stamp(context, account.Created as number),
        HID: contacts.length + 1,
        Account: account.ID,
        AccountName: account.Name,
        Code: account.Code,
        AccountIsCustomer: account.Status === "C",
        AccountIsSupplier: account.IsSupplier,
        IsMainContact: n === 0,
        FirstName: firstName,
        LastName: lastName,
        FullName: `${firstName} ${lastName}`,
        Initials: `${firstName[0]}.`,
        Gender: rng.pick(["M", "V", "O"]),
        Email: mail,
        BusinessEmail: mail,
        BusinessPhone: account.Phone,
        Mobile: rng.chance(0.6) ? `06-${rng.int(10000000, 99999999)}` : null,
        JobTitleDescription: rng.pick(["Directeur", "Eigenaar", "Inkoper", "Office manager", "Boekhouder"]),
        City: account.City,
        Country: account.Country,
        Language: account.Language,
        IsMailingExcluded: rng.chance(0.1),
        IsAnonymised: 0,
        StartDate: account.Created,
        EndDate: null,
      });
    }
  }
  return contacts;
}

const PROJECT_TYPES: ReadonlyArray<readonly [number, string]> = [
  [2, "Vaste prijs"],
  [3, "Nacalculatie"],
  [4, "Niet factureerbaar"],
];

export function buildProjects(context: BookContext, accounts: readonly Row[], count: number): Row[] {
  const { rng } = context;
  const customers = accounts.filter((account) => account.Status === "C");
  return Array.from({ length: customers.length === 0 ? 0 : count }, (_, index) => {
    const account = rng.pick(customers);
    const manager = context.people.length > 0 ? rng.pick(context.people) : null;
    const [type, typeDescription] = rng.pick(PROJECT_TYPES);
    const start = pastDate(context, 600);
    const year = new Date(start).getUTCFullYear();
    const budget = type === 4 ? 0 : money(rng.int(20, 800) * 50);
    return {
      ID: rng.guid(),
      ...stamp(context, start),
      Code: `P${year}-${String(index + 1).padStart(3, "0")}`,
      Description: `${rng.pick(["Jaarrekening", "Advies", "Verbouwing", "Implementatie", "Onderhoud"])} ${account.Name}`,
      Account: account.ID,
      AccountCode: account.Code,
      AccountName: account.Name,
      Type: type,
      TypeDescription: typeDescription,
      StartDate: start,
      EndDate: rng.chance(0.4) ? start + rng.int(30, 400) * DAY : null,
      BudgetedAmount: budget,
      BudgetedCosts: money(budget * 0.6),
      BudgetedRevenue: budget,
      Manager: manager?.userId ?? null,
      ManagerFullname: manager?.fullName ?? null,
      BlockEntry: false,
      BlockRebilling: false,
      AllowAdditionalInvoicing: type === 2,
      InvoiceAsQuoted: type === 2,
      UseBillingMilestones: false,
    };
  });
}

/** Builders shared by the data sets: one division, one user, one role row, with plausible field values. */
import type { SeededRandom } from "../random";
import { CITIES, STREETS } from "./names";
import type { SimDivision, SimRoleDefinition, SimUser } from "./types";

export const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Role numbers. Only 274 ("Manage subscription") comes from the brief, and even that mapping is unverified (§6). */
export const ROLE_MANAGE_SUBSCRIPTION = 274;

export const ROLE_CATALOGUE: SimRoleDefinition[] = [
  { role: 274, en: "Manage subscription", nl: "Abonnement beheren", fromReference: true },
  { role: 11, en: "Financial administration", nl: "Financiële administratie", fromReference: false },
  { role: 12, en: "View financial data", nl: "Financiële gegevens inzien", fromReference: false },
  { role: 21, en: "Approve purchase invoices", nl: "Inkoopfacturen goedkeuren", fromReference: false },
  { role: 31, en: "Sales", nl: "Verkoop", fromReference: false },
  { role: 41, en: "Payroll", nl: "Salarisadministratie", fromReference: false },
  { role: 51, en: "Manage users", nl: "Gebruikers beheren", fromReference: false },
  { role: 61, en: "Accountancy practice management", nl: "Praktijkmanagement accountancy", fromReference: false },
];

export const DIVISION_ROLES = [11, 12, 21, 31, 41] as const;

export function roleDescription(role: number, language: string): string {
  const definition = ROLE_CATALOGUE.find((item) => item.role === role);
  if (!definition) return `Role ${role}`;
  return language.toUpperCase() === "NL" ? definition.nl : definition.en;
}

export function dayTime(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day);
}

/** 00:00 UTC of the day `time` falls on. */
export function startOfUtcDay(time: number): number {
  return Math.floor(time / DAY) * DAY;
}

export function randomDate(rng: SeededRandom, from: number, to: number): number {
  return from + Math.floor(rng.next() * ((to - from) / DAY)) * DAY;
}

export interface DivisionInput {
  code: number;
  description: string;
  license: string;
  isMainDivision?: boolean;
  isPracticeDivision?: boolean;
  status?: 0 | 1 | 2;
  blockingStatus?: number;
  archiveDate?: number | null;
  startDate?: number | null;
}

export function buildDivision(rng: SeededRandom, input: DivisionInput): SimDivision {
  const [city, postcodeDigits] = rng.pick(CITIES);
  const created = randomDate(rng, dayTime(2012, 1, 1), dayTime(2024, 12, 31));
  const hasContact = rng.chance(0.85);
  const slug = input.description
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z0-9]+/g, "")
    .slice(0, 20);
  return {
    code: input.code,
    hid: rng.int(1, 9999),
    description: input.description,
    license: input.license,
    isMainDivision: input.isMainDivision ?? false,
    isPracticeDivision: input.isPracticeDivision ?? false,
    status: input.status ?? 1,
    blockingStatus: input.blockingStatus ?? 0,
    archiveDate: input.archiveDate ?? null,
    startDate: input.startDate === undefined ? created : input.startDate,
    created,
    modified: created + rng.int(0, 600) * DAY,
    addressLine1: hasContact ? `${rng.pick(STREETS)} ${rng.int(1, 250)}` : null,
    postcode: hasContact ? `${postcodeDigits} ${String.fromCharCode(65 + rng.int(0, 25), 65 + rng.int(0, 25))}` : null,
    city: hasContact ? city : null,
    country: "NL",
    currency: "EUR",
    vatNumber: hasContact ? `NL${rng.int(100000000, 999999999)}B01` : null,
    chamberOfCommerceNumber: hasContact ? String(rng.int(10000000, 99999999)) : null,
    email: hasContact && slug ? `info@${slug}.nl` : null,
    phone: hasContact ? `0${rng.int(10, 99)}-${rng.int(1000000, 9999999)}` : null,
    website: hasContact && slug && rng.chance(0.6) ? `https://www.${slug}.nl` : null,
  };
}

export interface UserInput {
  firstName: string;
  middleName?: string | null;
  lastName: string;
  language?: string;
  license: string;
  divisions: number[];
  currentDivision: number;
  endDate?: number | null;
  title?: string | null;
  notes?: string | null;
  gender?: "M" | "V" | "O";
  neverLoggedIn?: boolean;
  /** Last login this many days before the data's today (an inactive user); else a recent working day. */
  lastLoginDaysAgo?: number;
  /** The login name when it is not the e-mail address (an old name kept by an Exact Identity user). */
  userName?: string;
  /** Two-step verification and login type; default: required, registered, forms + TOTP (2 + 8). */
  login?: UserLogin;
}

export interface UserLogin {
  twoStepRequired: boolean;
  twoStepRegistered: boolean;
  authenticationType: number;
}

/** Forms login with an authenticator app (TOTP), two-step required and registered. */
export const FORMS_WITH_TOTP: UserLogin = { twoStepRequired: true, twoStepRegistered: true, authenticationType: 10 };

/**
 * Last login: `input.lastLoginDaysAgo` (or the drawn `recentDays`) whole days before `today` at a working
 * hour, and never after the login ended.
 */
function lastLoginTime(today: number, recentDays: number, input: UserInput): number {
  const daysAgo = input.lastLoginDaysAgo ?? recentDays;
  const login = today - daysAgo * DAY + (8 + (daysAgo % 9)) * HOUR;
  const end = input.endDate ?? null;
  return end !== null && login > end ? end - 3 * DAY + 10 * HOUR : login;
}

export function buildUser(rng: SeededRandom, input: UserInput, domain: string, today: number): SimUser {
  const fullName = [input.firstName, input.middleName, input.lastName].filter(Boolean).join(" ");
  const login = `${input.firstName}.${input.lastName}`
    .toLowerCase()
    .normalize("NFD")
    .replace(/[^a-z.]+/g, "");
  const created = randomDate(rng, dayTime(2014, 1, 1), dayTime(2024, 6, 30));
  const language = input.language ?? "NL";
  return {
    userId: rng.guid(),
    userName: input.userName ?? `${login}@${domain}`,
    firstName: input.firstName,
    middleName: input.middleName ?? null,
    lastName: input.lastName,
    fullName,
    initials: `${input.firstName[0] ?? ""}.`,
    email: `${login}@${domain}`,
    gender: input.gender ?? rng.pick(["M", "V", "O"] as const),
    language,
    languageCode: language === "NL" ? "nl-NL" : "en-GB",
    title: input.title ?? null,
    phone: rng.chance(0.5) ? `0${rng.int(10, 99)}-${rng.int(1000000, 9999999)}` : null,
    mobile: rng.chance(0.7) ? `06-${rng.int(10000000, 99999999)}` : null,
    notes: input.notes ?? null,
    license: input.license,
    startDate: created,
    endDate: input.endDate ?? null,
    // Always one draw for a user who logged in, so the users and roles generated after stay as they were.
    lastLogin: input.neverLoggedIn ? null : lastLoginTime(today, rng.int(1, 27), input),
    ...(input.login ?? FORMS_WITH_TOTP),
    created,
    currentDivision: input.currentDivision,
    divisions: input.divisions,
  };
}

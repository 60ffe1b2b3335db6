/**
 * The `accountant-large` data set: a big accountancy with 1,500 companies, 60 users and about 40,000
 * role rows, for paging and rate-limit tests and benchmarks. Built in well under a second. For access
 * reviews: logins ended with roles kept, inactive and never-logged-in users, and a share of the rows
 * granted or ended in the last 90 days or ending within 30; users with and without two-step verification,
 * every login type (logins.ts) and Exact Identity users whose UserName is not their e-mail address.
 */
import { SeededRandom } from "../random";
import { scatterRecentChanges, withAuditTrail, type RoleGrant } from "./accessHistory";
import {
  DIVISION_ROLES,
  ROLE_CATALOGUE,
  ROLE_MANAGE_SUBSCRIPTION,
  buildDivision,
  buildUser,
  dayTime,
  randomDate,
  startOfUtcDay,
} from "./builders";
import { drawLogin } from "./logins";
import { FANCY_NAMES, FIRST_NAMES, LEGAL_FORMS, LONG_TEXT, SURNAMES, TRADES } from "./names";
import type { SimDataset, SimLicense } from "./types";

const DIVISION_COUNT = 1500;
const USER_COUNT = 60;

/** Fixed edge-case names at fixed positions so tests can find them. */
const EDGE_NAMES: Record<number, string> = {
  1: 'Café \'t Hoekje "De Kroeg" V.O.F.',
  2: "Bloemisterij Sánchez-Öztürk & Ærø",
  3: "=Kapsalon Knip & Zo",
  4: "+31 Telecom B.V.",
  5: "-Nul Emissie Transport B.V.",
  6: "@Home Interieur B.V.",
  7: LONG_TEXT,
};
const NOT_GRANTED_INDEX = 10;

function companyName(rng: SeededRandom): string {
  const trade = rng.pick(TRADES);
  const name = rng.chance(0.2) ? rng.pick(FANCY_NAMES) : rng.pick(SURNAMES);
  const form = rng.pick(LEGAL_FORMS);
  return [trade, name, form].filter(Boolean).join(" ");
}

/** `today` is 00:00 UTC of the day the data is for. */
export function generateLarge(seed: number, today: number = startOfUtcDay(Date.now())): SimDataset {
  const rng = new SeededRandom(seed ^ 0x5a5a5a5a);
  // Audit trail and recent history draw from their own stream, so the rest stays as it always was.
  const history = new SeededRandom(seed ^ 0x17a0d17);
  // Two-step and login types draw from a third stream for the same reason.
  const logins = new SeededRandom(seed ^ 0x2f5a7e1);
  const practice: SimLicense = {
    customer: rng.guid(),
    customerCode: "                 1",
    customerName: "Accountantskantoor De Grote Cijfers B.V.",
  };
  const clientLicenses: SimLicense[] = [1, 2, 3].map((n) => ({
    customer: rng.guid(),
    customerCode: String(2000 + n).padStart(18, " "),
    customerName: companyName(rng),
  }));
  const licenses = [practice, ...clientLicenses];

  let code = rng.int(100000, 200000);
  const divisions = Array.from({ length: DIVISION_COUNT }, (_, index) => {
    code += rng.int(1, 400);
    const archived = index > 10 && index % 50 === 0;
    return buildDivision(rng, {
      code,
      description: index === 0 ? practice.customerName : (EDGE_NAMES[index] ?? companyName(rng)),
      license: index % 7 === 3 ? rng.pick(clientLicenses).customer : practice.customer,
      isMainDivision: index === 0,
      isPracticeDivision: index === 0,
      status: archived ? 2 : index % 211 === 13 ? 0 : 1,
      archiveDate: archived ? randomDate(rng, dayTime(2020, 1, 1), dayTime(2025, 12, 31)) : null,
      blockingStatus: index > 10 && index % 97 === 0 ? 1 : 0,
      startDate: index % 13 === 5 ? null : undefined,
    });
  });
  const codes = divisions.map((division) => division.code);

  const users = Array.from({ length: USER_COUNT }, (_, index) => {
    const allAccess = index < 3;
    const login = drawLogin(logins);
    const surname = index === 7 ? "O'Brien-Çelik" : SURNAMES[(index * 7) % SURNAMES.length];
    // Every third Exact Identity user kept an old login name that is not the e-mail address.
    const staleName = login.authenticationType >= 64 && index % 3 === 0;
    const access = allAccess ? codes.slice() : [codes[0], ...rng.sample(codes.slice(1), rng.int(150, 850))];
    return buildUser(
      rng,
      {
        firstName: FIRST_NAMES[index % FIRST_NAMES.length],
        lastName: surname,
        language: index % 5 === 4 ? "EN" : "NL",
        license: practice.customer,
        divisions: access,
        currentDivision: index === 5 ? codes[NOT_GRANTED_INDEX] : rng.pick(access),
        endDate: index % 17 === 16 ? dayTime(2025, 1, 31) : null,
        notes: index === 9 ? "@support: +31 20 123 4567" : null,
        neverLoggedIn: index % 11 === 10,
        lastLoginDaysAgo: index % 13 === 12 ? 91 + index * 3 : undefined,
        login,
        userName: staleName ? `U${index}${surname.replace(/[^A-Za-z]/g, "").toUpperCase()}` : undefined,
      },
      "degrotecijfers.nl",
      today,
    );
  });

  const roles: RoleGrant[] = [];
  const addRole = (userId: string, role: number, level: 2 | 3, division: number, end: number | null): void => {
    const start = randomDate(rng, dayTime(2015, 1, 1), dayTime(2025, 6, 30));
    roles.push({ id: rng.guid(), userId, role, roleLevel: level, division, startDate: start, endDate: end, created: start });
  };
  addRole(users[0].userId, ROLE_MANAGE_SUBSCRIPTION, 2, codes[0], null);
  addRole(users[1].userId, ROLE_MANAGE_SUBSCRIPTION, 2, codes[0], null);
  addRole(users[2].userId, ROLE_MANAGE_SUBSCRIPTION, 2, codes[0], dayTime(2023, 9, 30));
  for (const user of users) {
    for (const division of user.divisions) {
      addRole(user.userId, rng.pick(DIVISION_ROLES), 3, division, rng.chance(0.05) ? dayTime(2024, 12, 31) : null);
      if (rng.chance(0.3)) addRole(user.userId, rng.pick(DIVISION_ROLES), 3, division, null);
    }
  }

  scatterRecentChanges(roles, today, history, ROLE_MANAGE_SUBSCRIPTION, {
    granted: 0.02,
    ended: 0.01,
    ending: 0.005,
  });
  const admins = users.slice(0, 3).map((user) => user.userId);

  return {
    name: "accountant-large",
    seed,
    referenceTime: today,
    licenses,
    divisions,
    users,
    roles: withAuditTrail(roles, admins, today, history),
    roleCatalogue: ROLE_CATALOGUE,
    primaryUserId: users[0].userId,
    notGrantedDivision: codes[NOT_GRANTED_INDEX],
  };
}

/**
 * The `demo` data set: a Dutch accountancy ("Van Dijk & Partners") with 13 companies, 15 users and their
 * roles. Role 274 (Manage subscription) is held today by exactly two users; a third held it until 2024,
 * and a fourth is granted it from two weeks on.
 * Recent access history (demoAccess.ts), inactive and never-logged-in users and an ended login with a
 * role kept give an access review something to find. Two-step verification and login types vary (logins.ts):
 * forms without two-step, two-step required but not registered, each AuthenticationType, and Exact
 * Identity users whose UserName is not their e-mail address (Daan Bakker, Lotte Meijer).
 */
import { SeededRandom } from "../random";
import { withAuditTrail, type RoleGrant } from "./accessHistory";
import {
  DIVISION_ROLES,
  ROLE_CATALOGUE,
  ROLE_MANAGE_SUBSCRIPTION,
  buildDivision,
  buildUser,
  dayTime,
  randomDate,
  startOfUtcDay,
  type DivisionInput,
  type UserInput,
} from "./builders";
import { SUBSCRIPTION_HANDOVER, demoChanges } from "./demoAccess";
import { FORMS_ONLY, FORMS_UNREGISTERED, IDENTITY, IDENTITY_FEDERATED, TOTP } from "./logins";
import { LONG_TEXT } from "./names";
import type { SimDataset, SimLicense } from "./types";

type DivisionSpec = Omit<DivisionInput, "code" | "license"> & { clientLicense?: boolean };

const DIVISIONS: DivisionSpec[] = [
  { description: "Van Dijk & Partners Accountants B.V.", isMainDivision: true, isPracticeDivision: true },
  { description: "Bakkerij de Gouden Korst B.V." },
  { description: "Installatiebedrijf Jansen & Zn." },
  { description: 'Café \'t Hoekje "De Kroeg" V.O.F.' },
  { description: "Bloemisterij Sánchez-Öztürk" },
  { description: "=Kapsalon Knip & Zo", startDate: null },
  { description: "+31 Telecom B.V." },
  { description: "-Nul Emissie Transport B.V." },
  { description: "@Home Interieur B.V.", clientLicense: true },
  { description: LONG_TEXT, clientLicense: true },
  { description: "Hoveniersbedrijf De Groene Vingers", status: 2, archiveDate: dayTime(2023, 12, 31) },
  { description: "Transportbedrijf Bos B.V.", blockingStatus: 1 },
  { description: "Holding Meijer B.V." },
];

/** Index (in DIVISIONS) of the company the consent page leaves unchecked. */
const NOT_GRANTED_INDEX = 12;

/** `today` is 00:00 UTC of the day the data is for. */
export function generateDemo(seed: number, today: number = startOfUtcDay(Date.now())): SimDataset {
  const rng = new SeededRandom(seed);
  // Audit trail and recent history draw from their own stream, so the rest stays as it always was.
  const history = new SeededRandom(seed ^ 0x17a0d17);
  const practice: SimLicense = {
    customer: rng.guid(),
    customerCode: "                 1",
    customerName: "Van Dijk & Partners Accountants B.V.",
  };
  const client: SimLicense = {
    customer: rng.guid(),
    customerCode: "              1042",
    customerName: "@Home Interieur B.V.",
  };
  let code = rng.int(100000, 899000);
  const divisions = DIVISIONS.map((spec) => {
    code += rng.int(1, 997);
    const { clientLicense, ...input } = spec;
    return buildDivision(rng, { ...input, code, license: clientLicense ? client.customer : practice.customer });
  });
  const codes = divisions.map((division) => division.code);
  const some = (...indexes: number[]): number[] => indexes.map((i) => codes[i]);
  const all = codes.slice();

  const people: Array<Omit<UserInput, "license">> = [
    { firstName: "Jan", lastName: "van Dijk", title: "Partner", divisions: all, currentDivision: codes[0] },
    { firstName: "Sanne", middleName: "de", lastName: "Vries", divisions: all, currentDivision: codes[1], login: TOTP },
    {
      firstName: "Pieter",
      lastName: "Jansen",
      divisions: some(0, 1, 2, 3),
      currentDivision: codes[2],
      login: FORMS_ONLY,
    },
    {
      firstName: "Fatima",
      lastName: "El Amrani",
      divisions: some(0, 4, 5, 6),
      currentDivision: codes[4],
      lastLoginDaysAgo: 120,
      login: FORMS_UNREGISTERED,
    },
    {
      firstName: "Daan",
      lastName: "Bakker",
      language: "EN",
      divisions: some(0, 7, 8),
      currentDivision: codes[7],
      userName: "DBAKKER",
      login: IDENTITY_FEDERATED,
    },
    { firstName: "Eva", lastName: "Visser", divisions: some(0, 1, 9, 10), currentDivision: codes[9], login: TOTP },
    {
      firstName: "Thijs",
      lastName: "Smit",
      divisions: some(0, 11, 12),
      currentDivision: codes[12],
      lastLoginDaysAgo: 200,
      login: FORMS_ONLY,
    },
    {
      firstName: "Lotte",
      lastName: "Meijer",
      divisions: some(12, 0),
      currentDivision: codes[0],
      userName: "lotte.meijer@meijerholding.nl",
      login: { ...IDENTITY, twoStepRegistered: false },
    },
    {
      firstName: "Bram",
      middleName: "de",
      lastName: "Boer",
      divisions: some(0, 2, 3),
      currentDivision: codes[3],
      lastLoginDaysAgo: 45,
    },
    {
      firstName: "Noor",
      lastName: "Mulder",
      divisions: some(0, 5),
      currentDivision: codes[5],
      neverLoggedIn: true,
      login: FORMS_ONLY,
    },
    {
      firstName: "Sem",
      middleName: "de",
      lastName: "Groot",
      divisions: some(0, 6, 7),
      currentDivision: codes[6],
      login: IDENTITY,
    },
    { firstName: "Ömer", lastName: "Yıldız", divisions: some(0, 4), currentDivision: codes[4], login: TOTP },
    {
      firstName: "Anne-Marie",
      lastName: "'t Hart",
      divisions: some(0, 1),
      currentDivision: codes[1],
      notes: "=HYPERLINK(\"http://example.invalid\",\"klik\")",
      login: FORMS_ONLY,
    },
    {
      firstName: "Lars",
      lastName: "Dekker",
      divisions: some(0),
      currentDivision: codes[0],
      endDate: dayTime(2025, 6, 30),
      login: FORMS_ONLY,
    },
    {
      firstName: "Julia",
      lastName: "Bos",
      language: "EN",
      title: "-",
      divisions: some(0, 8, 9),
      currentDivision: codes[8],
      login: IDENTITY_FEDERATED,
    },
  ];
  const users = people.map((person) =>
    buildUser(rng, { ...person, license: practice.customer }, "vandijkpartners.nl", today),
  );

  const roles: RoleGrant[] = [];
  const addRole = (userIndex: number, role: number, level: 2 | 3, division: number, end: number | null) => {
    const start = randomDate(rng, dayTime(2016, 1, 1), dayTime(2023, 12, 31));
    roles.push({
      id: rng.guid(),
      userId: users[userIndex].userId,
      role,
      roleLevel: level,
      division,
      startDate: start,
      endDate: end,
      created: start,
    });
  };
  // Manage subscription: two current holders (one with an end date in the far future), one ended in 2024.
  addRole(0, ROLE_MANAGE_SUBSCRIPTION, 2, codes[0], null);
  addRole(1, ROLE_MANAGE_SUBSCRIPTION, 2, codes[0], dayTime(2035, 12, 31));
  addRole(2, ROLE_MANAGE_SUBSCRIPTION, 2, codes[0], dayTime(2024, 3, 31));
  addRole(0, 51, 2, codes[0], null);
  addRole(0, 61, 2, codes[0], null);
  users.forEach((user, userIndex) => {
    for (const division of user.divisions) {
      const count = rng.int(1, 3);
      for (const role of rng.sample(DIVISION_ROLES, count)) {
        addRole(userIndex, role, 3, division, rng.chance(0.1) ? dayTime(2022, 12, 31) : null);
      }
    }
  });

  roles.push(...demoChanges(users, codes, today, history));
  const admins = [users[0].userId, users[1].userId];

  return {
    name: "demo",
    seed,
    referenceTime: today,
    licenses: [practice, client],
    divisions,
    users,
    roles: [
      ...withAuditTrail(roles, admins, today, history),
      // Drawn last, so every other row's IDs and audit trail stay as they were.
      ...withAuditTrail(demoChanges(users, codes, today, history, SUBSCRIPTION_HANDOVER), admins, today, history),
    ],
    roleCatalogue: ROLE_CATALOGUE,
    primaryUserId: users[0].userId,
    notGrantedDivision: codes[NOT_GRANTED_INDEX],
  };
}

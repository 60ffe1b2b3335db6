/**
 * The access review's computations (role catalogue, role changes, access findings) over the simulator's
 * data sets, joined as the gateway receives them. Expected rows are worked out here from the data set's
 * own records (epoch times, user IDs), not from the code under test.
 */
import { shapeRows } from "../../../src/gateway/data/tables";
import { ACCESS_FINDING_COLUMNS, accessFindings } from "../../../src/gateway/data/accessReview/accessFindings";
import { ROLE_CATALOGUE_COLUMNS, roleCatalogue } from "../../../src/gateway/data/accessReview/roleCatalogue";
import { ROLE_CHANGE_COLUMNS, roleChanges } from "../../../src/gateway/data/accessReview/roleChanges";
import type { ReviewRoleRow } from "../../../src/gateway/data/accessReview/reviewRows";
import { generateDataset, roleDescription, type SimDataset, type SimUserRole } from "../../../src/simulator";

const DAY = 86_400_000;
const TODAY = Date.UTC(2026, 10, 23);
const NOW = TODAY + 10 * 3_600_000;
const iso = (time: number | null) => (time === null ? null : new Date(time).toISOString());

/** Role rows of `divisions` as the gateway holds them: Exact's field names, ISO dates, the user joined. */
function reviewRows(data: SimDataset, divisions: number[]): ReviewRoleRow[] {
  const users = new Map(data.users.map((user) => [user.userId, user]));
  const name = (userId: string) => users.get(userId)?.fullName ?? null;
  return data.roles
    .filter((row) => divisions.includes(row.division))
    .map((row) => {
      const user = users.get(row.userId)!;
      return {
        division: row.division,
        role: {
          UserID: row.userId,
          Role: row.role,
          Description: roleDescription(row.role, "NL"),
          RoleLevel: row.roleLevel,
          StartDate: iso(row.startDate),
          EndDate: iso(row.endDate),
          Created: iso(row.created),
          CreatorFullName: name(row.createdBy),
          Modified: iso(row.modified),
          ModifierFullName: name(row.modifiedBy),
        },
        user: {
          UserID: user.userId,
          FullName: user.fullName,
          UserName: user.userName,
          EndDate: iso(user.endDate),
          LastLogin: iso(user.lastLogin),
        },
      };
    });
}

/** Held today as the gateway counts it: started by now, and the end date not before today. */
const heldToday = (row: SimUserRole) =>
  (row.startDate === null || row.startDate <= NOW) && (row.endDate === null || row.endDate >= TODAY);

const demo = generateDataset("demo", 1, NOW);
const allDemo = demo.divisions.map((division) => division.code);
const person = (fullName: string) => demo.users.find((user) => user.fullName === fullName)!;

describe("role catalogue", () => {
  it.each([
    ["demo", demo, allDemo],
    ["demo, two divisions", demo, allDemo.slice(1, 3)],
  ])("one row per role number in the data: %s", (_label, data, divisions) => {
    const rows = data.roles.filter((row) => divisions.includes(row.division));
    const numbers = [...new Set(rows.map((row) => row.role))].sort((a, b) => a - b);
    const expected = numbers.map((role) => {
      const held = rows.filter((row) => row.role === role && heldToday(row));
      return {
        role,
        description: roleDescription(role, "NL"),
        holders: new Set(held.map((row) => row.userId)).size,
        divisions: new Set(held.map((row) => row.division)).size,
      };
    });
    const catalogue = roleCatalogue(reviewRows(data, divisions), NOW);
    expect(catalogue.map(({ levels: _levels, ...rest }) => rest)).toEqual(expected);
  });

  it("role 274: two holders in one division; levels named from the rows", () => {
    const catalogue = roleCatalogue(reviewRows(demo, allDemo), NOW);
    expect(catalogue.find((row) => row.role === 274)).toEqual({
      role: 274,
      description: "Abonnement beheren",
      levels: [2],
      holders: 2,
      divisions: 1,
    });
    // Role 51 is held at customer level (Jan van Dijk, and Sanne de Vries since 40 days).
    expect(catalogue.find((row) => row.role === 51)).toMatchObject({ levels: [2], holders: 2 });
  });

  it("keeps a role whose rows all ended, with no holders", () => {
    const rows = reviewRows(demo, [allDemo[0]]).filter((row) => row.role.Role === 274);
    const ended = rows.filter(
      (row) => row.role.EndDate !== null && Date.parse(String(row.role.EndDate)) < TODAY,
    );
    expect(ended).toHaveLength(1);
    expect(roleCatalogue(ended, NOW)).toEqual([
      { role: 274, description: "Abonnement beheren", levels: [2], holders: 0, divisions: 0 },
    ]);
  });
});

describe("role changes", () => {
  const since = TODAY - 90 * DAY;

  function expectedChanges(data: SimDataset, divisions: number[], from: number, roles: number[] | null) {
    const users = new Map(data.users.map((user) => [user.userId, user]));
    const out: Array<[string, number, number, string, number, string]> = [];
    for (const row of data.roles) {
      if (!divisions.includes(row.division) || (roles && !roles.includes(row.role))) continue;
      const started = row.startDate !== null && row.startDate >= from;
      if (started || row.created >= from) {
        const date = started ? row.startDate! : row.created;
        const kind = row.startDate !== null && row.startDate > NOW ? "Starting" : "Granted";
        out.push([kind, date, row.division, row.userId, row.role, users.get(row.createdBy)!.fullName]);
      }
      if (row.endDate !== null && row.endDate >= from && row.endDate < TODAY) {
        out.push([
          "Ended",
          row.endDate,
          row.division,
          row.userId,
          row.role,
          users.get(row.modifiedBy)!.fullName,
        ]);
      }
      if (row.endDate !== null && row.endDate >= Math.max(from, TODAY) && row.endDate <= TODAY + 30 * DAY) {
        out.push([
          "Ending",
          row.endDate,
          row.division,
          row.userId,
          row.role,
          users.get(row.modifiedBy)!.fullName,
        ]);
      }
    }
    return out;
  }

  const shape = (rows: ReturnType<typeof roleChanges>) =>
    rows.map((row) => [row.change, row.date, row.division, row.userId, Number(row.role.Role), row.changedBy]);
  const sortKey = (row: unknown[]) => JSON.stringify(row);

  it.each([
    ["demo, last 90 days", demo, allDemo, since, null],
    ["demo, last year, roles 21 and 51", demo, allDemo, TODAY - 365 * DAY, [21, 51]],
    ["demo, since 2022", demo, allDemo, Date.UTC(2022, 0, 1), null],
  ] as const)("granted, ended and ending rows: %s", (_label, data, divisions, from, roles) => {
    const changes = roleChanges(reviewRows(data, [...divisions]), {
      since: from,
      now: NOW,
      roles: roles ? [...roles] : null,
    });
    const expected = expectedChanges(data, [...divisions], from, roles ? [...roles] : null);
    expect(expected.length).toBeGreaterThan(0);
    expect(shape(changes).map(sortKey).sort()).toEqual(expected.map(sortKey).sort());
    // Newest first.
    const dates = changes.map((row) => row.date);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it("the demo's story: new user administrator, backdated and scheduled grants, ends by their modifier", () => {
    const changes = roleChanges(reviewRows(demo, allDemo), { since, now: NOW, roles: null });
    const find = (fullName: string, role: number, change: string) =>
      changes.find(
        (row) => row.userId === person(fullName).userId && row.role.Role === role && row.change === change,
      );
    expect(find("Sanne de Vries", 51, "Granted")).toMatchObject({
      date: TODAY - 40 * DAY,
      changedBy: "Jan van Dijk",
    });
    // Backdated: entered 20 days ago with a start 400 days ago; dated by its entry.
    expect(find("Eva Visser", 12, "Granted")).toMatchObject({ date: TODAY - 20 * DAY });
    // Scheduled: entered 3 days ago, starting in a week: "Starting" (not held yet), never "Granted".
    const starting = changes.filter((row) => row.change === "Starting");
    expect(starting.map((row) => [row.userId, row.role.Role, row.date])).toEqual([
      [person("Eva Visser").userId, 274, TODAY + 14 * DAY],
      [person("Daan Bakker").userId, 31, TODAY + 7 * DAY],
    ]);
    const grants = changes.filter((row) => row.change === "Granted");
    expect(grants.every((row) => row.date <= NOW)).toBe(true);
    // Newest first: what is still to come (two ends, two starts) leads.
    expect(new Set(changes.slice(0, 4).map((row) => row.change))).toEqual(new Set(["Ending", "Starting"]));
    expect(changes[4].date).toBeLessThanOrEqual(NOW);
    expect(find("Pieter Jansen", 31, "Ended")).toMatchObject({
      date: TODAY - 30 * DAY,
      changedBy: "Sanne de Vries",
    });
    expect(find("Sem de Groot", 41, "Ending")).toMatchObject({ date: TODAY + 14 * DAY });
    // Role 274's end in 2024 is long before the window; its only change is the hand-over to come.
    expect(changes.filter((row) => row.role.Role === 274).map((row) => row.change)).toEqual(["Starting"]);
    expect(find("Eva Visser", 274, "Starting")).toMatchObject({ changedBy: "Jan van Dijk" });
  });
});

describe("access findings", () => {
  function expectedFindings(data: SimDataset, divisions: number[], inactiveDays: number) {
    const held = data.roles.filter((row) => divisions.includes(row.division) && heldToday(row));
    const out: Array<[string, string, number[], number[]]> = [];
    for (const user of data.users) {
      const mine = held.filter((row) => row.userId === user.userId);
      if (mine.length === 0) continue;
      const kind =
        user.endDate !== null && user.endDate < NOW
          ? "loginEnded"
          : user.lastLogin === null
            ? "neverLoggedIn"
            : user.lastLogin < NOW - inactiveDays * DAY
              ? "inactive"
              : null;
      if (!kind) continue;
      const distinct = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);
      out.push([
        kind,
        user.userId,
        distinct(mine.map((row) => row.role)),
        distinct(mine.map((row) => row.division)),
      ]);
    }
    return out;
  }

  it.each([
    ["demo, 90 days", demo, allDemo, 90],
    ["demo, 30 days", demo, allDemo, 30],
    ["demo, 365 days, first division", demo, [allDemo[0]], 365],
  ] as const)("users to act on: %s", (_label, data, divisions, inactiveDays) => {
    const findings = accessFindings(reviewRows(data, [...divisions]), { now: NOW, inactiveDays });
    const expected = expectedFindings(data, [...divisions], inactiveDays);
    expect(expected.length).toBeGreaterThan(0);
    expect(findings.map((row) => [row.kind, row.userId, row.roles, row.divisions]).sort()).toEqual(
      expected.sort(),
    );
    // Grouped by finding in a fixed order.
    const order = findings.map((row) => ["loginEnded", "neverLoggedIn", "inactive"].indexOf(row.kind));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("the demo's story: Lars Dekker's login ended, Noor Mulder never logged in, two inactive for 90 days", () => {
    const findings = accessFindings(reviewRows(demo, allDemo), { now: NOW, inactiveDays: 90 });
    expect(findings.map((row) => [row.finding, row.user.FullName])).toEqual([
      ["Login ended, roles still active", "Lars Dekker"],
      ["Never logged in", "Noor Mulder"],
      ["No login for 90 days", "Fatima El Amrani"],
      ["No login for 90 days", "Thijs Smit"],
    ]);
    const lars = findings[0];
    expect(lars.user.EndDate).toBe("2025-06-30T00:00:00.000Z");
    // At 30 days Bram de Boer (last seen 45 days ago) is a finding too.
    const at30 = accessFindings(reviewRows(demo, allDemo), { now: NOW, inactiveDays: 30 });
    expect(at30.map((row) => row.user.FullName)).toContain("Bram de Boer");
  });

  it("leaves out users missing from the user listing and roles no longer held", () => {
    const rows = reviewRows(demo, allDemo).map((row) =>
      row.role.UserID === person("Noor Mulder").userId ? { ...row, user: undefined } : row,
    );
    const findings = accessFindings(rows, { now: NOW, inactiveDays: 90 });
    expect(findings.map((row) => row.user.FullName)).not.toContain("Noor Mulder");
    const endedOnly = reviewRows(demo, allDemo).filter(
      (row) => row.role.UserID === person("Lars Dekker").userId,
    );
    const allEnded = endedOnly.map((row) => ({ ...row, role: { ...row.role, EndDate: iso(TODAY - DAY) } }));
    expect(accessFindings(allEnded, { now: NOW, inactiveDays: 90 })).toEqual([]);
  });
});

describe("the large set", () => {
  const large = generateDataset("accountant-large", 1, NOW);
  const divisions = large.divisions.slice(0, 300).map((division) => division.code);
  const rows = reviewRows(large, divisions);

  it("catalogue holders, recent changes and findings agree with the data set", () => {
    const catalogue = roleCatalogue(rows, NOW);
    for (const entry of catalogue) {
      const held = large.roles.filter(
        (row) => row.role === entry.role && divisions.includes(row.division) && heldToday(row),
      );
      expect(entry.holders).toBe(new Set(held.map((row) => row.userId)).size);
    }
    const changes = roleChanges(rows, { since: TODAY - 90 * DAY, now: NOW, roles: null });
    const counts = { Granted: 0, Starting: 0, Ended: 0, Ending: 0 };
    for (const change of changes) counts[change.change] += 1;
    const inScope = large.roles.filter((row) => divisions.includes(row.division));
    expect(counts).toEqual({
      Granted: inScope.filter(
        (row) =>
          (row.startDate !== null && row.startDate >= TODAY - 90 * DAY) || row.created >= TODAY - 90 * DAY,
      ).length,
      Starting: 0, // the large set schedules no grants
      Ended: inScope.filter(
        (row) => row.endDate !== null && row.endDate >= TODAY - 90 * DAY && row.endDate < TODAY,
      ).length,
      Ending: inScope.filter(
        (row) => row.endDate !== null && row.endDate >= TODAY && row.endDate <= TODAY + 30 * DAY,
      ).length,
    });
    expect(Math.min(counts.Granted, counts.Ended, counts.Ending)).toBeGreaterThan(0);
    const findings = accessFindings(rows, { now: NOW, inactiveDays: 90 });
    const kinds = new Set(findings.map((row) => row.kind));
    expect(kinds).toEqual(new Set(["loginEnded", "neverLoggedIn", "inactive"]));
  });
});

describe("columns", () => {
  it("shape each part into the table the functions spill", () => {
    const rows = reviewRows(demo, allDemo);
    const changes = shapeRows(
      ROLE_CHANGE_COLUMNS,
      roleChanges(rows, { since: TODAY - 90 * DAY, now: NOW, roles: [51] }),
    );
    expect(changes.columns.map((column) => column.name)).toEqual([
      "Change",
      "Date",
      "Division",
      "User ID",
      "Full name",
      "User name",
      "Role",
      "Role description",
      "Changed by",
      "Start date",
      "End date",
    ]);
    const sanne = person("Sanne de Vries");
    expect(changes.rows).toEqual([
      [
        "Granted",
        iso(TODAY - 40 * DAY),
        allDemo[0],
        sanne.userId,
        "Sanne de Vries",
        sanne.userName,
        51,
        "Gebruikers beheren",
        "Jan van Dijk",
        iso(TODAY - 40 * DAY),
        null,
      ],
    ]);
    const findings = shapeRows(ACCESS_FINDING_COLUMNS, accessFindings(rows, { now: NOW, inactiveDays: 90 }));
    const lars = person("Lars Dekker");
    expect(findings.rows[0]).toEqual([
      "Login ended, roles still active",
      lars.userId,
      "Lars Dekker",
      lars.userName,
      iso(lars.lastLogin),
      "2025-06-30T00:00:00.000Z",
      [
        ...new Set(
          demo.roles.filter((row) => row.userId === lars.userId && heldToday(row)).map((row) => row.role),
        ),
      ]
        .sort((a, b) => a - b)
        .join(", "),
      String(allDemo[0]),
    ]);
    const catalogue = shapeRows(ROLE_CATALOGUE_COLUMNS, roleCatalogue(rows, NOW));
    expect(catalogue.columns.map((column) => [column.name, column.type])).toEqual([
      ["Role", "number"],
      ["Role description", "string"],
      ["Role level", "string"],
      ["Active holders", "number"],
      ["Divisions held", "number"],
    ]);
    expect(catalogue.rows.find((row) => row[0] === 274)).toEqual([
      274,
      "Abonnement beheren",
      "Customer",
      2,
      1,
    ]);
  });
});

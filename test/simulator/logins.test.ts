/**
 * The data sets give the access review's two-step and login columns something to show: users with and
 * without two-step verification, required but unregistered, every AuthenticationType, and Exact Identity
 * users whose UserName is not their e-mail address — in the demo and the large set.
 */
import { generateDemo } from "../../src/simulator/data/demo";
import { generateLarge } from "../../src/simulator/data/large";

test.each([
  ["demo", generateDemo(1)],
  ["accountant-large", generateLarge(1)],
])("%s: two-step and login types are varied", (_name, data) => {
  const users = data.users;
  expect(users.some((user) => user.twoStepRequired && user.twoStepRegistered)).toBe(true);
  expect(users.some((user) => !user.twoStepRequired)).toBe(true);
  expect(users.some((user) => user.twoStepRequired && !user.twoStepRegistered)).toBe(true);
  expect(new Set(users.map((user) => user.authenticationType))).toEqual(new Set([2, 8, 10, 64, 128]));
  expect(users.some((user) => user.authenticationType >= 64 && user.userName !== user.email)).toBe(true);
  // And the documented example rule (11 with 21) finds users holding both in one division.
  const holders = (role: number) =>
    new Set(
      data.roles
        .filter((row) => row.role === role && row.endDate === null)
        .map((row) => `${row.userId} ${row.division}`),
    );
  const approvers = holders(21);
  const both = [...holders(11)].filter((key) => approvers.has(key));
  expect(both.length).toBeGreaterThan(1);
});

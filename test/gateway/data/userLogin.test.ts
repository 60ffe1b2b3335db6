/** The login type from system/Users' AuthenticationType bitmask, and "unknown" when it cannot be read. */
import { LoginTypes, loginLabel } from "../../../src/gateway/data/userLogin";

test("each bit named as the issue and Exact's reference list them; several joined; the rest unknown", () => {
  expect(loginLabel(2)).toBe("Forms");
  expect(loginLabel(8)).toBe("TOTP");
  expect(loginLabel(10)).toBe("Forms + TOTP");
  expect(loginLabel(64)).toBe("Exact Identity (federated)");
  expect(loginLabel(128)).toBe("Exact Identity");
  expect(loginLabel(16 | 32)).toBe("Auth0 (federated) + Auth0");
  expect(loginLabel(2 | 256)).toBe("Forms + Other (256)");
  for (const missing of [null, undefined, 0, -1, "8", 2.5]) expect(loginLabel(missing)).toBe("unknown");
});

test("users the directory lacks, or no directory at all (the app may not read it), are unknown", () => {
  const user = { UserID: "u1", UserName: "OLDNAME", Email: "ann@example.nl" };
  expect(new LoginTypes(null).of(user)).toEqual({ ...user, __login: "unknown" });
  expect(new LoginTypes([{ UserID: "u2", AuthenticationType: 128 }]).of(user).__login).toBe("unknown");
});

test("Exact Identity users show their e-mail as user name; others keep theirs; cached records stay as they were", () => {
  const directory = [
    { UserID: "u1", AuthenticationType: 64 },
    { UserID: "u2", AuthenticationType: 10 },
    { UserID: "u3", AuthenticationType: 128 },
  ];
  const logins = new LoginTypes(directory);
  const ann = { UserID: "u1", UserName: "OLDNAME", Email: "ann@example.nl" };
  const bob = { UserID: "u2", UserName: "bob", Email: "bob@example.nl" };
  const cy = { UserID: "u3", UserName: "CY", Email: null };
  expect(logins.of(ann)).toMatchObject({ UserName: "ann@example.nl", __login: "Exact Identity (federated)" });
  expect(logins.of(bob)).toMatchObject({ UserName: "bob", __login: "Forms + TOTP" });
  // Without an e-mail there is nothing better to show.
  expect(logins.of(cy)).toMatchObject({ UserName: "CY", __login: "Exact Identity" });
  expect(ann.UserName).toBe("OLDNAME");
  expect(logins.of(ann)).toBe(logins.of(ann));
});

/**
 * Which Exact licence a caller's reviews belong to: the `Customer` (the licence's owner account) of the
 * caller's own record in the licence's user listing (system/Users, which every access review reads
 * already, so this costs no call of its own while it is cached). When that listing is not readable or
 * does not list the caller, the reviews are chained per reviewer instead ("user:<UserID>").
 */
import type { SessionContext } from "../contracts";
import type { DataService } from "../data/dataService";

const sameGuid = (a: unknown, b: string): boolean =>
  typeof a === "string" && a.replace(/[{}]/g, "").toLowerCase() === b.replace(/[{}]/g, "").toLowerCase();

export async function licenceOf(data: DataService, session: SessionContext): Promise<string> {
  const directory = await data.userDirectory(session, false);
  const own = directory?.value.find((user) => sameGuid(user.UserID, session.userId));
  const customer = own?.Customer;
  return typeof customer === "string" && customer !== ""
    ? customer.replace(/[{}]/g, "").toLowerCase()
    : `user:${session.userId}`;
}

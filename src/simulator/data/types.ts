/**
 * The simulated Exact Online tenant: divisions (companies), users, role rows and what the consent page
 * grants by default. Times are epoch milliseconds (UTC); `null` is an empty date as Exact sends it.
 */
export type DatasetName = "demo" | "accountant-large";

export interface SimLicense {
  /** `Customer` GUID of the license owner (an Exact account). */
  customer: string;
  customerCode: string;
  customerName: string;
}

export interface SimDivision {
  code: number;
  hid: number;
  description: string;
  /** License (customer GUID) owning the division. */
  license: string;
  isMainDivision: boolean;
  isPracticeDivision: boolean;
  /** system/Divisions semantics: 0 inactive, 1 active, 2 archived. */
  status: 0 | 1 | 2;
  /** 0 = not blocked; 1..6 and 100..102 as in the reference (§5.2). */
  blockingStatus: number;
  archiveDate: number | null;
  startDate: number | null;
  created: number;
  modified: number;
  addressLine1: string | null;
  postcode: string | null;
  city: string | null;
  country: string;
  currency: string;
  vatNumber: string | null;
  chamberOfCommerceNumber: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
}

export interface SimUser {
  userId: string;
  userName: string;
  firstName: string;
  middleName: string | null;
  lastName: string;
  fullName: string;
  initials: string;
  email: string;
  gender: "M" | "V" | "O";
  /** Exact language code, e.g. "NL" or "EN"; decides role descriptions. */
  language: string;
  languageCode: string;
  title: string | null;
  phone: string | null;
  mobile: string | null;
  notes: string | null;
  license: string;
  startDate: number | null;
  /** Login disabled after this moment; null = no end. */
  endDate: number | null;
  lastLogin: number | null;
  /** Exact's HasTwoStepVerification: the user must use two-step verification to log in. */
  twoStepRequired: boolean;
  /** Exact's HasRegisteredForTwoStepVerification: the user completed the registration. */
  twoStepRegistered: boolean;
  /** system/Users AuthenticationType bitmask: 2 forms, 8 TOTP, 64 Exact Identity federated, 128 Exact Identity. */
  authenticationType: number;
  created: number;
  /** The division last opened in the web UI (Me.CurrentDivision); may be one the app was not granted. */
  currentDivision: number;
  /** Division codes this user may open (user card "Companies: Access rights"). */
  divisions: number[];
}

export interface SimUserRole {
  id: string;
  userId: string;
  role: number;
  /** 1 = Database, 2 = Customer, 3 = Division, 100 = Transferred to accountant. */
  roleLevel: 1 | 2 | 3 | 100;
  /** The company the role row belongs to (UserRolesPerDivision.Division). */
  division: number;
  startDate: number | null;
  endDate: number | null;
  /** When and by whom (user ID) the row was entered: Exact's Created / Creator. */
  created: number;
  createdBy: string;
  /** The last change (an end date set later): Exact's Modified / Modifier; equal to created when never changed. */
  modified: number;
  modifiedBy: string;
}

export interface SimRoleDefinition {
  role: number;
  en: string;
  nl: string;
  /** False when the number is invented for the simulator (only 274 is named in the brief; even that is unverified). */
  fromReference: boolean;
}

export interface SimDataset {
  name: DatasetName;
  seed: number;
  /**
   * Data "today": the start (UTC) of the day the set was generated for. Recent grants and ends and last
   * logins are placed relative to it, so an access review finds something whenever the demo runs; the
   * role-274 facts use fixed dates and hold on any day before 2035.
   */
  referenceTime: number;
  licenses: SimLicense[];
  divisions: SimDivision[];
  users: SimUser[];
  roles: SimUserRole[];
  roleCatalogue: SimRoleDefinition[];
  /** The user the consent page and auto-approve sign in as by default. */
  primaryUserId: string;
  /** A division the primary user can open but that the consent page leaves unchecked (edge case: 403). */
  notGrantedDivision: number;
}

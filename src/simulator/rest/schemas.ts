/** Field lists of the simulated endpoints, as in the reference §5 (PISYS 2025 / PICQER 2024 / META 2019). */
import { schema, type EdmType } from "../odata/schema";

const S: EdmType = "Edm.String";
const I32: EdmType = "Edm.Int32";
const I16: EdmType = "Edm.Int16";
const I64: EdmType = "Edm.Int64";
const G: EdmType = "Edm.Guid";
const DT: EdmType = "Edm.DateTime";
const B: EdmType = "Edm.Boolean";
const D: EdmType = "Edm.Double";

/** Class_01..Class_05 are DivisionClass objects in Exact; the simulator sends them as null. */
const CLASSES = { Class_01: S, Class_02: S, Class_03: S, Class_04: S, Class_05: S };
const AUDIT = { Created: DT, Creator: G, CreatorFullName: S, Modified: DT, Modifier: G, ModifierFullName: S };

export const ME = schema("Exact.Web.Api.System.Me", "UserID", {
  UserID: G,
  AccountingDivision: I32,
  CurrentDivision: I32,
  CustomerCode: S,
  DivisionCustomer: G,
  DivisionCustomerCode: S,
  DivisionCustomerName: S,
  DivisionCustomerSiretNumber: S,
  DivisionCustomerVatNumber: S,
  DossierDivision: I32,
  Email: S,
  EmployeeID: G,
  FirstName: S,
  FullName: S,
  Gender: S,
  Initials: S,
  IsClientUser: B,
  IsEmployeeSelfServiceUser: B,
  IsMyFirmLiteUser: B,
  IsMyFirmPortalUser: B,
  IsOEIMigrationMandatory: B,
  IsStarterUser: B,
  Language: S,
  LanguageCode: S,
  LastName: S,
  Legislation: I64,
  MiddleName: S,
  Mobile: S,
  Nationality: S,
  PackageCode: S,
  Phone: S,
  PhoneExtension: S,
  PictureUrl: S,
  ServerTime: S,
  ServerUtcOffset: D,
  ThumbnailPicture: S,
  ThumbnailPictureFormat: S,
  Title: S,
  UserName: S,
});

export const SYSTEM_DIVISION = schema("Exact.Web.Api.Models.System.Division", "Code", {
  Code: I32,
  AddressLine1: S,
  AddressLine2: S,
  AddressLine3: S,
  ArchiveDate: DT,
  BlockingStatus: I32,
  BusinessTypeCode: S,
  BusinessTypeDescription: S,
  ChamberOfCommerceEstablishment: S,
  ChamberOfCommerceNumber: S,
  City: S,
  ...CLASSES,
  CompanySizeCode: S,
  CompanySizeDescription: S,
  Country: S,
  ...AUDIT,
  Currency: S,
  Current: B,
  Customer: G,
  CustomerCode: S,
  CustomerName: S,
  DatevAccountantNumber: I32,
  DatevClientNumber: I32,
  Description: S,
  DivisionHRLinkUnlinkDate: DT,
  DivisionMoveDate: DT,
  Email: S,
  Fax: S,
  Hid: I64,
  IsDossierDivision: B,
  IsHRDivision: B,
  IsMainDivision: B,
  IsPracticeDivision: B,
  Legislation: S,
  OBNumber: S,
  Phone: S,
  Postcode: S,
  SbiCode: S,
  SbiDescription: S,
  SectorCode: S,
  SectorDescription: S,
  ShareCapital: D,
  SiretNumber: S,
  StartDate: DT,
  State: S,
  Status: I32,
  SubsectorCode: S,
  SubsectorDescription: S,
  TaxOfficeNumber: S,
  TaxReferenceNumber: S,
  TemplateCode: S,
  VATNumber: S,
  Website: S,
});

export const HRM_DIVISION = schema("Exact.Web.Api.Models.HRM.Division", "Code", {
  Code: I32,
  ArchiveDate: DT,
  BlockingStatus: I32,
  ...CLASSES,
  Country: S,
  CountryDescription: S,
  ...AUDIT,
  Currency: S,
  CurrencyDescription: S,
  Customer: G,
  CustomerCode: S,
  CustomerName: S,
  Description: S,
  HID: I64,
  Main: B,
  OBNumber: S,
  SiretNumber: S,
  StartDate: DT,
  Status: I16,
  TaxOfficeNumber: S,
  TaxReferenceNumber: S,
  TemplateCode: S,
  VATNumber: S,
  Website: S,
});

const USER_COMMON = {
  UserID: G,
  BirthDate: DT,
  ...AUDIT,
  Customer: G,
  CustomerName: S,
  Email: S,
  EndDate: DT,
  FirstName: S,
  FullName: S,
  Gender: S,
  HasRegisteredForTwoStepVerification: B,
  HasTwoStepVerification: B,
  Initials: S,
  IsAnonymised: B,
  Language: S,
  LastLogin: DT,
  LastName: S,
  MiddleName: S,
  Mobile: S,
  Nationality: S,
  Notes: S,
  Phone: S,
  PhoneExtension: S,
  ProfileCode: S,
  StartDate: DT,
  Title: S,
  UserName: S,
  UserTypesList: S,
};

export const USERS_USER = schema("Exact.Web.Api.Models.Users.User", "UserID", {
  ...USER_COMMON,
  BirthName: S,
  StartDivision: I32,
});
export const USERS_USER_NAVIGATIONS = ["UserRoles", "UserRolesPerDivision"] as const;

export const SYSTEM_USER = schema("Exact.Web.Api.Models.System.User", "UserID", {
  ...USER_COMMON,
  AuthenticationType: I32,
  UserDivisionList: S,
  UserLanguage: S,
  UserTypeCode: S,
});

const ROLE_FIELDS = {
  ID: G,
  ...AUDIT,
  Description: S,
  EndDate: DT,
  Role: I32,
  RoleLevel: I32,
  StartDate: DT,
  UserID: G,
};

export const USER_ROLE = schema("Exact.Web.Api.Models.Users.UserRole", "ID", ROLE_FIELDS);
export const USER_ROLE_PER_DIVISION = schema("Exact.Web.Api.Models.Users.UserRolesPerDivision", "ID", {
  ...ROLE_FIELDS,
  Division: I32,
});

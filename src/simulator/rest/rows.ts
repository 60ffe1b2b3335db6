/** Maps data-set records to Exact's field names for each endpoint. */
import { roleDescription } from "../data/builders";
import { indexOf } from "../data/lookup";
import type { SimDataset, SimDivision, SimUser, SimUserRole } from "../data/types";
import type { Row } from "../odata/schema";

const NULL_CLASSES = { Class_01: null, Class_02: null, Class_03: null, Class_04: null, Class_05: null };

/** Created/Creator/Modified/Modifier; records without their own trail were entered by the primary user. */
function audit(
  dataset: SimDataset,
  created: number,
  modified: number,
  createdBy: string = dataset.primaryUserId,
  modifiedBy: string = createdBy,
): Row {
  const users = indexOf(dataset).user;
  const creator = users.get(createdBy);
  const modifier = users.get(modifiedBy);
  return {
    Created: created,
    Creator: creator?.userId ?? null,
    CreatorFullName: creator?.fullName ?? null,
    Modified: modified,
    Modifier: modifier?.userId ?? null,
    ModifierFullName: modifier?.fullName ?? null,
  };
}

function customer(dataset: SimDataset, division: SimDivision): Row {
  const license = indexOf(dataset).license.get(division.license);
  return {
    Customer: division.license,
    CustomerCode: license?.customerCode ?? null,
    CustomerName: license?.customerName ?? null,
  };
}

export function systemDivisionRow(dataset: SimDataset, division: SimDivision, user: SimUser): Row {
  return {
    Code: division.code,
    AddressLine1: division.addressLine1,
    AddressLine2: null,
    AddressLine3: null,
    ArchiveDate: division.archiveDate,
    BlockingStatus: division.blockingStatus,
    BusinessTypeCode: null,
    BusinessTypeDescription: null,
    ChamberOfCommerceEstablishment: null,
    ChamberOfCommerceNumber: division.chamberOfCommerceNumber,
    City: division.city,
    ...NULL_CLASSES,
    CompanySizeCode: null,
    CompanySizeDescription: null,
    Country: division.country,
    ...audit(dataset, division.created, division.modified),
    Currency: division.currency,
    Current: division.code === user.currentDivision,
    ...customer(dataset, division),
    DatevAccountantNumber: null,
    DatevClientNumber: null,
    Description: division.description,
    DivisionHRLinkUnlinkDate: null,
    DivisionMoveDate: null,
    Email: division.email,
    Fax: null,
    Hid: division.hid,
    IsDossierDivision: false,
    IsHRDivision: false,
    IsMainDivision: division.isMainDivision,
    IsPracticeDivision: division.isPracticeDivision,
    Legislation: "NL",
    OBNumber: null,
    Phone: division.phone,
    Postcode: division.postcode,
    SbiCode: null,
    SbiDescription: null,
    SectorCode: null,
    SectorDescription: null,
    ShareCapital: null,
    SiretNumber: null,
    StartDate: division.startDate,
    State: null,
    Status: division.status,
    SubsectorCode: null,
    SubsectorDescription: null,
    TaxOfficeNumber: null,
    TaxReferenceNumber: null,
    TemplateCode: null,
    VATNumber: division.vatNumber,
    Website: division.website,
  };
}

export function hrmDivisionRow(dataset: SimDataset, division: SimDivision): Row {
  return {
    Code: division.code,
    ArchiveDate: division.archiveDate,
    BlockingStatus: division.blockingStatus,
    ...NULL_CLASSES,
    Country: division.country,
    CountryDescription: "Nederland",
    ...audit(dataset, division.created, division.modified),
    Currency: division.currency,
    CurrencyDescription: "Euro",
    ...customer(dataset, division),
    Description: division.description,
    HID: division.hid,
    Main: division.isMainDivision,
    OBNumber: null,
    SiretNumber: null,
    StartDate: division.startDate,
    // hrm/Divisions: 0 = regular, 1 = archived (reference §5.2).
    Status: division.status === 2 ? 1 : 0,
    TaxOfficeNumber: null,
    TaxReferenceNumber: null,
    TemplateCode: null,
    VATNumber: division.vatNumber,
    Website: division.website,
  };
}

export function meRow(dataset: SimDataset, user: SimUser, now: number): Row {
  const current = indexOf(dataset).division.get(user.currentDivision);
  const license = indexOf(dataset).license.get(current?.license ?? user.license);
  return {
    UserID: user.userId,
    AccountingDivision: dataset.divisions[0].code,
    CurrentDivision: user.currentDivision,
    CustomerCode: indexOf(dataset).license.get(user.license)?.customerCode ?? null,
    DivisionCustomer: license?.customer ?? null,
    DivisionCustomerCode: license?.customerCode ?? null,
    DivisionCustomerName: license?.customerName ?? null,
    DivisionCustomerSiretNumber: null,
    DivisionCustomerVatNumber: current?.vatNumber ?? null,
    DossierDivision: null,
    Email: user.email,
    EmployeeID: null,
    FirstName: user.firstName,
    FullName: user.fullName,
    Gender: user.gender,
    Initials: user.initials,
    IsClientUser: false,
    IsEmployeeSelfServiceUser: false,
    IsMyFirmLiteUser: false,
    IsMyFirmPortalUser: false,
    IsOEIMigrationMandatory: false,
    IsStarterUser: false,
    Language: user.language,
    LanguageCode: user.languageCode,
    LastName: user.lastName,
    Legislation: 1,
    MiddleName: user.middleName,
    Mobile: user.mobile,
    Nationality: null,
    PackageCode: "ACC",
    Phone: user.phone,
    PhoneExtension: null,
    PictureUrl: null,
    ServerTime: new Date(now).toISOString(),
    ServerUtcOffset: 0,
    ThumbnailPicture: null,
    ThumbnailPictureFormat: null,
    Title: user.title,
    UserName: user.userName,
  };
}

function userCommon(dataset: SimDataset, user: SimUser): Row {
  const license = indexOf(dataset).license.get(user.license);
  return {
    UserID: user.userId,
    BirthDate: null,
    ...audit(dataset, user.created, user.created),
    Customer: user.license,
    CustomerName: license?.customerName ?? null,
    Email: user.email,
    EndDate: user.endDate,
    FirstName: user.firstName,
    FullName: user.fullName,
    Gender: user.gender,
    HasRegisteredForTwoStepVerification: user.twoStepRegistered,
    HasTwoStepVerification: user.twoStepRequired,
    Initials: user.initials,
    IsAnonymised: false,
    Language: user.language,
    LastLogin: user.lastLogin,
    LastName: user.lastName,
    MiddleName: user.middleName,
    Mobile: user.mobile,
    Nationality: null,
    Notes: user.notes,
    Phone: user.phone,
    PhoneExtension: null,
    ProfileCode: null,
    StartDate: user.startDate,
    Title: user.title,
    UserName: user.userName,
    UserTypesList: null,
  };
}

export function usersUserRow(dataset: SimDataset, user: SimUser): Row {
  return { ...userCommon(dataset, user), BirthName: null, StartDivision: user.currentDivision };
}

export function systemUserRow(dataset: SimDataset, user: SimUser): Row {
  return {
    ...userCommon(dataset, user),
    AuthenticationType: user.authenticationType,
    UserDivisionList: user.divisions.join(","),
    UserLanguage: user.languageCode,
    UserTypeCode: null,
  };
}

export function roleRow(
  dataset: SimDataset,
  role: SimUserRole,
  language: string,
  withDivision: boolean,
): Row {
  const row: Row = {
    ID: role.id,
    ...audit(dataset, role.created, role.modified, role.createdBy, role.modifiedBy),
    Description: roleDescription(role.role, language),
    EndDate: role.endDate,
    Role: role.role,
    RoleLevel: role.roleLevel,
    StartDate: role.startDate,
    UserID: role.userId,
  };
  if (withDivision) row.Division = role.division;
  return row;
}

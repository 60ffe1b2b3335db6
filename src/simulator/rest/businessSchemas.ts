/**
 * Entity types of the business resources the demo serves. Field names: the public PHP SDK's entity definitions
 * (picqer/exact-php-client, src/Picqer/Financials/Exact/*.php, 2024). Edm types: Exact's own .NET client models
 * (exactonline-api-dotnet-client, ExactOnline.Client.Models, 2021) where they list the field; fields they lack
 * are typed from the PHP type and description and listed in `inferred` (unverified). Navigation properties
 * (line collections, bank accounts) are sent as `__deferred` links.
 */
import { businessSchema } from "./businessSchema";

export const ACCOUNT = businessSchema("Exact.Web.Api.Models.Account", "ID", {
  guid: `ID Accountant AccountManager ActivitySector ActivitySubSector BusinessType Classification1
    Classification2 Classification3 Classification4 Classification5 Classification6 Classification7
    Classification8 CompanySize Creator GLAccountPurchase GLAccountSales GLAP GLAR InvoiceAccount
    LeadPurpose LeadSource MainContact Modifier Parent PriceList Reseller ShippingMethod`,
  string: `AccountManagerFullName AddressLine1 AddressLine2 AddressLine3 BSN ChamberOfCommerce City Code
    CodeAtSupplier Country CountryName CreatorFullName CustomField DatevCreditorCode DatevDebtorCode
    Email EORINumber Fax GlnNumber IncotermAddressPurchase IncotermAddressSales IncotermCodePurchase
    IncotermCodeSales IntraStatArea IntraStatDeliveryTerm IntraStatSystem IntraStatTransactionA
    IntraStatTransactionB IntraStatTransportMethod InvoiceAccountCode InvoiceAccountName Language
    LanguageDescription Logo LogoFileName LogoThumbnailUrl LogoUrl ModifierFullName Name OINNumber
    PayAsYouEarn PaymentConditionPurchase PaymentConditionPurchaseDescription PaymentConditionSales
    PaymentConditionSalesDescription PeppolIdentifier Phone PhoneExtension Postcode PurchaseCurrency
    PurchaseCurrencyDescription PurchaseVATCode PurchaseVATCodeDescription Remarks ResellerCode
    ResellerName RSIN SalesCurrency SalesCurrencyDescription SalesVATCode SalesVATCodeDescription
    SearchCode State StateName Status TradeName Type UniqueTaxpayerReference VATLiability VATNumber
    Website`,
  int32: `AccountManagerHID AutomaticProcessProposedEntry DeliveryAdvice Division IncotermVersionPurchase
    IncotermVersionSales InvoiceAttachmentType InvoicingMethod PeppolIdentifierType PurchaseLeadDays
    SecurityLevel ShippingLeadDays`,
  double: "CreditLinePurchase CreditLineSales DiscountPurchase DiscountSales Latitude Longitude",
  bool: `Blocked CanDropShip EnableSalesPaymentLink HasWithholdingTaxSales IgnoreDatevWarningMessage
    IsExtraDuty IsPilot IsReseller IsSales IsSupplier RecepientOfCommissions ShowRemarkForSales`,
  date: "ControlledDate Created EndDate EstablishedDate Modified StartDate",
  byte: `ConsolidationScenario IsAccountant IsAgency IsAnonymised IsCompetitor IsMailing
    SeparateInvPerSubscription`,
  navigations: "BankAccounts",
  inferred: `AutomaticProcessProposedEntry BSN CustomField DeliveryAdvice EnableSalesPaymentLink EORINumber
    IncotermAddressPurchase IncotermAddressSales IncotermCodePurchase IncotermCodeSales
    IncotermVersionPurchase IncotermVersionSales PeppolIdentifier PeppolIdentifierType
    ShowRemarkForSales`,
});

export const CONTACT = businessSchema("Exact.Web.Api.Models.Contact", "ID", {
  guid: `ID Account AccountMainContact Creator IdentificationDocument IdentificationUser LeadPurpose
    LeadSource Modifier Person`,
  string: `AccountName AddressLine2 AddressStreet AddressStreetNumber AddressStreetNumberSuffix BirthPlace
    BusinessEmail BusinessFax BusinessMobile BusinessPhone BusinessPhoneExtension City Code Country
    CreatorFullName CustomField Email FirstName FullName Gender Initials JobTitleDescription Language
    LastName MarketingNotes MiddleName Mobile ModifierFullName Nationality Notes PartnerName
    PartnerNamePrefix Phone PhoneExtension Picture PictureName PictureThumbnailUrl PictureUrl Postcode
    SocialSecurityNumber State Title TitleAbbreviation TitleDescription`,
  int32: "Division HID",
  bool: "AccountIsCustomer AccountIsSupplier IsMailingExcluded IsMainContact",
  date: "BirthDate Created EndDate IdentificationDate Modified StartDate",
  byte: "IsAnonymised",
  inferred: "CustomField TitleAbbreviation TitleDescription",
});

export const GL_ACCOUNT = businessSchema("Exact.Web.Api.Models.GLAccount", "ID", {
  guid: `ID Creator Modifier PrivateGLAccount VATNonDeductibleGLAccount YearEndCostGLAccount
    YearEndReflectionGLAccount`,
  string: `BalanceSide BalanceType Code Costcenter CostcenterDescription Costunit CostunitDescription
    CreatorFullName CustomField Description ModifierFullName ReportingCode SearchCode TypeDescription
    VATCode VATDescription VATGLAccountType VATSystem`,
  int16: "AssimilatedVATBox",
  int32: "AllowCostsInSales BelcotaxType Division Type",
  double: "ExpenseNonDeductiblePercentage PrivatePercentage VATNonDeductiblePercentage",
  bool: "Compress IsBlocked Matching RevalueCurrency",
  date: "Created Modified",
  byte: "ExcludeVATListing UseCostcenter UseCostunit",
  navigations: "DeductibilityPercentages",
  inferred: "AllowCostsInSales CustomField",
});

export const JOURNAL = businessSchema("Exact.Web.Api.Models.Journal", "ID", {
  guid: "ID Bank BankAccountID Creator GLAccount Modifier PaymentInTransitAccount",
  string: `BankAccountBICCode BankAccountCountry BankAccountDescription BankAccountIBAN
    BankAccountIncludingMask BankName Code CreatorFullName Currency CurrencyDescription CustomField
    Description GLAccountCode GLAccountDescription ModifierFullName PaymentServiceAccountIdentifier
    PaymentServiceProviderName`,
  int32: "Division GLAccountType PaymentServiceProvider Type",
  bool: "AllowVariableCurrency AllowVariableExchangeRate AllowVAT AutoSave IsBlocked",
  date: "Created Modified",
  inferred: "CustomField IsBlocked",
});

export const TRANSACTION_LINE = businessSchema("Exact.Web.Api.Models.Financial.TransactionLine", "ID", {
  guid: `ID Account Asset Creator Document EntryID GLAccount Item Modifier OffsetID Project ShopOrder
    Subscription`,
  string: `AccountCode AccountName AssetCode AssetDescription CostCenter CostCenterDescription CostUnit
    CostUnitDescription CreatorFullName Currency CustomField Description DocumentSubject
    ExternalLinkDescription ExternalLinkReference GLAccountCode GLAccountDescription ItemCode
    ItemDescription JournalCode JournalDescription ModifierFullName Notes PaymentReference ProjectCode
    ProjectDescription SubscriptionDescription TrackingNumber TrackingNumberDescription VATCode
    VATCodeDescription VATType YourRef`,
  int16: "FinancialPeriod FinancialYear LineType Status",
  int32: "Division DocumentNumber EntryNumber InvoiceNumber LineNumber OrderNumber Type",
  double: `AmountDC AmountFC AmountVATBaseFC AmountVATFC ExchangeRate ExtraDutyAmountFC ExtraDutyPercentage
    PaymentDiscountAmount Quantity VATPercentage`,
  date: "Created Date DueDate Modified",
  inferred: "CustomField ExternalLinkDescription ExternalLinkReference ShopOrder",
});

export const SALES_INVOICE = businessSchema("Exact.Web.Api.Models.SalesInvoice", "InvoiceID", {
  guid: `InvoiceID Creator DeliverTo DeliverToAddress DeliverToContactPerson Document InvoiceTo
    InvoiceToContactPerson Modifier OrderedBy OrderedByContactPerson SalesChannel Salesperson
    SelectionCode Warehouse`,
  string: `CreatorFullName Currency DeliverToContactPersonFullName DeliverToName Description DocumentSubject
    IncotermAddress IncotermCode InvoiceToContactPersonFullName InvoiceToName Journal JournalDescription
    ModifierFullName OrderedByContactPersonFullName OrderedByName PaymentCondition
    PaymentConditionDescription PaymentReference Remarks SalesChannelCode SalesChannelDescription
    SalespersonFullName SelectionCodeCode SelectionCodeDescription ShippingMethod ShippingMethodCode
    ShippingMethodDescription StarterSalesInvoiceStatusDescription StatusDescription TypeDescription
    YourRef`,
  int16: "DiscountType StarterSalesInvoiceStatus Status",
  int32: "Division DocumentNumber IncotermVersion InvoiceNumber OrderNumber Type",
  double: `AmountDC AmountDiscount AmountDiscountExclVat AmountFC AmountFCExclVat Discount ExtraDutyAmountFC
    GAccountAmountFC VATAmountDC VATAmountFC WithholdingTaxAmountFC WithholdingTaxBaseAmount
    WithholdingTaxPercentage`,
  bool: "IsExtraDuty",
  date: "Created DueDate InvoiceDate Modified OrderDate",
  navigations: "SalesInvoiceLines SalesInvoiceOrderChargeLines",
  inferred: `IncotermAddress IncotermCode IncotermVersion SalesChannel SalesChannelCode SalesChannelDescription
    SelectionCode SelectionCodeCode SelectionCodeDescription ShippingMethod ShippingMethodCode
    ShippingMethodDescription`,
});

export const PURCHASE_ENTRY = businessSchema("Exact.Web.Api.Models.PurchaseEntry", "EntryID", {
  guid: "EntryID Creator Document Modifier Supplier",
  string: `CreatorFullName Currency CustomField Description DocumentSubject ExternalLinkDescription
    ExternalLinkReference Journal JournalDescription ModifierFullName PaymentCondition
    PaymentConditionDescription PaymentConditionPaymentMethod PaymentReference StatusDescription
    SupplierName TypeDescription YourRef`,
  int16: "ReportingPeriod ReportingYear Status",
  int32: "BatchNumber Division DocumentNumber EntryNumber InvoiceNumber OrderNumber ProcessNumber Type",
  double: "AmountDC AmountFC GAccountAmountFC Rate VATAmountDC VATAmountFC",
  bool: "Reversal",
  date: "Created DueDate EntryDate Modified",
  navigations: "PurchaseEntryLines",
  inferred: "CustomField PaymentConditionPaymentMethod",
});

export const DEPARTMENT = businessSchema("Exact.Web.Api.Models.HRM.Department", "ID", {
  guid: "ID Creator Modifier",
  string: "Code Costcenter CostcenterDescription CreatorFullName Description ModifierFullName Notes",
  int32: "Division",
  date: "Created Modified",
});

export const PROJECT = businessSchema("Exact.Web.Api.Models.Project", "ID", {
  guid: `ID Account AccountContact Classification Creator FixedPriceItem Manager Modifier PrepaidItem
    SourceQuotation`,
  string: `AccountCode AccountName BudgetTypeDescription ClassificationDescription Code CreatorFullName
    CustomerPOnumber CustomField Description DivisionName FixedPriceItemDescription InternalNotes
    InvoiceAddress InvoiceDescription ManagerFullname ModifierFullName Notes PaymentCondition
    PrepaidItemDescription PrepaidTypeDescription TypeDescription`,
  int16: "BudgetType PrepaidType",
  int32: "Division IncludeInvoiceSpecification IsWBSRequiredForEntry Type",
  double: `BudgetedAmount BudgetedCosts BudgetedRevenue CostsAmountFC MarkupPercentage SalesTimeQuantity
    TimeQuantityToAlert`,
  bool: `AllowAdditionalInvoicing AllowMemberEntryOnly BlockEntry BlockInvoicing BlockPlanning
    BlockPurchasing BlockRebilling HasWBSLines IncludeSpecificationInInvoicePdf InvoiceAsQuoted
    UseBillingMilestones`,
  date: "Created EndDate Modified StartDate",
  byte: "BudgetOverrunHours",
  navigations: `BudgetedHoursPerHourType InvoiceTerms ProjectRestrictionEmployees ProjectRestrictionItems
    ProjectRestrictionRebillings`,
  inferred: `AllowMemberEntryOnly BlockInvoicing BlockPlanning BlockPurchasing CustomField HasWBSLines
    IncludeInvoiceSpecification IncludeSpecificationInInvoicePdf InvoiceAddress InvoiceDescription
    IsWBSRequiredForEntry PaymentCondition`,
});

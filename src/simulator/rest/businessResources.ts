/**
 * The business resources people query first (crm, financial, sales, purchase, hrm, project), scoped to the
 * URL division like every division resource: 403 for a division not granted or blocked, rows per division.
 */
import { businessBook, type BusinessBook } from "../data/business";
import type { Resource } from "./resources";
import type { BusinessEntity } from "./businessSchema";
import * as schemas from "./businessSchemas";

/**
 * Endpoints with line collections answer 400 "Please add a $select or a $top=1 statement…" without
 * `$select` (reference §4: Exact does not document which; GeneralJournalEntries and GoodsDeliveries are
 * reported, so the simulator applies it to the two header-with-lines endpoints here — unverified).
 */
const SELECT_REQUIRED = new Set(["salesinvoice/SalesInvoices", "purchaseentry/PurchaseEntries"]);

function business(endpoint: string, type: BusinessEntity, rows: keyof BusinessBook): Resource {
  return {
    endpoint,
    scope: "division",
    entity: type.entity,
    navigations: type.navigations,
    pageSize: 60,
    divisionValidated: true,
    dependsOnDivision: true,
    selectRequired: SELECT_REQUIRED.has(endpoint),
    rows: ({ dataset, division }) => businessBook(dataset, division!)?.[rows] ?? [],
  };
}

export const BUSINESS_RESOURCES: Resource[] = [
  business("crm/Accounts", schemas.ACCOUNT, "accounts"),
  business("crm/Contacts", schemas.CONTACT, "contacts"),
  business("financial/GLAccounts", schemas.GL_ACCOUNT, "glAccounts"),
  business("financial/Journals", schemas.JOURNAL, "journals"),
  business("financialtransaction/TransactionLines", schemas.TRANSACTION_LINE, "transactionLines"),
  business("salesinvoice/SalesInvoices", schemas.SALES_INVOICE, "salesInvoices"),
  business("purchaseentry/PurchaseEntries", schemas.PURCHASE_ENTRY, "purchaseEntries"),
  business("hrm/Departments", schemas.DEPARTMENT, "departments"),
  business("project/Projects", schemas.PROJECT, "projects"),
];

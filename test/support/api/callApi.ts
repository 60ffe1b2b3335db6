/** Calls the gateway's data API like the add-in does, through the test gateway's fetch (inject or HTTP). */
import type { TableResponse } from "../../../src/shared/api";
import type { ApiErrorBody } from "../../../src/shared/errors";
import type { TestGateway } from "../gateway";

export interface ApiAnswer<T = TableResponse> {
  status: number;
  body: T & Partial<ApiErrorBody>;
}

export async function callApi<T = TableResponse>(
  gateway: Pick<TestGateway, "url" | "fetch">,
  sessionToken: string | null,
  pathAndQuery: string,
  options: { method?: string; noCache?: boolean } = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = {};
  if (sessionToken) headers.authorization = `Bearer ${sessionToken}`;
  if (options.noCache) headers["cache-control"] = "no-cache";
  const response = await gateway.fetch(`${gateway.url}${pathAndQuery}`, {
    method: options.method ?? "GET",
    headers,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as ApiAnswer<T>["body"] };
}

/** Rows as objects keyed by column name, for readable assertions. */
export function records(table: TableResponse): Record<string, unknown>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column.name, row[i]])));
}

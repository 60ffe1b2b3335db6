/**
 * Points the add-in's functions and actions at a test gateway with a signed-in session; its requests go
 * through the gateway's fetch (inject for a built gateway, HTTP for a listening one or a stub server).
 */
import type { GatewayClient } from "../../../src/addin/data/gatewayClient";
import { createDataServices, installDataServices } from "../../../src/addin/data/services";
import { clearSessionToken, setSessionToken } from "../../../src/addin/session/tokenStore";
import { FakeWorkbook, installExcel } from "./excelMock";
import { STUB_TOKEN, type StubGateway } from "./stubGateway";

export async function connectTo(
  baseUrl: string,
  token: string | null,
  fetchImpl?: typeof fetch,
): Promise<GatewayClient> {
  const services = createDataServices({ baseUrl, fetchImpl });
  installDataServices(services);
  if (token) await setSessionToken(token);
  else await clearSessionToken();
  return services.client;
}

/** What a cell shows for a rejected call: the CustomFunctions.Error's code and message. */
export async function cellError(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const { code, message } = error as { code: string; message: string };
    return { code, message };
  }
  throw new Error("expected the call to fail");
}

/** Signs the add-in in to the stub gateway and forgets the previous test's requests and failures. */
export async function connectToStub(stub: StubGateway): Promise<void> {
  await connectTo(stub.baseUrl, STUB_TOKEN);
  stub.requests.length = 0;
  stub.failures.clear();
}

/** A new fake workbook with the given (empty) sheets, installed as Excel's. */
export function freshWorkbook(...sheetNames: string[]): FakeWorkbook {
  const workbook = new FakeWorkbook();
  for (const name of sheetNames) workbook.sheets.set(name, new Map());
  installExcel(workbook);
  return workbook;
}

/**
 * Points the add-in's functions and actions at a test gateway with a signed-in session; its requests go
 * through the gateway's fetch (inject for a built gateway, HTTP for a listening one or a stub server).
 */
import type { GatewayClient } from "../../../src/addin/data/gatewayClient";
import { createDataServices, installDataServices } from "../../../src/addin/data/services";
import { clearSessionToken, setSessionToken } from "../../../src/addin/session/tokenStore";

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

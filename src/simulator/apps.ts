/** Registered OAuth apps (client ID, secret, redirect URIs), as in Exact's App Center. */
export interface SimApp {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  name?: string;
}

/** The app the demo uses. Its redirect URIs start empty: the gateway adds its own callback at start-up. */
export const DEMO_APP: SimApp = Object.freeze({
  clientId: "6c1e5f2a-8b4d-4e8f-9a3b-2d7c0e1f4a5b",
  clientSecret: "demo-secret-Xk7pQ2vR9sT4wY6z",
  redirectUris: Object.freeze([]) as unknown as string[],
  name: "EOL for Excel (demo)",
}) as SimApp;

/** Exact compares client IDs as GUIDs: case and braces do not matter. */
export function normaliseClientId(clientId: string): string {
  return clientId
    .trim()
    .replace(/^\{|\}$/g, "")
    .toLowerCase();
}

export class AppRegistry {
  private readonly apps = new Map<string, SimApp>();

  constructor(initial: SimApp[]) {
    for (const app of initial) this.register(app);
  }

  register(app: SimApp): void {
    if (!app.clientId || !app.clientSecret) throw new Error("An app needs a clientId and a clientSecret");
    this.apps.set(normaliseClientId(app.clientId), {
      clientId: normaliseClientId(app.clientId),
      clientSecret: app.clientSecret,
      redirectUris: [...app.redirectUris],
      name: app.name,
    });
  }

  addRedirectUri(clientId: string, uri: string): void {
    const app = this.get(clientId);
    if (!app) throw new Error(`No app with client ID ${clientId} is registered in the simulator`);
    if (!app.redirectUris.includes(uri)) app.redirectUris.push(uri);
  }

  get(clientId: string): SimApp | undefined {
    return this.apps.get(normaliseClientId(clientId));
  }
}

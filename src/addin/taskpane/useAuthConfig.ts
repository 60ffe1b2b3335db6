/** GET /auth/config once, with loading and error states and a retry. */
import { useCallback, useEffect, useState } from "react";
import type { AuthConfig } from "../../shared/api";
import { useServices } from "./services";

export type AuthConfigState =
  | { kind: "loading" }
  | { kind: "error"; message: string; retry(): void }
  | { kind: "ready"; config: AuthConfig };

export function useAuthConfig(): AuthConfigState {
  const { client } = useServices();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<AuthConfigState>({ kind: "loading" });
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  useEffect(() => {
    let active = true;
    setState({ kind: "loading" });
    client.authConfig().then(
      (config) => active && setState({ kind: "ready", config }),
      (error: unknown) =>
        active &&
        setState({ kind: "error", message: error instanceof Error ? error.message : String(error), retry }),
    );
    return () => {
      active = false;
    };
  }, [client, attempt, retry]);

  return state;
}

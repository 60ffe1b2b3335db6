/**
 * The pane's view of the session: checking the stored token at start, signed out, signing in (from the
 * pane or the ribbon), signed in, or a sign-in error to show.
 */
import { useCallback, useEffect, useState } from "react";
import type { SessionInfo } from "../../shared/api";
import { signInWithSettings, type SignInRequest } from "../auth/signInFlow";
import { getSignInState, setSignInState } from "../auth/signInState";
import { on } from "../events";
import { GatewayRequestError } from "../data/gatewayClient";
import { getSessionToken } from "../session/tokenStore";
import { useServices } from "./services";

export type SessionView =
  | { kind: "checking" }
  | { kind: "signed-out"; error?: { code: string; message: string } }
  | { kind: "signing-in" }
  | { kind: "signed-in"; session: SessionInfo };

export interface SessionControls {
  view: SessionView;
  signIn(request: SignInRequest): void;
  signOut(): Promise<void>;
}

export function useSession(): SessionControls {
  const { client, openWindow } = useServices();
  const [view, setView] = useState<SessionView>(() =>
    getSignInState().phase === "signing-in" ? { kind: "signing-in" } : { kind: "checking" },
  );

  useEffect(() => {
    let active = true;
    const check = async (): Promise<void> => {
      if (getSignInState().phase === "signing-in") return; // the ribbon started one; wait for it
      const token = await getSessionToken();
      if (!token) {
        const state = getSignInState();
        if (active)
          setView(state.phase === "failed" ? { kind: "signed-out", error: state } : { kind: "signed-out" });
        return;
      }
      try {
        const session = await client.session();
        if (active) setView({ kind: "signed-in", session });
      } catch (error) {
        if (!active) return;
        const code = error instanceof GatewayRequestError ? error.code : "internal_error";
        const message = error instanceof Error ? error.message : String(error);
        // A dead session is plain "signed out"; anything else is worth showing.
        setView(
          code === "not_signed_in"
            ? { kind: "signed-out" }
            : { kind: "signed-out", error: { code, message } },
        );
      }
    };
    void check();
    const offState = on("sign-in", (state) => {
      if (state.phase === "signing-in") setView({ kind: "signing-in" });
      else if (state.phase === "signed-in") setView({ kind: "signed-in", session: state.session });
      else if (state.phase === "failed") setView({ kind: "signed-out", error: state });
      else setView({ kind: "signed-out" });
    });
    const offSession = on("session-changed", ({ signedIn }) => {
      if (!signedIn) setView({ kind: "signed-out" });
    });
    return () => {
      active = false;
      offState();
      offSession();
    };
  }, [client]);

  const signIn = useCallback(
    (request: SignInRequest) => {
      // Not awaited: the outcome arrives through the sign-in state. Called straight from the click so
      // the popup opens inside the user's gesture.
      signInWithSettings(request, { client, openWindow }).catch(() => undefined);
    },
    [client, openWindow],
  );

  const signOut = useCallback(async () => {
    try {
      await client.signOut();
    } catch {
      // The local token is gone either way (client.signOut clears it); nothing else to do.
    }
    setSignInState({ phase: "idle" });
  }, [client]);

  return { view, signIn, signOut };
}

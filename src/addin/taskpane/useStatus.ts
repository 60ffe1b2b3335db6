/** GET /api/v1/status, reloaded whenever data was refreshed or on request. */
import { useCallback, useEffect, useState } from "react";
import type { StatusResponse } from "../../shared/api";
import { on } from "../events";
import { useServices } from "./services";

export type StatusState =
  { kind: "loading" } | { kind: "error"; message: string } | { kind: "ready"; status: StatusResponse };

export interface StatusControls {
  state: StatusState;
  /** asOf of the last "data-refreshed" event in this runtime, if any. */
  lastRefreshAsOf: string | null;
  /** The division the last refreshed answer was limited to because none was given, if so. */
  lastImplicitDivision: number | null;
  reload(): void;
}

export function useStatus(): StatusControls {
  const { client } = useServices();
  const [state, setState] = useState<StatusState>({ kind: "loading" });
  const [lastRefreshAsOf, setLastRefreshAsOf] = useState<string | null>(null);
  const [lastImplicitDivision, setLastImplicitDivision] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((n) => n + 1), []);

  useEffect(
    () =>
      on("data-refreshed", ({ asOf, implicitDivision }) => {
        setLastRefreshAsOf(asOf);
        setLastImplicitDivision(implicitDivision ?? null);
        reload();
      }),
    [reload],
  );

  useEffect(() => {
    let active = true;
    client.status().then(
      (status) => active && setState({ kind: "ready", status }),
      (error: unknown) =>
        active &&
        setState({ kind: "error", message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      active = false;
    };
  }, [client, version]);

  return { state, lastRefreshAsOf, lastImplicitDivision, reload };
}

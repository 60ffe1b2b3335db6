/** The signed-in user's divisions from GET /api/v1/divisions, as code + name for pickers and counts. */
import { useEffect, useState } from "react";
import type { TableResponse } from "../../shared/api";
import { columnIndex, DIVISION_COLUMNS } from "../../shared/rules/tableColumns";
import { useServices } from "./services";

export interface DivisionOption {
  code: number;
  name: string;
}

export type DivisionsState =
  | { kind: "loading" }
  | { kind: "error"; code: string; message: string }
  | { kind: "ready"; divisions: DivisionOption[]; asOf: string };

/** Reads code and name from the divisions table's fixed columns (src/shared/rules/tableColumns.ts). */
export function divisionOptions(table: TableResponse): DivisionOption[] {
  const codeAt = columnIndex(table.columns, DIVISION_COLUMNS.division);
  const nameAt = columnIndex(table.columns, DIVISION_COLUMNS.name);
  if (codeAt < 0) return [];
  return table.rows
    .map((row) => ({
      code: Number(row[codeAt]),
      name: nameAt >= 0 && row[nameAt] != null ? String(row[nameAt]) : "",
    }))
    .filter((option) => Number.isInteger(option.code));
}

export function useDivisions(): DivisionsState {
  const { client } = useServices();
  const [state, setState] = useState<DivisionsState>({ kind: "loading" });
  useEffect(() => {
    let active = true;
    client.table("divisions").then(
      (table) => active && setState({ kind: "ready", divisions: divisionOptions(table), asOf: table.asOf }),
      (error: unknown) => {
        if (!active) return;
        const code =
          typeof error === "object" && error && "code" in error ? String(error.code) : "internal_error";
        setState({ kind: "error", code, message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      active = false;
    };
  }, [client]);
  return state;
}

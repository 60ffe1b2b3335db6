/**
 * Excel objects for tests: office-addin-mock's OfficeMockObject for the request context, workbook and
 * application (load/sync tracking), with seed functions returning ranges backed by a small cell grid
 * that parses written values the way Excel does: in a cell formatted "@" a value stays text; elsewhere
 * a text starting with = + - @ becomes a formula and a numeric text becomes a number.
 */
// office-addin-mock imports office-addin-manifest only for its OfficeApp enum; the package's ESM
// dependencies do not load under jest, so give it the enum alone.
jest.mock("office-addin-manifest", () => jest.requireActual("office-addin-manifest/lib/officeApp"));
import { OfficeMockObject } from "office-addin-mock";

export interface StoredCell {
  format: string;
  value: string | number | boolean;
  formula: string | null;
}

export type Op =
  | { op: "sync" }
  | { op: "suspendCalculation" }
  | { op: "calculate"; type: string }
  | { op: "addSheet"; name: string }
  | { op: "numberFormat" | "values"; sheet: string; row: number; rows: number; cols: number }
  | { op: "addTable"; sheet: string; row: number; rows: number; cols: number; hasHeaders: boolean }
  | { op: "calculateErrors"; sheet: string }
  | { op: "activate"; sheet: string };

export class FakeWorkbook {
  readonly ops: Op[] = [];
  readonly sheets = new Map<string, Map<string, StoredCell>>();
  /** Sheets whose used range has formula cells in error. */
  readonly sheetsWithErrors = new Set<string>();
  /** What a full calculation re-runs (the workbook's custom functions), called after it is requested. */
  onCalculate: () => void = () => undefined;

  cell(sheet: string, row: number, col: number): StoredCell | undefined {
    return this.sheets.get(sheet)?.get(`${row},${col}`);
  }

  /** What Excel would do with a value written to a cell of the given format. */
  static parse(value: unknown, format: string): StoredCell {
    if (typeof value !== "string" || format === "@") {
      return { format, value: value as string | number | boolean, formula: null };
    }
    if (/^[=+\-@]/.test(value) && value.length > 1) {
      const numeric = /^[+-]\d+(\.\d+)?$/.test(value);
      return { format, value: numeric ? Number(value) : "#FORMULA", formula: numeric ? null : value };
    }
    if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return { format, value: Number(value), formula: null };
    return { format, value, formula: null };
  }

  range(sheet: string, row: number, col: number, rows: number, cols: number) {
    const grid = this.sheets.get(sheet)!;
    const ops = this.ops;
    const at = (r: number, c: number) => `${row + r},${col + c}`;
    const check = (matrix: unknown[][]) => {
      if (matrix.length !== rows || matrix.some((line) => line.length !== cols)) {
        throw new Error(`matrix ${matrix.length}×${matrix[0]?.length} written to a ${rows}×${cols} range`);
      }
    };
    return {
      set numberFormat(matrix: string[][]) {
        check(matrix);
        ops.push({ op: "numberFormat", sheet, row, rows, cols });
        matrix.forEach((line, r) =>
          line.forEach((format, c) =>
            grid.set(at(r, c), { ...(grid.get(at(r, c)) ?? { value: "", formula: null }), format }),
          ),
        );
      },
      set values(matrix: unknown[][]) {
        check(matrix);
        ops.push({ op: "values", sheet, row, rows, cols });
        matrix.forEach((line, r) =>
          line.forEach((value, c) =>
            grid.set(at(r, c), FakeWorkbook.parse(value, grid.get(at(r, c))?.format ?? "General")),
          ),
        );
      },
      format: { autofitColumns: () => undefined },
      rowIndex: row,
      rowCount: rows,
      columnCount: cols,
    };
  }

  worksheet(name: string) {
    const ops = this.ops;
    return {
      name,
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) =>
        this.range(name, row, col, rows, cols),
      tables: {
        add(range: { rowIndex: number; rowCount: number; columnCount: number }, hasHeaders: boolean) {
          ops.push({
            op: "addTable",
            sheet: name,
            row: range.rowIndex,
            rows: range.rowCount,
            cols: range.columnCount,
            hasHeaders,
          });
        },
      },
      activate: () => ops.push({ op: "activate", sheet: name }),
      getUsedRange: () => ({
        getSpecialCellsOrNullObject: (cellType: string, valueType: string) => {
          const present =
            cellType === "Formulas" && valueType === "Errors" && this.sheetsWithErrors.has(name);
          return {
            isNullObject: !present,
            load: () => undefined,
            calculate: () => ops.push({ op: "calculateErrors", sheet: name }),
          };
        },
      }),
    };
  }

  /** An office-addin-mock request context over this workbook. */
  context(): Excel.RequestContext {
    const seed = {
      workbook: {
        application: {
          suspendApiCalculationUntilNextSync: () => this.ops.push({ op: "suspendCalculation" }),
          calculate: (type: string) => {
            this.ops.push({ op: "calculate", type });
            setTimeout(() => this.onCalculate(), 10);
          },
        },
        worksheets: {
          add: (name: string) => {
            if ([...this.sheets.keys()].some((existing) => existing.toLowerCase() === name.toLowerCase())) {
              throw new Error(`A sheet named ${name} already exists`);
            }
            this.sheets.set(name, new Map());
            this.ops.push({ op: "addSheet", name });
            return this.worksheet(name);
          },
          getItem: (name: string) => this.worksheet(name),
        },
      },
    };
    const mock = new OfficeMockObject(seed) as unknown as { sync(): Promise<void> };
    const mockSync = mock.sync.bind(mock);
    mock.sync = async () => {
      this.ops.push({ op: "sync" });
      await mockSync();
    };
    return mock as unknown as Excel.RequestContext;
  }
}

/** Installs global Excel (run + the enums our code uses) over a FakeWorkbook, with readable sheet names. */
export function installExcel(workbook: FakeWorkbook): void {
  (globalThis as unknown as { Excel: unknown }).Excel = {
    CalculationType: { full: "Full", recalculate: "Recalculate" },
    SpecialCellType: { formulas: "Formulas" },
    SpecialCellValueType: { errors: "Errors" },
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const context = workbook.context() as unknown as { workbook: { worksheets: Record<string, unknown> } };
      // office-addin-mock cannot model collections: give worksheets a loadable items list by hand.
      const worksheets = context.workbook.worksheets;
      worksheets.load = () => undefined;
      Object.defineProperty(worksheets, "items", {
        get: () => [...workbook.sheets.keys()].map((name) => ({ name })),
      });
      return batch(context as unknown as Excel.RequestContext);
    },
  };
}

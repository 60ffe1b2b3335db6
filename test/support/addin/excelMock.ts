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
import { EXCEL_PAYLOAD_LIMIT_BYTES, jsonBytes } from "../../../src/shared/jsonBytes";
import { fakeOfficeHost } from "../officeHost";

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
  | { op: "nameTable"; sheet: string; row: number; name: string }
  | { op: "calculateErrors"; sheet: string }
  | { op: "formula"; sheet: string; row: number; col: number; formula: string }
  | { op: "activate"; sheet: string }
  | { op: "validation"; sheet: string; row: number; col: number; rows: number; cols: number; list: string };

export class FakeWorkbook {
  readonly ops: Op[] = [];
  readonly sheets = new Map<string, Map<string, StoredCell>>();
  /** Sheets whose used range has formula cells in error. */
  readonly sheetsWithErrors = new Set<string>();
  /** What a full calculation re-runs (the workbook's custom functions), called after it is requested. */
  onCalculate: () => void = () => undefined;
  /** What a formula written into a cell evaluates to (the custom function's result); rejects → #N/A. */
  evaluate: (formula: string) => Promise<unknown> = async () => "value";
  /** Cells ("sheet!row,col") that a spill fills: Excel reports their spill parent elsewhere. */
  readonly spillChildren = new Set<string>();
  /** Cells ("sheet!row,col") of legacy array formulas: Excel refuses to change a part of an array. */
  readonly arrayCells = new Set<string>();
  /** Protected sheets: their protection says so, and writing into them fails. */
  readonly protectedSheets = new Set<string>();
  /** Rows ("sheet!row") whose formulas Excel fails to read (any block containing them fails). */
  readonly unreadableRows = new Set<string>();
  /** The workbook is open read-only (Workbook.readOnly). */
  readOnly = false;
  /** The UTF-8 bytes of the data each successful sync carried (formulas and values read). */
  readonly syncBytes: number[] = [];
  private pendingBytes = 0;
  private pendingError: Error | null = null;

  /** Fails the next sync (what Excel does with a batch it refuses). */
  private refuse(message: string): void {
    this.pendingError ??= new Error(message);
  }

  /** Counts what the next sync carries; Excel on the web refuses more than 5 MB. */
  private carry(value: unknown): void {
    this.pendingBytes += jsonBytes(value);
  }

  /** One sync: fails as Excel would (a refused write, an unreadable row, over 5 MB), else counts it. */
  settle(): void {
    const error = this.pendingError;
    const bytes = this.pendingBytes;
    this.pendingError = null;
    this.pendingBytes = 0;
    if (error) throw error;
    if (bytes > EXCEL_PAYLOAD_LIMIT_BYTES) {
      throw Object.assign(new Error("The request payload size has exceeded the limit."), {
        code: "RequestPayloadSizeLimitExceeded",
      });
    }
    this.syncBytes.push(bytes);
  }

  /** The formula cells of a block of a sheet, as 1×1 areas (Range.getSpecialCells("Formulas")). */
  private formulaAreas(sheet: string, row: number, col: number, rows: number, cols: number) {
    const inBlock = [...(this.sheets.get(sheet) ?? new Map<string, StoredCell>()).entries()].flatMap(
      ([key, cell]) => {
        const [rowIndex, columnIndex] = key.split(",").map(Number);
        const inside =
          rowIndex >= row && rowIndex < row + rows && columnIndex >= col && columnIndex < col + cols;
        return inside && cell.formula !== null ? [{ rowIndex, columnIndex, formulas: [[cell.formula]] }] : [];
      },
    );
    const unreadable = Array.from({ length: rows }, (_, r) => `${sheet}!${row + r}`).some((key) =>
      this.unreadableRows.has(key),
    );
    return {
      isNullObject: inBlock.length === 0,
      load: () => undefined,
      areas: {
        items: inBlock,
        load: () => {
          if (unreadable) this.refuse("GeneralException: the range could not be read");
          this.carry(inBlock);
        },
      },
    };
  }

  /** The used range of a sheet (its stored cells' bounding box), or a null object. */
  private usedRange(sheet: string) {
    const keys = [...(this.sheets.get(sheet) ?? new Map<string, StoredCell>()).keys()].map((key) =>
      key.split(",").map(Number),
    );
    const extent = (index: 0 | 1) => ({
      min: keys.reduce((low, key) => Math.min(low, key[index]), Infinity),
      max: keys.reduce((high, key) => Math.max(high, key[index]), -Infinity),
    });
    const rows = extent(0);
    const cols = extent(1);
    return {
      isNullObject: keys.length === 0,
      load: () => undefined,
      rowIndex: rows.min,
      columnIndex: cols.min,
      rowCount: rows.max - rows.min + 1,
      columnCount: cols.max - cols.min + 1,
      // The whole used range's formula cells at once (what a reader without blocks asks for).
      getSpecialCellsOrNullObject: () =>
        this.formulaAreas(sheet, rows.min, cols.min, rows.max - rows.min + 1, cols.max - cols.min + 1),
    };
  }
  /** The sheet last activated (getActiveWorksheet), else the last one added. */
  active: string | null = null;
  /** Named Excel tables (header row and size, header included), as workbook.tables finds them. */
  readonly tables = new Map<string, { sheet: string; row: number; rows: number; cols: number }>();

  /** A named table grows by `rows` data rows, as when a user types below it. */
  growTable(name: string, rows: number): void {
    const table = this.tables.get(name)!;
    table.rows += rows;
  }

  /** Puts a formula with its current value into a cell, as a user would have typed it. */
  setFormula(sheet: string, row: number, col: number, formula: string, value: unknown = "old"): void {
    this.sheets.get(sheet)!.set(`${row},${col}`, { format: "General", value: value as string, formula });
  }

  static valueType(value: unknown): string {
    if (typeof value === "number") return "Double";
    if (typeof value === "boolean") return "Boolean";
    if (value === "" || value === undefined) return "Empty";
    return /^#(N\/A|VALUE!|BUSY!|SPILL!|REF!|NAME\?|NUM!|DIV\/0!|NULL!)$/.test(String(value))
      ? "Error"
      : "String";
  }

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
    const evaluate = (formula: string) => this.evaluate(formula);
    const spillChildren = this.spillChildren;
    const at = (r: number, c: number) => `${row + r},${col + c}`;
    const refusal = (r: number, c: number) =>
      this.protectedSheets.has(sheet)
        ? "The cell or chart you're trying to change is on a protected sheet."
        : this.arrayCells.has(`${sheet}!${row + r},${col + c}`)
          ? "You can't change part of an array."
          : null;
    const refuse = (message: string) => this.refuse(message);
    const carry = (value: unknown) => this.carry(value);
    const formulaAreas = () => this.formulaAreas(sheet, row, col, rows, cols);
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
      set formulas(matrix: string[][]) {
        check(matrix);
        matrix.forEach((line, r) =>
          line.forEach((formula, c) => {
            const refused = refusal(r, c);
            if (refused) return refuse(refused);
            ops.push({ op: "formula", sheet, row: row + r, col: col + c, formula });
            const cell: StoredCell = { format: "General", value: "#BUSY!", formula };
            grid.set(at(r, c), cell);
            evaluate(formula).then(
              (value) => (cell.value = value as string),
              () => (cell.value = "#N/A"),
            );
          }),
        );
      },
      get values() {
        return Array.from({ length: rows }, (_, r) =>
          Array.from({ length: cols }, (_, c) => grid.get(at(r, c))?.value ?? ""),
        );
      },
      get valueTypes() {
        return this.values.map((line) => line.map(FakeWorkbook.valueType));
      },
      address: `${sheet}!R${row}C${col}`,
      load(properties: string) {
        if (/\bvalues\b/.test(properties)) carry(this.values);
        if (/valueTypes/.test(properties)) carry(this.valueTypes);
      },
      getSpecialCellsOrNullObject: () => formulaAreas(),
      getSpillParentOrNullObject: () => ({
        isNullObject: false,
        // A spilled-into cell's parent is the anchor above it; an anchor is its own parent here.
        address: spillChildren.has(`${sheet}!${row},${col}`) ? `${sheet}!anchor` : `${sheet}!R${row}C${col}`,
        load: () => undefined,
      }),
      format: { autofitColumns: () => undefined },
      dataValidation: {
        set rule(rule: { list?: { source: string } }) {
          ops.push({ op: "validation", sheet, row, col, rows, cols, list: rule.list?.source ?? "" });
        },
      },
      rowIndex: row,
      rowCount: rows,
      columnCount: cols,
    };
  }

  worksheet(name: string) {
    const ops = this.ops;
    const tables = this.tables;
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
          const extent = { sheet: name, row: range.rowIndex, rows: range.rowCount, cols: range.columnCount };
          return {
            set name(tableName: string) {
              ops.push({ op: "nameTable", sheet: name, row: range.rowIndex, name: tableName });
              tables.set(tableName, extent);
            },
          };
        },
      },
      activate: () => {
        this.active = name;
        ops.push({ op: "activate", sheet: name });
      },
      protection: { protected: this.protectedSheets.has(name) },
      load: () => undefined,
      getUsedRangeOrNullObject: () => this.usedRange(name),
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
        readOnly: this.readOnly,
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
          getActiveWorksheet: () => this.worksheet(this.active ?? [...this.sheets.keys()].pop() ?? ""),
        },
        tables: {
          getItemOrNullObject: (name: string) => {
            const table = this.tables.get(name);
            return {
              isNullObject: table === undefined,
              getDataBodyRange: () => {
                const { sheet, row, rows, cols } = table!;
                return { ...this.range(sheet, row + 1, 0, rows - 1, cols), load: () => undefined };
              },
            };
          },
        },
      },
    };
    const mock = new OfficeMockObject(seed) as unknown as { sync(): Promise<void> };
    const mockSync = mock.sync.bind(mock);
    mock.sync = async () => {
      this.ops.push({ op: "sync" });
      this.settle();
      await mockSync();
    };
    return mock as unknown as Excel.RequestContext;
  }
}

/** Puts Excel.run over a FakeWorkbook (readable sheet names) behind the Office adapter, as the fake host's. */
export function installExcel(workbook: FakeWorkbook): void {
  const excel = {
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
  fakeOfficeHost({ excel });
}

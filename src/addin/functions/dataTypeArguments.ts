/**
 * Data-type arguments. With `allowCustomDataForDataTypeAny` (functions.json) Excel hands a custom
 * function a cell that holds a data type as that data type's object, not as its plain value: a date an
 * EOL function spilled arrives as `{ type: "Double", basicValue: 46023, numberFormat: "yyyy-mm-dd" }`,
 * and so do formatted numbers (`FormattedNumber`), strings, booleans and entities that carry a basic
 * value (Microsoft's "Use data types with custom functions in Excel"). Every argument goes through
 * plainArgument first, so the argument checks see the value the cell shows.
 */

type Plain = string | number | boolean;

interface DataTypeValue {
  type: string;
  basicValue?: unknown;
  basicType?: unknown;
}

function isDataTypeValue(value: unknown): value is DataTypeValue {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as { type?: unknown }).type === "string"
  );
}

function isPlain(value: unknown): value is Plain {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/**
 * The plain value of one cell: a data type's basic value when it has one. An error (type or basic type
 * "Error", such as an entity whose basic value is #VALUE!) and a data type without a plain basic value
 * (an image, an array) stay objects, so the argument check rejects them with its usual message.
 */
export function plainValue(value: unknown): unknown {
  if (!isDataTypeValue(value)) return value;
  if (value.type === "Error" || value.basicType === "Error") return value;
  return isPlain(value.basicValue) ? value.basicValue : value;
}

/** One argument as the checks expect it: a single value or a range (2-D array), each cell plain. */
export function plainArgument(value: unknown): unknown {
  if (!Array.isArray(value)) return plainValue(value);
  return value.map((row: unknown) => (Array.isArray(row) ? row.map(plainValue) : plainValue(row)));
}

/**
 * An HTML rendering of what the Access review sheet gets (the same spec writeReportSheet writes), for
 * the docs' screenshot: heading lines, then each table under its title. Dates show as days, as in Excel.
 */
import type { CellValue } from "../../../src/shared/api";
import type { ReportSheetSpec } from "../../../src/addin/excel/writeTableSheet";

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
}

function shown(value: CellValue, type: string): string {
  if (value === null) return "";
  if (type === "date" && typeof value === "string") return value.slice(0, 10);
  return String(value);
}

export function reviewSheetHtml(spec: ReportSheetSpec): string {
  const heading = spec.heading.map((line, i) =>
    i === 0 ? `<h1>${escape(line)}</h1>` : `<p>${escape(line)}</p>`,
  );
  const sections = spec.sections.map((section) => {
    const head = section.columns.map((c) => `<th>${escape(c.name)}</th>`).join("");
    const body = section.rows
      .map(
        (row) =>
          `<tr>${section.columns.map((c, i) => `<td>${escape(shown(row[i] ?? null, c.type))}</td>`).join("")}</tr>`,
      )
      .join("");
    return `<h2>${escape(section.title ?? "")}</h2><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
  });
  const style = `body{font:13px Segoe UI,Arial,sans-serif;margin:16px}h1{font-size:18px}h2{font-size:14px;margin:18px 0 4px}
p{margin:2px 0}table{border-collapse:collapse}th{background:#217346;color:#fff;text-align:left}
th,td{border:1px solid #c8c8c8;padding:2px 8px;white-space:nowrap}tbody tr:nth-child(even){background:#e9f2ec}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(spec.baseName)}</title><style>${style}</style></head><body>${heading.join("")}${sections.join("")}</body></html>`;
}

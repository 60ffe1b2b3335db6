/** Collects benchmark figures and writes bench/RESULTS.md: each figure as measured / goal. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export interface Figure {
  section: string;
  name: string;
  measured: string;
  goal: string;
  met: boolean | null;
  note?: string;
}

export class Report {
  readonly figures: Figure[] = [];
  readonly notes: string[] = [];
  /** The machine's 1-minute load average when the run began: timings on a busy machine are not comparable. */
  private readonly loadAtStart = os.loadavg()[0];

  add(figure: Figure): void {
    this.figures.push(figure);
    const mark = figure.met === null ? "·" : figure.met ? "✓" : "✗";
    console.log(
      `${mark} [${figure.section}] ${figure.name}: ${figure.measured} / goal ${figure.goal}${figure.note ? ` (${figure.note})` : ""}`,
    );
  }

  note(text: string): void {
    this.notes.push(text);
  }

  toMarkdown(startedAt: Date, seconds: number): string {
    const cpu = os.cpus()[0]?.model ?? "unknown CPU";
    const lines = [
      "# Benchmark results",
      "",
      `Run ${startedAt.toISOString()} with \`npm run bench\` (${seconds.toFixed(0)} s), Node ${process.version},`,
      `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()},`,
      `load average ${this.loadAtStart.toFixed(1)} at the start (real-time figures suffer on a busy machine).`,
      "Goals are tracked figures, not tests: a missed goal is reported here, never a failed run.",
      "",
    ];
    for (const section of [...new Set(this.figures.map((f) => f.section))]) {
      lines.push(`## ${section}`, "", "| Figure | Measured | Goal | Met |", "| --- | --- | --- | --- |");
      for (const f of this.figures.filter((x) => x.section === section)) {
        const met = f.met === null ? "—" : f.met ? "yes" : "**no**";
        lines.push(`| ${f.name}${f.note ? ` — ${f.note}` : ""} | ${f.measured} | ${f.goal} | ${met} |`);
      }
      lines.push("");
    }
    if (this.notes.length) lines.push("## Method notes", "", ...this.notes.map((n) => `- ${n}`), "");
    return lines.join("\n");
  }

  write(file: string, startedAt: Date, seconds: number): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, this.toMarkdown(startedAt, seconds));
  }
}

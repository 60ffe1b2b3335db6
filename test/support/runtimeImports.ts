/**
 * The packages a program loads at run time: from an entry file, every module reachable through
 * `require`/`import` that survives compilation (type-only imports vanish, as in the server build),
 * compiled to CommonJS as tsc does for build/server.
 */
import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";

const EXTENSIONS = [".ts", ".tsx", ".js", ".json"];

function resolveLocal(fromFile: string, specifier: string): string {
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [
    base,
    ...EXTENSIONS.map((ext) => base + ext),
    ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`)),
  ];
  const found = candidates.find((file) => fs.existsSync(file) && fs.statSync(file).isFile());
  if (!found) throw new Error(`${fromFile}: cannot resolve "${specifier}"`);
  return found;
}

/** "@scope/name/deep/path" → "@scope/name"; "name/deep" → "name". */
export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

const isBuiltin = (specifier: string): boolean =>
  specifier.startsWith("node:") || builtinModules.includes(specifier.split("/")[0]);

/** Package name → the source files that load it, for everything reachable from `entry`. */
export function runtimePackages(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const queue = [path.resolve(entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith(".json")) continue;
    const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2022,
        esModuleInterop: true,
      },
    });
    for (const [, specifier] of outputText.matchAll(/\brequire\("([^"]+)"\)/g)) {
      if (specifier.startsWith(".")) queue.push(resolveLocal(file, specifier));
      else if (!isBuiltin(specifier)) {
        const name = packageName(specifier);
        packages.set(name, [...(packages.get(name) ?? []), file]);
      }
    }
  }
  return packages;
}

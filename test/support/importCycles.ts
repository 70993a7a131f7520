import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** Every .ts file under a folder (tests aside). */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") && !path.endsWith(".d.ts") ? [path] : [];
  });
}

const importPattern = /(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g;

/** The relative imports of a file (type-only ones too: a ring of types is a ring), resolved to files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(importPattern)) {
    const target = resolve(dirname(file), m[1] ?? "");
    for (const candidate of [`${target}.ts`, join(target, "index.ts")])
      if (existsSync(candidate)) {
        out.push(candidate);
        break;
      }
  }
  return out;
}

/**
 * The circles of files that import each other (Tarjan's strongly connected components of more than one file,
 * and a file importing itself), among the files under `root`, as paths relative to `base`.
 */
export function importCycles(root: string, base: string = root): string[][] {
  const files = sources(root);
  const inside = new Set(files);
  const edges = new Map(files.map((f) => [f, importsOf(f).filter((t) => inside.has(t))]));
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      component.push(w);
      if (w === v) break;
    }
    if (component.length > 1 || (edges.get(v) ?? []).includes(v))
      cycles.push(component.map((c) => relative(base, c)).sort());
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return cycles;
}

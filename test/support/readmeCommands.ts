import { parse } from "yaml";

/** The commands the README shows: lines of its sh blocks and inline code that run the CLI or npm. */
export function readmeCommands(text: string): string[] {
  const blocks = [...text.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => (m[1] ?? "").replace(/\\\n\s*/g, ""));
  const lines = blocks.flatMap((b) => b.split("\n")).map((l) => l.replace(/\s+#.*$/, "").trim());
  const inline = [...text.matchAll(/`(image-tag-conformance [^`]+)`/g)].map((m) => m[1] ?? "");
  return [...lines, ...inline].map((l) => l.replace(/\s+/g, " ")).filter((l) => l !== "");
}

/** A shell line's words, single and double quotes honoured (as sh splits them). */
export function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

/** One shell line split at `&&`, `||` and `;` into the commands it runs (quotes honoured, comments dropped). */
function simpleCommands(line: string): string[] {
  const out: string[] = [];
  let current = "";
  for (const m of line.matchAll(/"[^"]*"|'[^']*'|&&|\|\||;|#.*$|[^"'&|;#]+|./g)) {
    const token = m[0];
    if (token.startsWith("#") && (current === "" || /\s$/.test(current))) break;
    if (token === "&&" || token === "||" || token === ";") {
      out.push(current);
      current = "";
    } else current += token;
  }
  return [...out, current].map((c) => c.replace(/\s+/g, " ").trim()).filter((c) => c !== "");
}

/** Where a workflow's or a GitLab job's YAML names commands: `run` scripts, `script` lines, `uses`. */
function yamlCommands(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(yamlCommands);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    if (key === "run" && typeof v === "string") return v.split("\n");
    if (key === "script" && Array.isArray(v)) return v.filter((s): s is string => typeof s === "string");
    if (key === "uses" && typeof v === "string") return [`uses: ${v}`];
    return yamlCommands(v);
  });
}

/**
 * Every command a page of the docs shows a user: the lines of its sh blocks, the scripts of its YAML blocks
 * (GitHub steps, GitLab jobs) and their `uses:`, and inline code that runs the CLI, npx or npm install. Each
 * line is split into its simple commands (`npm ci && npm link` is two).
 */
export function docCommands(markdown: string): string[] {
  const sh = [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) =>
    (m[1] ?? "").replace(/\\\n\s*/g, "").split("\n"),
  );
  const yaml = [...markdown.matchAll(/```yaml\n([\s\S]*?)```/g)].flatMap((m) =>
    yamlCommands(parse(m[1] ?? "")),
  );
  const inline = [...markdown.matchAll(/`((?:image-tag-conformance|npx|npm install) [^`]+)`/g)].map(
    (m) => m[1] ?? "",
  );
  return [...sh, ...yaml, ...inline].flatMap(simpleCommands);
}

/** The commands of a GitHub workflow file: every line of its `run` scripts, and its `uses:`. */
export function workflowCommands(yamlText: string): string[] {
  return yamlCommands(parse(yamlText)).flatMap(simpleCommands);
}

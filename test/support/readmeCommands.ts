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

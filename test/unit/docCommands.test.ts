import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { commandSyntax } from "../../src/cli/commandOptions";
import { packageRoot } from "../../src/util/packageRoot";
import { docCommands, words, workflowCommands } from "../support/readmeCommands";

// Every command the README and the how-to pages show runs as written with what the README's Install section
// installs (issue 22): the package is not on the npm registry, so no `npx image-tag-conformance@<version>`; the
// CLI's commands and options are the ones it parses; the action's ref exists. test/package/testPackage.sh runs
// the install paths themselves and a set of these commands from an empty folder.
const pkg = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as {
  version: string;
  scripts: Record<string, string>;
};
const read = (path: string): string => readFileSync(join(packageRoot, path), "utf8");
const pages = [
  "README.md",
  "docs/how-to/ci.md",
  "docs/how-to/certify-and-verify.md",
  "docs/how-to/certify-an-openstack-cloud.md",
  "docs/how-to/write-a-profile.md",
  "docs/how-to/compare-with-tempest.md",
];
const documented: readonly (readonly [string, string])[] = [
  ...pages.flatMap((page) => docCommands(read(page)).map((c) => [page, c] as const)),
  ...workflowCommands(read("docs/examples/github-workflow.yml")).map(
    (c) => ["docs/examples/github-workflow.yml", c] as const,
  ),
];

/** A git URL npx can build the CLI from: this repository's name, at the branch main or a commit's full SHA. */
const gitSpec = /^git\+https:\/\/[\w.-]+\/[\w.-]+\/image-tag-conformance\.git#(main|[0-9a-f]{40})$/;
/** A word that stands for something the reader fills in: the rest of the command is not checked. */
const placeholder = (w: string): boolean => /^<.*>$|…|^\.\.\.$/.test(w);

/** Why the CLI would refuse these arguments as written, or undefined when it parses them. */
function refusal(args: readonly string[]): string | undefined {
  const [command, ...rest] = args;
  if (command === undefined) return "no command";
  if (placeholder(command)) return undefined;
  if (["--version", "-v", "--help", "-h"].includes(command)) return undefined;
  const syntax = commandSyntax(command);
  if (syntax === undefined) return `no command ${command}`;
  if (rest.some(placeholder)) return undefined;
  try {
    const { positionals } = parseArgs({
      args: [...rest],
      options: syntax.options,
      strict: true,
      allowPositionals: syntax.operands,
    });
    if (syntax.operands && positionals.length === 0) return `${command} needs its files or folder`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return undefined;
}

/** Why a documented command would not work as written after the README's install, or undefined. */
function problem(command: string): string | undefined {
  const w = words(command);
  if (w[0] === "uses:") {
    const ref = /\/image-tag-conformance@(.+)$/.exec(w[1] ?? "")?.[1];
    if (ref === undefined) return undefined; // another action (setup-node, upload-artifact)
    return ref === "main" || /^[0-9a-f]{40}$/.test(ref) ? undefined : `no such ref: ${ref}`;
  }
  if (w[0] === "image-tag-conformance") return refusal(w.slice(1));
  if (w[0] === "npx") {
    if (w[1] !== "--yes") return "npx without --yes asks before it installs (a CI job has no one to answer)";
    if (!gitSpec.test(w[2] ?? "")) return `npx of ${w[2] ?? ""}: not the git URL of the README's Install`;
    // Without a command, the text names the way to run it (as ci.md's prose does).
    return w.length === 3 ? undefined : refusal(w.slice(3));
  }
  if (w[0] === "npm") {
    if (w[1] === "start" || w[1] === "test" || w[1] === "ci" || w[1] === "pack" || w[1] === "link")
      return w.length === 2 ? undefined : `npm ${w[1]} takes no argument here`;
    if (w[1] === "run")
      return pkg.scripts[w[2] ?? ""] === undefined ? `no npm script ${w[2] ?? ""}` : undefined;
    if (w[1] === "install" && w[2] === "--global")
      return w[3] === "." || w[3] === `./image-tag-conformance-${pkg.version}.tgz`
        ? undefined
        : `npm install --global ${w[3] ?? ""}: not a form of the README's Install`;
    return `npm ${w.slice(1).join(" ")}: not a form of the README's Install`;
  }
  return undefined; // openssl, printf, umask, cat, echo, cp, bash ...: not the CLI
}

describe("every command the README, the how-to pages and the workflow example show", () => {
  it("is found (the extraction sees the commands of each page)", () => {
    const of = (page: string): string[] => documented.filter(([p]) => p === page).map(([, c]) => c);
    expect(of("README.md")).toEqual(
      expect.arrayContaining([
        "npm ci",
        "npm start",
        "npm test",
        "npm install --global .",
        "npm pack",
        `npm install --global ./image-tag-conformance-${pkg.version}.tgz`,
      ]),
    );
    // The version the Install section names is the package's.
    expect(read("README.md")).toContain(`\`image-tag-conformance --version\` prints ${pkg.version},`);
    for (const page of ["docs/how-to/ci.md", "docs/examples/github-workflow.yml"])
      expect(of(page).filter((c) => c.includes(" merge "))).not.toEqual([]);
    expect(of("docs/how-to/certify-and-verify.md").filter((c) => c.includes(" verify-report "))).not.toEqual(
      [],
    );
  });

  it("works as written after the README's install: commands and options the CLI parses, refs that exist", () => {
    const problems: string[] = [];
    for (const [page, command] of documented) {
      const why = problem(command);
      if (why !== undefined) problems.push(`${page}: ${command}: ${why}`);
    }
    expect(problems).toEqual([]);
  });

  it("names the public key as the README does (vendor-pub.pem), and the signing key likewise", () => {
    const keyOf = (page: string, option: string): string[] =>
      documented
        .filter(([p, c]) => p === page && c.startsWith("image-tag-conformance "))
        .flatMap(([, c]) => {
          const w = words(c);
          const i = w.indexOf(option);
          return i < 0 ? [] : [w[i + 1] ?? ""];
        });
    for (const page of ["README.md", "docs/how-to/certify-and-verify.md"]) {
      expect([page, keyOf(page, "--key")]).toEqual([page, ["vendor-pub.pem"]]);
      expect([page, keyOf(page, "--sign")]).toEqual([page, ["vendor-key.pem"]]);
    }
  });
});

describe("the checks themselves", () => {
  it.each([
    "npx --yes image-tag-conformance@0.1.0 merge runs/*/report.json --out merged",
    "npx image-tag-conformance run",
    "uses: your-org/image-tag-conformance@v0.1.0",
    "image-tag-conformance run --os-clod owner",
    "image-tag-conformance verify-report --key vendor-pub.pem",
    "image-tag-conformance frobnicate",
    "npm install --global image-tag-conformance",
    "npm run no-such-script",
  ])("refuse %s", (command) => {
    expect(problem(command)).toBeDefined();
  });
});

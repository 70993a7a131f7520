import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { runOptions } from "../../src/cli/runOptions";
import { packageRoot } from "../../src/util/packageRoot";

interface Step {
  readonly id?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Readonly<Record<string, unknown>>;
  readonly env?: Readonly<Record<string, unknown>>;
}
interface Action {
  readonly name: string;
  readonly inputs: Readonly<Record<string, { readonly description: string; readonly default?: string }>>;
  readonly outputs: Readonly<Record<string, { readonly value: string }>>;
  readonly runs: { readonly using: string; readonly steps: readonly Step[] };
}

/** Inputs of the action itself, not options of `run`: the Node version and the artifact's name. */
const actionOnly = ["node-version", "artifact-name"];

const text = readFileSync(join(packageRoot, "action.yml"), "utf8");
const action = parse(text) as Action;
const inputsUsed = (s: string): string[] =>
  [...s.matchAll(/\$\{\{[^}]*?\binputs\.([\w-]+)/g)].map((m) => m[1] ?? "");

describe("action.yml", () => {
  it("is a composite action: setup-node, install and build from its own folder, run, upload always", () => {
    expect(action.runs.using).toBe("composite");
    const steps = action.runs.steps;
    expect(steps[0]?.uses).toMatch(/^actions\/setup-node@v\d+$/);
    const build = steps.find((s) => s.run?.includes("npm ci") === true);
    expect(build?.run).toMatch(/npm run build/);
    expect((build as { "working-directory"?: string } | undefined)?.["working-directory"]).toBe(
      "${{ github.action_path }}",
    );
    const run = steps.find((s) => s.id === "run");
    expect(run?.env?.["ITC_CLI"]).toBe("${{ github.action_path }}/dist/src/cli/main.js");
    const upload = steps.find((s) => s.uses?.startsWith("actions/upload-artifact@") === true);
    // Always (a failed run's evidence too), unless the run step refused a signing key inside `out`.
    expect(upload?.if).toBe("always() && steps.run.outputs.upload != 'false'");
    expect(upload?.with?.["path"]).toBe("${{ inputs.out }}");
    expect(Object.keys(action.outputs)).toEqual(["verdict", "exit-code", "report", "attestation"]);
  });

  it("every input is an option of `run` (or one of the action's own), and every option input is passed on", () => {
    const options = new Set(Object.keys(runOptions));
    const inputs = Object.keys(action.inputs);
    expect(inputs.filter((i) => !options.has(i) && !actionOnly.includes(i))).toEqual([]);
    // No token or password as an input: secrets come from the environment.
    expect(inputs.filter((i) => /token|password|secret/.test(i))).toEqual([]);
    const script = action.runs.steps.find((s) => s.id === "run")?.run ?? "";
    for (const input of inputs.filter((i) => options.has(i))) {
      const passed =
        new RegExp(`^(option|flag) ${input} "\\$IN_${input.toUpperCase().replace(/-/g, "_")}"$`, "m").test(
          script,
        ) ||
        (input === "out" && script.includes('args=(run --out "$IN_OUT")'));
      expect([input, passed]).toEqual([input, true]);
    }
  });

  it("every ${{ inputs.X }} it uses is declared, and every declared input is used", () => {
    const used = new Set(inputsUsed(text));
    const declared = Object.keys(action.inputs);
    expect([...used].filter((u) => !declared.includes(u))).toEqual([]);
    expect(declared.filter((d) => !used.has(d))).toEqual([]);
  });

  it("can sign: a `sign` input passed on as run --sign, and the attestation's path as an output", () => {
    expect(action.inputs["sign"]?.description).toMatch(/ed25519 private key/);
    expect(action.runs.steps.find((s) => s.id === "run")?.run).toMatch(/^option sign "\$IN_SIGN"$/m);
    expect(action.outputs["attestation"]?.value).toBe("${{ steps.run.outputs.attestation }}");
  });

  it("no ${{ }} expression inside a run script (inputs reach scripts as environment variables)", () => {
    for (const step of action.runs.steps) expect(step.run ?? "").not.toMatch(/\$\{\{/);
  });
});

describe("docs/examples/github-workflow.yml", () => {
  const workflow = parse(
    readFileSync(join(packageRoot, "docs", "examples", "github-workflow.yml"), "utf8"),
  ) as {
    jobs: Readonly<
      Record<string, { strategy?: { matrix?: { include?: readonly unknown[] } }; steps: readonly Step[] }>
    >;
  };

  it("is YAML with a matrix of several targets, using the action with declared inputs only, and a merge job", () => {
    const conformance = workflow.jobs["conformance"];
    expect(conformance?.strategy?.matrix?.include?.length).toBeGreaterThanOrEqual(2);
    const uses = conformance?.steps.find((s) => s.uses?.includes("/image-tag-conformance@") === true);
    expect(uses).toBeDefined();
    const declared = Object.keys(action.inputs);
    expect(Object.keys(uses?.with ?? {}).filter((k) => !declared.includes(k))).toEqual([]);
    // Secrets travel as environment variables, never as inputs.
    expect(JSON.stringify(uses?.with)).not.toMatch(/secrets\./);
    for (const job of Object.values(workflow.jobs))
      for (const step of job.steps) expect(step.run ?? "").not.toMatch(/\$\{\{/);
    // The merge job has no clone: it runs the CLI from the git URL, as the README's Install says.
    const merge = workflow.jobs["merge"];
    expect(
      merge?.steps.some((s) =>
        /npx --yes "git\+https:\/\/\S+\/image-tag-conformance\.git#main" merge /.test(s.run ?? ""),
      ) ?? false,
    ).toBe(true);
    // A ref that exists: the branch main, or a commit's full SHA (no tag is published).
    expect(uses?.uses).toMatch(/@(main|[0-9a-f]{40})$/);
  });
});

const ciDoc = readFileSync(join(packageRoot, "docs", "how-to", "ci.md"), "utf8");

describe("docs/how-to/ci.md's table of inputs", () => {
  it("is action.yml's list of inputs, exactly: name, default and description, in the same order", () => {
    const rows = [...ciDoc.matchAll(/^\| `([\w-]+)` +\| (?:`([^`]*)`)? *\| (.+?) +\|$/gm)].map((m) => ({
      input: m[1],
      default: m[2] ?? "",
      description: m[3],
    }));
    expect(rows).toEqual(
      Object.entries(action.inputs).map(([input, i]) => ({
        input,
        default: i.default ?? "",
        description: i.description,
      })),
    );
  });
});

describe("docs/how-to/ci.md's .gitlab-ci.yml", () => {
  const doc = ciDoc;
  const block = /```yaml\n# \.gitlab-ci\.yml\n([\s\S]*?)```/.exec(doc)?.[1];

  it("is YAML whose conformance job keeps its reports always and hands GitLab the junit.xml of its run", () => {
    expect(block).toBeDefined();
    const ci = parse(block ?? "") as Record<
      string,
      { script?: string[]; artifacts?: { when?: string; paths?: string[]; reports?: { junit?: string } } }
    >;
    const job = ci["image-tag-conformance"];
    expect(job?.artifacts?.when).toBe("always");
    expect(job?.artifacts?.reports?.junit).toBe("reports/$CLOUD/junit.xml");
    expect(job?.script?.[0]).toMatch(/ run .*--out "reports\/\$CLOUD"$/);
    expect(ci["merge"]?.script?.[0]).toMatch(/ merge reports\/\*\/report\.json /);
  });
});

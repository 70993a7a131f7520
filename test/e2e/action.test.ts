import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { packageRoot } from "../../src/util/packageRoot";
import { cleanEnv, cliPath, readReport, runCli, tempOut, withServe } from "../support/cli";

interface Step {
  readonly id?: string;
  readonly run?: string;
  readonly env?: Readonly<Record<string, string>>;
}
const action = parse(readFileSync(join(packageRoot, "action.yml"), "utf8")) as {
  inputs: Readonly<Record<string, { default?: string }>>;
  runs: { steps: readonly Step[] };
};
const runStep = action.runs.steps.find((s) => s.id === "run");

/**
 * Runs the action's "run" step as GitHub's runner would (bash -eo pipefail), with its env evaluated for the
 * given inputs (the rest at their defaults) and the CLI built here as github.action_path's; returns the step's
 * outputs (GITHUB_OUTPUT).
 */
function runActionStep(
  inputs: Readonly<Record<string, string>>,
  env: Readonly<Record<string, string>> = {},
): Promise<Record<string, string>> {
  const stepEnv: Record<string, string> = {};
  for (const [name, value] of Object.entries(runStep?.env ?? {}))
    stepEnv[name] = value
      .replace("${{ github.action_path }}/dist/src/cli/main.js", cliPath)
      .replace(
        /\$\{\{ inputs\.([\w-]+) \}\}/g,
        (_, input: string) => inputs[input] ?? action.inputs[input]?.default ?? "",
      );
  const outputFile = join(tempOut(), "github-output");
  return new Promise((resolve, reject) => {
    const child = spawn(
      "bash",
      ["--noprofile", "--norc", "-eo", "pipefail", "-c", runStep?.run ?? "exit 99"],
      {
        env: cleanEnv({ ...env, ...stepEnv, GITHUB_OUTPUT: outputFile }),
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) {
        reject(new Error(`the step failed (${String(code)}): ${stderr}`));
        return;
      }
      const lines = readFileSync(outputFile, "utf8").trim().split("\n");
      resolve(
        Object.fromEntries(lines.map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)])),
      );
    });
  });
}

describe("action.yml's run step, executed", () => {
  it("embedded reference: outputs exit-code 0 and verdict conformant; inputs reach the CLI's options", async () => {
    const out = tempOut();
    const outputs = await runActionStep({ out, seed: "7", "product-name": "Lab Glance", runs: "5" });
    expect(outputs).toEqual({
      "exit-code": "0",
      verdict: "conformant",
      report: `${out}/report.json`,
      attestation: "",
    });
    const report = readReport(out);
    expect(report.seed).toBe(7);
    expect(report.settings.runs).toBe(5);
    expect(report.product).toEqual({ name: "Lab Glance" });
  });

  it("a broken target (serve --mutant status-200, tokens from env, --strict): exit-code 1, non-conformant, and the step itself still succeeds", async () => {
    const tokens = { ITC_TOKEN: "owner-token", ITC_ALT_TOKEN: "alt-token" };
    await withServe(["--mutant", "status-200"], {}, async (server) => {
      const out = tempOut();
      const outputs = await runActionStep(
        { out, target: server.url, rate: "0", strict: "true", only: "204-delete-present-tag" },
        tokens,
      );
      expect(outputs).toEqual({
        "exit-code": "1",
        verdict: "non-conformant",
        report: `${out}/report.json`,
        attestation: "",
      });
      const report = readReport(out);
      expect(report.target.url).toBe(server.url);
      expect(report.settings.strict).toBe(true);
      expect(report.settings.only).toEqual(["204-delete-present-tag"]);
    });
  });

  it("sign: the run is signed with the key file the input names; the attestation output verifies", async () => {
    const keys = tempOut();
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    writeFileSync(join(keys, "vendor-key.pem"), privateKey.export({ type: "pkcs8", format: "pem" }));
    writeFileSync(join(keys, "vendor-pub.pem"), publicKey.export({ type: "spki", format: "pem" }));
    const out = join(tempOut(), "certification");
    const outputs = await runActionStep({
      out,
      runs: "3",
      sign: join(keys, "vendor-key.pem"),
      vendor: "Example Cloud",
      "product-name": "Example Image Service",
    });
    expect(outputs).toEqual({
      "exit-code": "0",
      verdict: "conformant",
      report: `${out}/report.json`,
      attestation: `${out}/attestation.json`,
    });
    const check = await runCli(["verify-report", out, "--key", join(keys, "vendor-pub.pem")]);
    expect([check.code, check.stderr]).toEqual([0, ""]);
    expect(check.stdout).toMatch(/^verified: /m);
  });

  it("sign with a key inside out: refused (exit-code 2, upload false) before anything runs", async () => {
    const out = tempOut();
    mkdirSync(join(out, "keys"));
    writeFileSync(
      join(out, "keys", "vendor-key.pem"),
      generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "pem" }),
    );
    const outputs = await runActionStep({ out, sign: join(out, "keys", "vendor-key.pem") });
    expect(outputs).toEqual({ "exit-code": "2", upload: "false" });
    expect(existsSync(join(out, "report.json"))).toBe(false);
  });

  it("without sign: the attestation output is empty", async () => {
    const out = tempOut();
    const outputs = await runActionStep({ out, only: "204-delete-present-tag" });
    expect(outputs).toMatchObject({ "exit-code": "4", attestation: "" });
    expect(existsSync(join(out, "attestation.json"))).toBe(false);
  });
});

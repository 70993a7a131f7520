import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Report } from "../../reports/Report";
import { packageRoot } from "../../src/util/packageRoot";
import { tempFolder } from "./tempFolder";

/**
 * The built CLI (npm test builds it first): e2e tests run it exactly as a user does. ITC_CLI_PATH runs them
 * against another build instead (to show that a test fails on an older version).
 */
export const cliPath = process.env["ITC_CLI_PATH"] ?? join(packageRoot, "dist", "src", "cli", "main.js");

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The environment of a child CLI: this one's, minus any token a developer may have exported, and minus colour
 * settings (jest sets FORCE_COLOR for its workers on a terminal) and GitHub Actions variables (the suite's own CI
 * must not publish every child run): a test sets what it means to test.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const dropped = new Set([
    "ITC_TOKEN",
    "ITC_ALT_TOKEN",
    "FORCE_COLOR",
    "NO_COLOR",
    "GITHUB_ACTIONS",
    "GITHUB_STEP_SUMMARY",
  ]);
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !dropped.has(name)));
  return { ...env, ...extra };
}

export function runCli(
  args: readonly string[],
  env: Record<string, string> = {},
  onStderr?: (text: string, child: ChildProcess) => void,
  cwd?: string,
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      env: cleanEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
      ...(cwd === undefined ? {} : { cwd }),
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      onStderr?.(stderr, child);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ code, stdout, stderr });
    });
  });
}

export function tempOut(): string {
  return tempFolder("itc-e2e-");
}

export function readReport(dir: string): Report {
  return JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as Report;
}

/** `serve` as a child process on a free port; resolves once it prints the URL it listens on. */
export function serve(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, "serve", "--port", "0", ...args], {
      env: cleanEnv(env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const stop = (): Promise<void> =>
      new Promise((done) => {
        if (child.exitCode !== null) {
          done();
          return;
        }
        child.on("close", () => {
          done();
        });
        child.kill("SIGTERM");
      });
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1] !== undefined) resolve({ url: m[1], stop });
    });
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("close", (code) => {
      reject(new Error(`serve exited with ${String(code)}: ${out}`));
    });
  });
}

/** Runs fn against `serve` as a child process and stops it afterwards, whatever fn does. */
export async function withServe<T>(
  args: readonly string[],
  env: Record<string, string>,
  fn: (server: { url: string }) => Promise<T>,
): Promise<T> {
  const server = await serve(args, env);
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Report, ScenarioEntry } from "../../../reports/Report";
import { cleanEnv, cliPath } from "../../../test/support/cli";
import { openstackDir, readTargetEnv } from "./openstackTarget";
import { ownerImages, usersOwnImage, type ListedImage } from "./ownerImages";

export interface RunOptions {
  /** tokens: --target with the script's ITC_TOKEN/ITC_ALT_TOKEN; clouds: --os-cloud owner --alt-os-cloud alt. */
  readonly identities?: "tokens" | "clouds";
  /** The --target URL of a tokens run (default: Glance itself). */
  readonly target?: string;
  /** More options, also after the exact command of asUserTypes (a --runs, to time a depth beside the default). */
  readonly extra?: readonly string[];
  /**
   * The exact certification command a user types, `run --os-cloud owner --alt-os-cloud alt --profile <p>`: no
   * --seed, --rate, --runs, --quiet or --out (the run writes reports/latest in a folder of its own); then extra.
   */
  readonly asUserTypes?: boolean;
  /**
   * Exactly these arguments (a command the README shows, with its own --out), through clouds.yaml; the report is read
   * from `report`, the command run in `cwd`. Behind TLS --os-cacert is added, as for asUserTypes.
   */
  readonly command?: { readonly args: readonly string[]; readonly cwd: string; readonly report: string };
}

export interface GlanceRun {
  readonly code: number | null;
  readonly stderr: string;
  readonly report: Report;
  readonly core: ScenarioEntry[];
  /** From spawning the CLI to its exit, as a user would time it. */
  readonly wallMs: number;
}

interface ImageCounts {
  readonly command: string;
  readonly before: readonly ListedImage[];
  readonly after: readonly ListedImage[];
}

const unchecked: ImageCounts[] = [];

function spawnCli(
  args: readonly string[],
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd,
      env: cleanEnv(env),
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      resolve({ code, stderr });
    });
  });
}

/**
 * One run of the real CLI against Glance (through a proxy when `target` says so). The owner project's images are
 * listed through the Image API before and after; expectOwnerImagesKept() (every file's afterEach) compares them.
 */
export async function runAgainstGlance(profile: string, options: RunOptions = {}): Promise<GlanceRun> {
  const glance = readTargetEnv();
  const cwd = options.command?.cwd ?? mkdtempSync(join(tmpdir(), "itc-glance-"));
  const clouds =
    options.command !== undefined || options.asUserTypes === true || options.identities === "clouds";
  // Behind TLS the operator gives the private CA, as any OpenStack client takes it.
  const tls = glance.cacert === undefined ? [] : ["--os-cacert", glance.cacert];
  const args = options.command
    ? [...options.command.args, ...tls]
    : options.asUserTypes
      ? [
          "run",
          "--os-cloud",
          "owner",
          "--alt-os-cloud",
          "alt",
          "--profile",
          profile,
          ...tls,
          ...(options.extra ?? []),
        ]
      : [
          "run",
          "--profile",
          profile,
          "--seed",
          "1",
          "--rate",
          "0",
          "--quiet",
          ...(clouds
            ? ["--os-cloud", "owner", "--alt-os-cloud", "alt"]
            : ["--target", options.target ?? glance.target]),
          ...tls,
          ...(options.extra ?? []),
        ];
  const env: Record<string, string> = clouds
    ? {
        OS_CLIENT_CONFIG_FILE: join(openstackDir, "clouds.yaml"),
        OS_CLIENT_SECURE_FILE: join(openstackDir, "secure.yaml"),
      }
    : { ITC_TOKEN: glance.token, ITC_ALT_TOKEN: glance.altToken };
  const before = await ownerImages(glance.glancePlain);
  const started = performance.now();
  const r = await spawnCli(args, env, cwd);
  const wallMs = performance.now() - started;
  unchecked.push({ command: args.join(" "), before, after: await ownerImages(glance.glancePlain) });
  const reportPath = options.command?.report ?? join(cwd, "reports", "latest", "report.json");
  const report = JSON.parse(readFileSync(reportPath, "utf8")) as Report;
  return {
    code: r.code,
    stderr: r.stderr,
    report,
    core: report.statuses.flatMap((s) => s.scenarios).filter((s) => s.tier === "core"),
    wallMs,
  };
}

/**
 * For every run since the last call: the owner project holds the same images after the run as before it, the ones it
 * had unchanged (issue 11: a scratch image the cloud stored despite an error answer must not stay behind, and the
 * user's own images are not touched).
 */
export function expectOwnerImagesKept(): void {
  for (const { command, before, after } of unchecked.splice(0)) {
    // At most 10 names each: a leak can be hundreds of images.
    const show = (images: readonly ListedImage[]): string[] => [
      ...images.slice(0, 10).map((i) => `${i.name} (${i.status}, ${i.id})`),
      ...(images.length > 10 ? [`... ${images.length - 10} more`] : []),
    ];
    const ids = new Set(before.map((i) => i.id));
    const now = new Map(after.map((i) => [i.id, i]));
    const same = (a: ListedImage, b: ListedImage): boolean =>
      a.updatedAt === b.updatedAt && a.status === b.status && a.tags.join("\n") === b.tags.join("\n");
    // The owner's own image (support/globalSetup.ts) is there to be kept.
    expect(before.map((i) => i.name)).toContain(usersOwnImage);
    expect({
      command,
      count: after.length,
      added: show(after.filter((i) => !ids.has(i.id))),
      removed: show(before.filter((i) => !now.has(i.id))),
      changed: show(before.filter((i) => now.has(i.id) && !same(i, now.get(i.id) ?? i))),
    }).toEqual({ command, count: before.length, added: [], removed: [], changed: [] });
  }
}

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import type { ImageRecord } from "../../src/reference/ImageRecord";
import { readRecords } from "../../src/cli/runRecord";
import { runCli, type CliResult } from "../support/cli";
import { leakedSecrets } from "../support/hostile/tokenLeaks";
import { killRun, type KillMoment } from "../support/killRun";
import { profile } from "../support/profiles";
import { startReference, tokens } from "../support/reference";

// Issue 11: nothing cleans up after SIGKILL. Twenty runs are killed at seeded random moments (during setup,
// mid-run, during their own cleanup) against one reference that also holds a user's own images; then the
// `cleanup` command must find the suite's scratch images by their names, show them, delete them only with
// --yes, and never touch anything else. A run's images are found by the names its record on this machine
// keeps (each run draws one name from its seed and id), or, for --older-than, by the names' shape and age.

const env = { ITC_TOKEN: tokens.owner, ITC_ALT_TOKEN: tokens.alt };
/** A scratch image's name: the prefix and ten characters drawn from the run's seed and id (a label for its own). */
const scratchName = /^itc-[a-z0-9]{10}(-[a-z0-9]{3})?$/;
/** The run that recorded a name (each run keeps its names in its record, in the tests' ITC_STATE_DIR). */
const runOf = (name: string | null | undefined): string | undefined =>
  readRecords().find((r) => r.names.includes(name ?? ""))?.runId;

type Reference = Awaited<ReturnType<typeof startReference>>;
let ref: Reference;
/** The user's own images: id -> how they looked before any run (their GET text, and the whole record). */
const user = new Map<string, { as: string; shown: string; record: string }>();
const kills: { moment: KillMoment; phase: string }[] = [];
let leftByKills = 0;
/** The killed runs' out dirs and TMPDIR (a killed run leaves its pact folder there), removed afterwards. */
const scratchDir = mkdtempSync(join(tmpdir(), "itc-kill-"));

function recordOf(image: ImageRecord | undefined): string {
  return JSON.stringify(image === undefined ? null : { ...image, members: [...image.members.entries()] });
}

async function call(method: string, path: string, token: string, body?: unknown): Promise<Response> {
  return fetch(`${ref.url}${path}`, {
    method,
    headers: {
      "X-Auth-Token": token,
      Accept: "application/json",
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function userImage(token: string, body: Record<string, unknown>): Promise<string> {
  const res = await call("POST", "/v2/images", token, body);
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** The scratch images on the reference: every image that is not the user's. */
function scratch(): ImageRecord[] {
  return [...ref.server.images.values()].filter((i) => !user.has(i.id));
}

/** The user's images as they are now, against the snapshot: the ids whose GET text or record changed. */
async function changedUserImages(): Promise<string[]> {
  const changed: string[] = [];
  for (const [id, before] of user) {
    const shown = await (await call("GET", `/v2/images/${id}`, before.as)).text();
    if (shown !== before.shown || recordOf(ref.server.images.get(id)) !== before.record) changed.push(id);
  }
  return changed;
}

function cleanup(args: readonly string[]): Promise<CliResult> {
  return runCli(["cleanup", "--target", ref.url, ...args], env);
}

function noTokenIn(r: CliResult): void {
  expect(leakedSecrets(`${r.stdout}\n${r.stderr}`, [tokens.owner, tokens.alt])).toEqual([]);
}

beforeAll(async () => {
  // A few ms per answer, so that a run lasts longer than the kill window whatever the machine's speed.
  ref = await startReference(await profile("huawei-ims"), { latencyMs: 20 });
  // The user's own images: some tagged, one shared with alt and accepted, one whose name starts like the
  // suite's but is not a run's, one without a name, and one of the alt project's.
  const ids = [
    [await userImage(tokens.owner, { name: "user-image-1", tags: ["prod", "keep-me"] }), tokens.owner],
    [await userImage(tokens.owner, { name: "itc-looks-like-ours", tags: ["itc"] }), tokens.owner],
    [await userImage(tokens.owner, { name: "itc-20261126T190512", visibility: "private" }), tokens.owner],
    [await userImage(tokens.owner, {}), tokens.owner],
    [await userImage(tokens.alt, { name: "alt-own-image", tags: ["alt"] }), tokens.alt],
  ] as const;
  const shared = await userImage(tokens.owner, { name: "user-shared", tags: ["shared"] });
  expect((await call("POST", `/v2/images/${shared}/members`, tokens.owner, { member: "p-alt" })).status).toBe(
    200,
  );
  const accept = await call("PUT", `/v2/images/${shared}/members/p-alt`, tokens.alt, { status: "accepted" });
  expect(accept.status).toBe(200);
  for (const [id, as] of [...ids, [shared, tokens.owner] as const]) {
    const shown = await (await call("GET", `/v2/images/${id}`, as)).text();
    user.set(id, { as, shown, record: recordOf(ref.server.images.get(id)) });
  }
  // 20 runs, each killed with SIGKILL: most after a seeded delay from the start (setup or mid-run), every
  // fourth a seeded few ms after it starts its own cleanup.
  const delays = fc.sample(fc.integer({ min: 100, max: 3000 }), { seed: 11, numRuns: 20 });
  for (const [i, delay] of delays.entries()) {
    const moment: KillMoment = i % 4 === 3 ? { afterCleanupStartsMs: delay % 40 } : { afterMs: delay };
    const out = join(scratchDir, `run-${i}`);
    const args = ["run", "--target", ref.url, "--rate", "0", "--out", out];
    const killed = await killRun(args, { ...env, TMPDIR: scratchDir }, moment);
    kills.push({ moment, phase: killed.phase });
  }
  leftByKills = scratch().length;
  process.stdout.write(
    `killAndCleanup: ${kills.filter((k) => !k.phase.startsWith("finished")).length} runs killed, ` +
      `${leftByKills} scratch images left before cleanup; kills landed: ${kills.map((k) => k.phase).join("; ")}\n`,
  );
}, 240_000);

afterAll(async () => {
  await ref.server.close();
  rmSync(scratchDir, { recursive: true, force: true });
});

describe("after 20 runs killed with SIGKILL", () => {
  it("the kills left scratch images behind, named after their runs, and at least 15 kills landed", () => {
    expect(
      kills.filter((k) => k.phase !== "" && !k.phase.startsWith("finished")).length,
    ).toBeGreaterThanOrEqual(15);
    expect(kills.some((k) => k.phase === "cleanup")).toBe(true);
    expect(leftByKills).toBeGreaterThan(0);
    expect(scratch().filter((i) => !scratchName.test(i.name ?? "") || runOf(i.name) === undefined)).toEqual(
      [],
    );
  });

  it("cleanup without --yes lists every scratch image (id and name on one line) and deletes nothing", async () => {
    const before = scratch()
      .map((i) => i.id)
      .sort();
    const r = await cleanup(["--older-than", "0"]);
    noTokenIn(r);
    expect(
      scratch()
        .map((i) => i.id)
        .sort(),
    ).toEqual(before);
    const lines = r.stdout.split("\n");
    const unlisted = scratch().filter(
      (i) => !lines.some((l) => l.includes(i.id) && l.includes(i.name ?? "?")),
    );
    expect({ unlisted: unlisted.length, first: unlisted.slice(0, 3).map((i) => i.name) }).toEqual({
      unlisted: 0,
      first: [],
    });
    expect([...user.keys()].filter((id) => r.stdout.includes(id))).toEqual([]);
    expect(await changedUserImages()).toEqual([]);
  });

  it("cleanup --older-than 1d --yes deletes nothing: every scratch image is younger", async () => {
    const before = scratch().length;
    const r = await cleanup(["--older-than", "1d", "--yes"]);
    noTokenIn(r);
    expect(r.stderr).not.toMatch(/unknown command|internal error/);
    expect(scratch()).toHaveLength(before);
  });

  it("cleanup --run-id <id> --yes deletes that run's images only, and exits 0", async () => {
    const chosen = runOf(scratch()[0]?.name);
    expect(chosen).toBeDefined();
    const ofChosen = (i: ImageRecord): boolean => runOf(i.name) === chosen;
    const others = scratch()
      .filter((i) => !ofChosen(i))
      .map((i) => i.id);
    expect(scratch().filter(ofChosen).length).toBeGreaterThan(0);
    const r = await cleanup(["--run-id", chosen ?? "", "--yes"]);
    noTokenIn(r);
    expect(r.code).toBe(0);
    expect(scratch().filter(ofChosen)).toEqual([]);
    expect(
      scratch()
        .map((i) => i.id)
        .sort(),
    ).toEqual(others.sort());
    expect(await changedUserImages()).toEqual([]);
  });

  it("cleanup --older-than 0 --yes exits 0, leaves 0 scratch images, and the user's images byte-identical", async () => {
    const r = await cleanup(["--older-than", "0", "--yes"]);
    noTokenIn(r);
    expect(r.code).toBe(0);
    expect(scratch().map((i) => i.name)).toEqual([]);
    expect([...ref.server.images.keys()].sort()).toEqual([...user.keys()].sort());
    expect(await changedUserImages()).toEqual([]);
  });

  it("bad input: a bad duration, or neither --run-id nor --older-than, is one line naming the option, exit 2", async () => {
    const cases = [
      { args: ["--older-than", "5x"], names: /older-than|duration/ },
      { args: [], names: /run-id|older-than/ },
    ];
    for (const { args, names } of cases) {
      const r = await cleanup(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(names);
      expect(r.stderr).not.toMatch(/unknown command|internal error/);
    }
  });
});

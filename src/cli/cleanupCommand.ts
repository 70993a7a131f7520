import { parseArgs } from "node:util";
import { keystoneTarget } from "../auth/keystoneTarget";
import { ConfigError } from "../config/ConfigError";
import { resolveRunConfig } from "../config/resolveRunConfig";
import { listImages, type ListedImage } from "../engine/listImages";
import { redactorFor } from "../engine/redactorFor";
import { cleanupDeadlineMs } from "../engine/runSuite";
import {
  defaultNamePrefix,
  namePrefixPattern,
  parseDuration,
  runScratchName,
  selectsLegacy,
  type ScratchSelector,
} from "../engine/scratchNames";
import { ScratchImages, type Creator } from "../engine/ScratchImages";
import type { Target } from "../engine/Target";
import { Agents } from "../http/Agents";
import { HttpClient } from "../http/HttpClient";
import { emptyStats } from "../http/HttpStats";
import { Pacer } from "../http/Pacer";
import { loadProfile } from "../profile/loadProfile";
import type { Profile } from "../profile/Profile";
import { mapLimit } from "../util/mapLimit";
import { rateFor } from "./defaultRate";
import { ExitCode } from "./exitCodes";
import { makeRunId } from "./makeRunId";
import { pick, runOptions } from "./runOptions";
import { readRecords, removeRecord, RunRecorder, type RunRecord } from "./runRecord";

export const cleanupHelp = `Usage: image-tag-conformance cleanup (--run-id <id> | --older-than <duration>) [--yes] [options]

Finds the suite's own scratch images that a killed run left behind, owned by the owner's or the alt's project,
shows them, and deletes them only with --yes; then lists again. Its own: a name the run recorded on this machine
before creating it (each run keeps a record of its names), or, given --name-prefix, a name of the run-name shape
(the prefix, then ten letters or digits). It never touches another image, nor an image of another project.

  --run-id <id>          the images of one run (its id is in report.json and in the run's first line)
  --older-than <d>       the images of every run that started at least this long ago: 0, 90s, 30m, 2h, 1d
  --name-prefix <p>      also images named <p> + ten letters or digits created at least that long ago (for a
                         run of another machine: use the prefix that run used, one no other image has)
  --yes                  delete them (without it: a dry run, nothing is deleted)
Target and credentials as for run: --target with ITC_TOKEN (and ITC_ALT_TOKEN for the alt project's images),
or --os-cloud / --alt-os-cloud, --os-cacert, --insecure, --timeout, --profile.

Exit codes: 0 nothing of the suite's is left (or a dry run), 2 bad usage, 3 some images could not be deleted.
`;

export const options = {
  ...runOptions,
  "run-id": { type: "string" },
  "older-than": { type: "string" },
  yes: { type: "boolean" },
} as const;

/** Whether an image is one of the cleanup's: recorded, of the legacy pattern, or of the prefix's shape. */
function oursBy(
  selector: ScratchSelector,
  records: readonly RunRecord[],
  prefix: string | undefined,
): (image: ListedImage) => boolean {
  const names = new Set(records.flatMap((r) => r.names));
  const shaped =
    prefix === undefined
      ? undefined
      : new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[a-z0-9]{10}(-[a-z0-9]{3})?$`);
  return (image) => {
    if (names.has(image.name) || selectsLegacy(selector, image.name)) return true;
    if (shaped === undefined || "runId" in selector || !shaped.test(image.name)) return false;
    const created = image.createdAt === undefined ? NaN : Date.parse(image.createdAt);
    return !Number.isNaN(created) && selector.now - created >= selector.olderThanMs;
  };
}

function selectorOf(runId: string | undefined, olderThan: string | undefined): ScratchSelector {
  if ((runId === undefined) === (olderThan === undefined))
    throw new ConfigError("usage", "cleanup needs exactly one of --run-id <id> or --older-than <duration>");
  if (runId !== undefined) {
    if (!/^\d{8}T\d{6}-[0-9a-f]{6}$/.test(runId))
      throw new ConfigError(
        "bad-option",
        `--run-id "${runId}" is not a run id (like 20261126T190512-a1b2c3)`,
      );
    return { runId };
  }
  const ms = parseDuration(olderThan ?? "");
  if (ms === undefined)
    throw new ConfigError(
      "bad-option",
      `--older-than "${olderThan ?? ""}" is not a duration (0, 90s, 30m, 2h, 1d)`,
    );
  return { olderThanMs: ms, now: Date.now() };
}

/** A principal's project id: Keystone's, or the owner of a probe image it creates and deletes at once. */
async function projectOf(
  client: HttpClient,
  profile: Profile,
  as: Creator,
  known: string | undefined,
  prefix: string,
): Promise<string> {
  if (known !== undefined) return known;
  // Named and recorded like a run's scratch image: should its delete fail, a later cleanup finds it.
  const runId = makeRunId();
  const recorder = new RunRecorder(
    { runId, startedAt: new Date().toISOString(), target: "cleanup probe" },
    () => undefined,
  );
  const images = new ScratchImages(profile, runId, undefined, runScratchName(prefix, 0, runId), (n) => {
    recorder.add(n);
  });
  const create = profile.fixtures.get("createImage");
  if (create === undefined) throw new ConfigError("bad-profile", "the profile has no createImage operation");
  const res = await client.send({
    operationId: "createImage",
    method: "POST",
    path: create.pathTemplate,
    as,
    json: { name: images.nameOf("cleanup-probe"), visibility: "private", tags: [] },
    expect: [201],
  });
  const body = (() => {
    try {
      return JSON.parse(res.text) as { id?: unknown; owner?: unknown };
    } catch {
      return {};
    }
  })();
  if (res.status !== 201 || typeof body.id !== "string" || typeof body.owner !== "string")
    throw new ConfigError(
      "bad-target",
      `cannot learn the ${as} project: creating a probe image answered ${res.status}`,
    );
  images.register(body.id, as, body.owner);
  await images.discard(client, body.id);
  if (!images.has(body.id)) recorder.done();
  return body.owner;
}

interface Found extends ListedImage {
  readonly as: Creator;
}

/** `cleanup`: removes what killed runs left behind, and only that. */
export async function cleanupCommand(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  if (values.help === true) {
    console.log(cleanupHelp);
    return ExitCode.conformant;
  }
  const selector = selectorOf(values["run-id"], values["older-than"]);
  const prefix = values["name-prefix"];
  if (prefix !== undefined && (prefix === "" || !namePrefixPattern.test(prefix)))
    throw new ConfigError(
      "bad-option",
      `--name-prefix "${prefix}" must be 1 to 32 letters, digits, ".", "_" or "-"`,
    );
  const records = readRecords().filter((r) =>
    "runId" in selector
      ? r.runId === selector.runId
      : selector.now - Date.parse(r.startedAt) >= selector.olderThanMs,
  );
  const ours = oursBy(selector, records, prefix);
  const config = resolveRunConfig(
    { ...values, os: pick(values, "os-"), altOs: pick(values, "alt-os-") },
    process.env,
    false,
  );
  if (config.target.kind === "embedded")
    throw new ConfigError(
      "usage",
      "cleanup needs a target: --target with ITC_TOKEN, or --os-cloud (the embedded reference keeps nothing)",
    );
  const profile = await loadProfile(config.profile);
  const agents = new Agents(config.tls);
  const target: Target =
    config.target.kind === "keystone"
      ? await keystoneTarget(config.target, agents)
      : {
          kind: "live",
          baseUrl: config.target.url,
          label: config.target.url,
          credentials: { owner: config.target.token, alt: config.target.altToken },
          altProjectId: config.target.altProjectId,
          faults: undefined,
        };
  const redactor = redactorFor(target);
  const client = new HttpClient({
    baseUrl: target.baseUrl,
    authHeader: profile.authHeader,
    credentials: target.credentials,
    redactor,
    stats: emptyStats(),
    agents,
    pacer: new Pacer(((r) => (r > 0 ? 1000 / r : 0))(rateFor(config.rate, target.baseUrl))),
    timeoutMs: config.timeoutMs,
    beforeSend: async () => {
      for (const token of (await target.refresh?.()) ?? []) redactor.add(token);
    },
  });
  try {
    const who: Creator[] = target.credentials.alt === undefined ? ["owner"] : ["owner", "alt"];
    const projects = new Map<Creator, string>();
    for (const as of who)
      projects.set(
        as,
        await projectOf(
          client,
          profile,
          as,
          as === "owner" ? target.ownerProjectId : target.altProjectId,
          prefix ?? defaultNamePrefix,
        ),
      );
    let partial: string | undefined;
    const find = async (): Promise<Found[]> => {
      const found: Found[] = [];
      partial = undefined;
      for (const as of who) {
        const { images, status, incomplete } = await listImages(client, profile, as, {}, 200);
        if (status !== 200) throw new ConfigError("bad-target", `listing images as ${as} answered ${status}`);
        if (incomplete !== undefined) partial = `listing images as ${as} stopped at ${incomplete}`;
        // Ours: the suite's name pattern, and owned by this principal's project (a share from elsewhere is not).
        found.push(
          ...images.filter((i) => ours(i) && i.owner === projects.get(as)).map((i) => ({ ...i, as })),
        );
      }
      return found;
    };
    const found = await find();
    for (const i of found)
      console.log(
        `${i.id}  ${i.name}  (${i.as}${i.createdAt === undefined ? "" : `, created ${i.createdAt}`})`,
      );
    // A listing cut at its page cap may hide more of ours: never claim there is nothing left.
    const cut = (): string => (partial === undefined ? "" : ` (${partial}: there may be more)`);
    if (found.length === 0) {
      console.log(`no scratch image of this suite matches: nothing to delete${cut()}`);
      if (partial === undefined && values.yes === true) for (const r of records) removeRecord(r.runId);
      return partial === undefined ? ExitCode.conformant : ExitCode.aborted;
    }
    if (values.yes !== true) {
      console.log(
        `dry run: ${found.length} scratch images would be deleted${cut()}; run again with --yes to delete them`,
      );
      return ExitCode.conformant;
    }
    const images = new ScratchImages(profile, "cleanup", undefined);
    for (const i of found) images.register(i.id, i.as, i.owner);
    const deadline = Date.now() + cleanupDeadlineMs(config.timeoutMs);
    await mapLimit(found, 8, async (i) => {
      if (Date.now() < deadline) await images.discard(client, i.id);
    });
    const left = await find();
    for (const i of left) console.log(`LEFT: ${i.id}  ${i.name}  (${i.as})`);
    console.log(
      `deleted ${found.length - left.length} of ${found.length} scratch images${left.length > 0 ? `; ${left.length} could not be deleted` : ""}`,
    );
    if (partial !== undefined) console.log(`${partial}: run the cleanup again for the rest`);
    const clean = left.length === 0 && partial === undefined;
    // Every image those runs recorded is gone: their records have nothing more to find.
    if (clean) for (const r of records) removeRecord(r.runId);
    return clean ? ExitCode.conformant : ExitCode.aborted;
  } finally {
    agents.destroy();
  }
}

import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { packageRoot } from "../../src/util/packageRoot";
import { serveStates } from "./serveStates";
import { failureMark, type VerifyJob } from "./verifyInteraction";
import { check } from "../../src/engine/checks/Check";
import { unmetNeed } from "../../src/engine/runScenario";
import type { ScenarioContext } from "../../src/engine/ScenarioContext";
import type { Profile } from "../../src/profile/Profile";
import type { Need, Scenario } from "../../src/engine/Scenario";
import { states } from "../interactions";
import { pactNames, tokenPlaceholders } from "../pactNames";

interface PactInteraction {
  readonly description: string;
  readonly providerStates?: readonly {
    readonly name: string;
    readonly params?: Readonly<Record<string, unknown>>;
  }[];
  readonly response: { readonly status: number };
}
/** A pact file as read: its interactions, and the rest (consumer, provider, metadata) written back as is. */
interface PactFile extends Readonly<Record<string, unknown>> {
  readonly interactions: readonly PactInteraction[];
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/\(\d+\)/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Runs the verifier in a child process (its native output stays out of the user's summary). */
function runVerifier(job: VerifyJob, nonce: string): Promise<{ ok: boolean; message: string }> {
  return new Promise((resolve, reject) => {
    const script = join(packageRoot, "dist", "contracts", "verify", "verifyInteraction.js");
    // The child asks the parent for tokens (with the nonce) and needs none of the user's.
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ITC_VERIFY_JOB: JSON.stringify(job),
      ITC_VERIFY_NONCE: nonce,
    };
    delete env["ITC_TOKEN"];
    delete env["ITC_ALT_TOKEN"];
    const child = spawn(process.execPath, [script], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stdout.resume();
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const marked = stderr.split("\n").find((l) => l.startsWith(failureMark));
      const message =
        marked === undefined
          ? stderr.trim().split("\n").slice(-3).join(" ")
          : (JSON.parse(marked.slice(failureMark.length)) as string);
      resolve({ ok: code === 0, message });
    });
  });
}

function needsOf(state: string): Need[] {
  if (state === states.sharedImage) return ["alt-identity"];
  if (state === states.serviceFails || state === states.serviceUnavailable) return ["fault-injection"];
  return [];
}

/** Builds a provider state on the target from the fixture operations (and, on the embedded reference, its fault plan). */
async function setUpState(
  ctx: ScenarioContext,
  state: string,
  params: Readonly<Record<string, unknown>>,
): Promise<Record<string, string>> {
  const tag = typeof params["tag"] === "string" ? params["tag"] : ctx.tags.target;
  const tags = [tag, ...ctx.tags.others];
  if (state === states.noImage) return {};
  if (state === states.sharedImage) {
    const imageId = await ctx.fixtures.createImage("contract-shared", { visibility: "shared", tags });
    await ctx.fixtures.shareWithAlt(imageId);
    return { imageId, tag };
  }
  const imageId = await ctx.fixtures.createImage("contract", { tags });
  if (state === states.serviceFails) ctx.faults?.inject("deleteImageTag", 500);
  if (state === states.serviceUnavailable) ctx.faults?.inject("deleteImageTag", 503);
  return { imageId, tag };
}

interface Verdicts {
  readonly byDescription: ReadonlyMap<string, { readonly ok: boolean; readonly detail: string }>;
}

/** The interaction's own failures in the verifier's JSON report, if it failed. */
function failureOf(message: string, description: string): string | undefined {
  try {
    const parsed = JSON.parse(message) as {
      errors?: { interaction?: string; mismatch?: { mismatches?: { mismatch?: string; path?: string }[] } }[];
    };
    const mine = (parsed.errors ?? []).filter((e) => e.interaction?.endsWith(description) === true);
    if (mine.length === 0) return undefined;
    return mine
      .flatMap((e) => e.mismatch?.mismatches ?? [{ mismatch: "failed" }])
      .map((m) => `${m.path === undefined ? "" : `${m.path}: `}${m.mismatch ?? ""}`)
      .join("; ");
  } catch {
    return message.split("\n").slice(0, 3).join(" ");
  }
}

/** One verifier run for every interaction this target can be put into; each scenario then reads its own result. */
async function verifyAll(
  ctx: ScenarioContext,
  profile: Profile,
  pact: PactFile,
  interactions: readonly PactInteraction[],
): Promise<Verdicts> {
  const file = join(mkdtempSync(join(tmpdir(), "itc-pact-")), "pact.json");
  writeFileSync(file, JSON.stringify({ ...pact, interactions }));
  const names = pactNames(profile.id);
  const stateServer = await serveStates({
    setUp: (state, params) => setUpState(ctx, state, params),
    token: (who) => ctx.client.currentToken(who),
  });
  try {
    const job: VerifyJob = {
      provider: names.provider,
      baseUrl: ctx.target.baseUrl,
      pactFile: file,
      serverUrl: stateServer.url,
      states: [...new Set(interactions.flatMap((i) => (i.providerStates ?? []).map((p) => p.name)))],
      authHeader: profile.authHeader,
      placeholders: tokenPlaceholders,
    };
    const result = await runVerifier(job, stateServer.nonce);
    const failure = stateServer.error();
    if (failure instanceof Error) throw failure;
    const byDescription = new Map<string, { ok: boolean; detail: string }>();
    for (const i of interactions) {
      const failed = result.ok ? undefined : failureOf(result.message, i.description);
      byDescription.set(
        i.description,
        failed === undefined
          ? { ok: true, detail: `verified against ${ctx.target.baseUrl}` }
          : { ok: false, detail: failed },
      );
    }
    if (!result.ok && [...byDescription.values()].every((v) => v.ok)) {
      // The verifier failed without naming an interaction: every one is unproven.
      for (const i of interactions)
        byDescription.set(i.description, {
          ok: false,
          detail: failureOf(result.message, "") ?? result.message,
        });
    }
    return { byDescription };
  } finally {
    await stateServer.close();
  }
}

function contractScenario(
  profile: Profile,
  pact: PactFile,
  interaction: PactInteraction,
  session: { verdicts?: Promise<Verdicts> },
): Scenario {
  const state = interaction.providerStates?.[0];
  const status = interaction.response.status;
  const names = pactNames(profile.id);
  return {
    id: `${status}-contract-${slug(interaction.description)}`,
    title: `pact interaction "${interaction.description}"`,
    status,
    kind: "contract",
    tier: "core",
    expected: `the provider satisfies the consumer's interaction${state === undefined ? "" : ` given "${state.name}"`} (Pact verification)`,
    needs: needsOf(state?.name ?? ""),
    profiles: profile.id,
    appliesTo: (p) => p.id === profile.id,
    run: async (ctx) => {
      session.verdicts ??= verifyAll(
        ctx,
        profile,
        pact,
        pact.interactions.filter(
          (i) => unmetNeed(needsOf(i.providerStates?.[0]?.name ?? ""), ctx.target) === undefined,
        ),
      );
      const verdict = (await session.verdicts).byDescription.get(interaction.description);
      if (verdict === undefined) return { notExercised: "the interaction was not part of the verification" };
      ctx.probe.record(
        check(
          "pact interaction verified",
          verdict.ok,
          verdict.ok ? interaction.description : verdict.detail,
          `pact ${names.consumer} → ${names.provider}`,
        ),
      );
      ctx.probe.observations.push(verdict.ok ? verdict.detail : "verification failed");
      return undefined;
    },
  };
}

/** The Pact verification scenarios for a profile: one per interaction of its committed pact file, if it has one. */
export function contractScenarios(profile: Profile): Scenario[] {
  const { file } = pactNames(profile.id);
  if (!existsSync(file)) return [];
  const pact = JSON.parse(readFileSync(file, "utf8")) as PactFile;
  // One verification session per run: the first contract scenario starts it, the others read its results.
  const session: { verdicts?: Promise<Verdicts> } = {};
  return [...pact.interactions]
    .sort((a, b) => a.response.status - b.response.status)
    .map((i) => contractScenario(profile, pact, i, session));
}

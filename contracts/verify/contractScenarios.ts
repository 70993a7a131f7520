import { existsSync, readFileSync } from "node:fs";
import type { HttpMethod, Principal } from "../../src/http/Exchange";
import { runVerifier } from "./runVerifier";
import { pactPath, serveVerifier, type ForwardedRequest, type ForwardedResponse } from "./serveVerifier";
import { setUpState } from "./setUpState";
import type { VerifyJob } from "./VerifyJob";
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

function needsOf(state: string): Need[] {
  if (state === states.sharedImage) return ["alt-identity"];
  if (state === states.serviceFails || state === states.serviceUnavailable) return ["fault-injection"];
  return [];
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
/** The verifier's request, sent to the target by the run's client: tokens for the pact's placeholders. */
async function forward(
  ctx: ScenarioContext,
  profile: Profile,
  expect: readonly number[],
  req: ForwardedRequest,
): Promise<ForwardedResponse> {
  const header = profile.authHeader.toLowerCase();
  const placeholder = req.headers[header];
  const as: Principal =
    placeholder === undefined
      ? "anonymous"
      : placeholder === tokenPlaceholders.owner
        ? "owner"
        : placeholder === tokenPlaceholders.alt
          ? "alt"
          : { label: "the pact's token", token: placeholder };
  // The run's client sets these itself: its Accept, its User-Agent, Accept-Encoding: identity (it hands back
  // the body decoded), the Content-Type of its JSON body.
  const own = new Set([header, "content-type", "accept", "accept-encoding", "user-agent"]);
  const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !own.has(k)));
  let json: unknown;
  if (req.body !== "") json = JSON.parse(req.body) as unknown;
  const res = await ctx.client.send({
    operationId: profile.subject.operationId,
    method: req.method.toUpperCase() as HttpMethod,
    path: req.path,
    as,
    headers,
    json,
    // The pact itself judges each answer; the statuses its interactions expect are not property-8 breaches.
    expect,
    watched: true,
  });
  return { status: res.status, headers: res.headers, body: res.text };
}

/** One verifier run for every interaction this target can be put into; each scenario then reads its own result. */
async function verifyAll(
  ctx: ScenarioContext,
  profile: Profile,
  pact: PactFile,
  interactions: readonly PactInteraction[],
): Promise<Verdicts> {
  const names = pactNames(profile.id);
  const expected = [...new Set(interactions.map((i) => i.response.status))];
  // The child reads the pact from the parent's loopback endpoint: a kill leaves no file of the run behind.
  const server = await serveVerifier({
    pact: JSON.stringify({ ...pact, interactions }),
    setUp: (state, params) => setUpState(ctx, state, params),
    forward: (req) => forward(ctx, profile, expected, req),
  });
  try {
    const job: VerifyJob = {
      provider: names.provider,
      pactUrl: `${server.url}${pactPath(server.nonce)}`,
      serverUrl: server.url,
      states: [...new Set(interactions.flatMap((i) => (i.providerStates ?? []).map((p) => p.name)))],
      // The run's own --timeout ends a stalled request first (a transport failure, said as such).
      timeoutMs: ctx.timeoutMs + 5000,
    };
    const result = await runVerifier({
      job,
      nonce: server.nonce,
      signal: ctx.signal,
      deadlineMs: ctx.timeoutMs * (4 * interactions.length + 4),
    });
    const failure = server.error();
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
    await server.close();
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

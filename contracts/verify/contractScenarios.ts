import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { IncomingMessage } from "node:http";
import { Verifier } from "@pact-foundation/pact";
import { check } from "../../src/engine/checks/Check";
import type { ScenarioContext } from "../../src/engine/ScenarioContext";
import type { Profile } from "../../src/profile/Profile";
import type { Need, Scenario } from "../../suites/Scenario";
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
interface PactFile {
  readonly interactions: readonly PactInteraction[];
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/\(\d+\)/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** The verifier's failure as the mismatches it lists ("expected 204 but was 200"), not its whole output. */
function mismatchesOf(message: string): string {
  try {
    const parsed = JSON.parse(message) as {
      errors?: { mismatch?: { mismatches?: { mismatch?: string; path?: string }[] } }[];
    };
    const found = (parsed.errors ?? [])
      .flatMap((e) => e.mismatch?.mismatches ?? [])
      .map((m) => `${m.path === undefined ? "" : `${m.path}: `}${m.mismatch ?? ""}`);
    if (found.length > 0) return found.join("; ");
  } catch {
    // not the verifier's JSON: fall through
  }
  return message.split("\n").slice(0, 3).join(" ");
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

function contractScenario(profile: Profile, pactFile: string, interaction: PactInteraction): Scenario {
  const state = interaction.providerStates?.[0];
  const status = interaction.response.status;
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
      // One interaction per verification, so each status row gets its own outcome.
      const pact = JSON.parse(readFileSync(pactFile, "utf8")) as Record<string, unknown>;
      const single = join(mkdtempSync(join(tmpdir(), "itc-pact-")), "pact.json");
      writeFileSync(single, JSON.stringify({ ...pact, interactions: [interaction] }));
      const names = pactNames(profile.id);
      const { owner, alt } = ctx.target.credentials;
      let setupError: unknown;
      const handler = async (params: unknown): Promise<Record<string, string>> => {
        try {
          return await setUpState(ctx, state?.name ?? "", (params ?? {}) as Record<string, unknown>);
        } catch (error) {
          setupError = error;
          throw error;
        }
      };
      const verifier = new Verifier({
        provider: names.provider,
        providerBaseUrl: ctx.target.baseUrl,
        pactUrls: [single],
        logLevel: "error",
        stateHandlers: state === undefined ? {} : { [state.name]: handler },
        // Pact files carry placeholders; the run's tokens are put in here and never written anywhere.
        requestFilter: (req: IncomingMessage, _res: unknown, next: () => void) => {
          const header = profile.authHeader.toLowerCase();
          if (req.headers[header] === tokenPlaceholders.owner) req.headers[header] = owner;
          else if (req.headers[header] === tokenPlaceholders.alt && alt !== undefined)
            req.headers[header] = alt;
          next();
        },
      });
      try {
        await verifier.verifyProvider();
        ctx.probe.record(
          check(
            "pact interaction verified",
            true,
            interaction.description,
            `pact ${names.consumer} → ${names.provider}`,
          ),
        );
        ctx.probe.observations.push(`verified against ${ctx.target.baseUrl}`);
      } catch (error) {
        if (setupError instanceof Error) throw setupError;
        const message = mismatchesOf(error instanceof Error ? error.message : String(error));
        ctx.probe.record(
          check("pact interaction verified", false, message, `pact ${names.consumer} → ${names.provider}`),
        );
        ctx.probe.observations.push("verification failed");
      }
      return undefined;
    },
  };
}

/** The Pact verification scenarios for a profile: one per interaction of its committed pact file, if it has one. */
export function contractScenarios(profile: Profile): Scenario[] {
  const { file } = pactNames(profile.id);
  if (!existsSync(file)) return [];
  const pact = JSON.parse(readFileSync(file, "utf8")) as PactFile;
  return [...pact.interactions]
    .sort((a, b) => a.response.status - b.response.status)
    .map((i) => contractScenario(profile, file, i));
}

import { parseArgs } from "node:util";
import { ConfigError } from "../config/ConfigError";
import { findMutant, mutants } from "../mutants/catalog";
import { defaultProfileName } from "../profile/builtinProfiles";
import { loadProfile } from "../profile/loadProfile";
import { defaultBehaviour } from "../reference/defaultBehaviour";
import { referenceIdentities } from "../reference/Identity";
import { ReferenceServer } from "../reference/ReferenceServer";
import { ExitCode } from "./exitCodes";
import { serveHelp } from "./help";

export const options = {
  port: { type: "string" },
  host: { type: "string" },
  profile: { type: "string" },
  mutant: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

function portOf(raw: string | undefined): number {
  if (raw === undefined) return 9292;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError("bad-option", `--port must be a whole number from 0 to 65535, not "${raw}"`);
  return port;
}

/** `serve`: the reference implementation on a port, until Ctrl-C. Resolves with the exit code when stopped. */
export async function serveCommand(argv: readonly string[]): Promise<number> {
  const { values } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false });
  if (values.help === true) {
    console.log(serveHelp(mutants.map((m) => m.name)));
    return ExitCode.conformant;
  }
  const port = portOf(values.port);
  const mutant = values.mutant === undefined ? undefined : findMutant(values.mutant);
  if (values.mutant !== undefined && mutant === undefined) {
    throw new ConfigError(
      "bad-option",
      `unknown mutant "${values.mutant}" (known: ${mutants.map((m) => m.name).join(", ")})`,
    );
  }
  const profile = await loadProfile(values.profile ?? defaultProfileName);
  const env = process.env;
  const tokens = { owner: env["ITC_TOKEN"] ?? "owner-token", alt: env["ITC_ALT_TOKEN"] ?? "alt-token" };
  const server = new ReferenceServer({
    profile,
    identities: referenceIdentities(tokens),
    behaviour: mutant === undefined ? defaultBehaviour : mutant.apply(defaultBehaviour),
  });
  let url: string;
  try {
    url = await server.listen(port, values.host ?? "127.0.0.1");
  } catch (error) {
    throw new ConfigError(
      "bad-option",
      `cannot listen on ${values.host ?? "127.0.0.1"}:${port}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const source = (name: string, fallback: string): string =>
    env[name] === undefined ? `the default token "${fallback}"` : `the token in ${name}`;
  console.log(
    `reference implementation (profile ${profile.id}${mutant === undefined ? "" : `, MUTANT ${mutant.name}: ${mutant.defect}`}) listening on ${url}`,
  );
  console.log(`  owner: project p-owner, ${source("ITC_TOKEN", "owner-token")}`);
  console.log(`  alt:   project p-alt, ${source("ITC_ALT_TOKEN", "alt-token")}`);
  console.log("Ctrl-C stops it.");
  return new Promise((resolve) => {
    const stop = (): void => {
      void server.close().then(() => {
        resolve(ExitCode.conformant);
      });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

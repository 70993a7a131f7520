import { defaultNamePrefix, namePrefixPattern } from "../engine/scratchNames";
import { defaultProfileName } from "../profile/builtinProfiles";
import { randomInt } from "node:crypto";
import { defaultRunSettings, type RunSettings } from "../engine/RunSettings";
import { findCloud } from "../auth/cloudsYaml";
import { resolveKeystoneIdentity, type OsOptions } from "../auth/resolveKeystoneIdentity";
import { ConfigError } from "./ConfigError";
import { parseTarget } from "./parseTarget";
import type { RunConfig } from "./RunConfig";
import { resolveTls } from "./resolveTls";

/** The run command's options as parsed from the command line. */
export interface RunOptionsInput {
  readonly target?: string;
  readonly token?: string;
  readonly "alt-token"?: string;
  readonly "alt-project-id"?: string;
  readonly profile?: string;
  readonly out?: string;
  readonly "name-prefix"?: string;
  readonly timeout?: string;
  readonly quiet?: boolean;
  readonly seed?: string;
  readonly runs?: string;
  readonly "time-budget"?: string;
  readonly lenient?: boolean;
  readonly strict?: boolean;
  readonly only?: string;
  readonly exclude?: string;
  readonly workers?: string;
  readonly "replay-path"?: string;
  readonly concurrency?: string;
  readonly rate?: string;
  readonly "product-name"?: string;
  readonly "product-version"?: string;
  readonly vendor?: string;
  readonly "os-cacert"?: string;
  readonly "os-cert"?: string;
  readonly "os-key"?: string;
  readonly insecure?: boolean;
  readonly "user-agent"?: string;
  /** --os-* and --alt-os-* options, by their names without the prefix. */
  readonly os?: OsOptions;
  readonly altOs?: OsOptions;
}

function productOf(input: RunOptionsInput): RunConfig["product"] {
  const entries = Object.entries({
    name: input["product-name"],
    version: input["product-version"],
    vendor: input.vendor,
  })
    .map(([k, v]) => [k, nonEmpty(v)] as const)
    .filter((e): e is readonly [string, string] => e[1] !== undefined);
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

function numberOption(
  name: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
  integer = true,
): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min || n > max) {
    throw new ConfigError(
      "bad-option",
      `--${name} must be ${integer ? "a whole number" : "a number"} from ${min} to ${max}, not "${raw}"`,
    );
  }
  return n;
}

const idList = (raw: string | undefined): string[] | undefined => {
  const ids = raw
    ?.split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  return ids === undefined || ids.length === 0 ? undefined : ids;
};

function settingsOf(input: RunOptionsInput): RunSettings {
  const only = idList(input.only);
  const replayPath = nonEmpty(input["replay-path"]);
  if (replayPath !== undefined && (only?.length !== 1 || input.seed === undefined)) {
    throw new ConfigError(
      "bad-option",
      "--replay-path replays one case: give it with --only <one scenario id> and --seed",
    );
  }
  if (replayPath !== undefined && !/^\d+(:\d+)*$/.test(replayPath))
    throw new ConfigError(
      "bad-option",
      `--replay-path "${replayPath}" is not a fast-check path (like 12:0:3)`,
    );
  const budget =
    input["time-budget"] === undefined
      ? undefined
      : Math.round(numberOption("time-budget", input["time-budget"], 0, 1, 86400, false) * 1000);
  return {
    seed: numberOption("seed", input.seed, randomInt(2 ** 31 - 1), -(2 ** 31), 2 ** 31 - 1),
    runs: numberOption("runs", input.runs, defaultRunSettings.runs, 1, 100000),
    timeBudgetMs: budget,
    lenient: input.lenient === true,
    strict: input.strict === true,
    concurrency: numberOption("concurrency", input.concurrency, defaultRunSettings.concurrency, 1, 64),
    only,
    exclude: idList(input.exclude),
    workers: numberOption("workers", input.workers, defaultRunSettings.workers, 1, 64),
    replayPath,
  };
}

const minTokenLength = 8;

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/** --user-agent: a header value as RFC 9110 §5.5 and §10.1.5 allow it (visible ASCII and spaces), not empty. */
function userAgentOf(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const value = raw.trim();
  if (value === "" || value.length > 1024 || !/^[\x21-\x7e]([\x20-\x7e]*[\x21-\x7e])?$/.test(value))
    throw new ConfigError(
      "bad-option",
      "--user-agent must be 1 to 1024 visible ASCII characters (spaces between words), as a User-Agent header is",
    );
  return value;
}

function timeoutOf(raw: string | undefined): number {
  if (raw === undefined) return 30000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new ConfigError(
      "bad-option",
      `--timeout must be a number of seconds between 0 and 3600, not "${raw}"`,
    );
  }
  return Math.round(seconds * 1000);
}

/** Resolves options and environment into a complete RunConfig, or throws a ConfigError at once. */
/** --name-prefix: what every scratch image name starts with (default itc-). */
function namePrefixOf(value: string | undefined): string {
  if (value === undefined) return defaultNamePrefix;
  if (!namePrefixPattern.test(value))
    throw new ConfigError(
      "bad-option",
      `--name-prefix "${value}" must be up to 32 letters, digits, ".", "_" or "-"`,
    );
  return value;
}

export function resolveRunConfig(input: RunOptionsInput, env: NodeJS.ProcessEnv, isTty: boolean): RunConfig {
  const notes: string[] = [];
  const os = input.os ?? {};
  const altOs = input.altOs ?? {};
  const keystoneAsked = Object.keys(os).length > 0 || Object.keys(altOs).length > 0;
  // --os-* options say how to authenticate: tokens left in the environment do not override them.
  const envToken = (name: string): string | undefined => (keystoneAsked ? undefined : nonEmpty(env[name]));
  if (keystoneAsked && (nonEmpty(env["ITC_TOKEN"]) ?? nonEmpty(env["ITC_ALT_TOKEN"])) !== undefined)
    notes.push("ITC_TOKEN / ITC_ALT_TOKEN are ignored: the --os-* options name a Keystone");
  const token = nonEmpty(input.token) ?? envToken("ITC_TOKEN");
  const altToken = nonEmpty(input["alt-token"]) ?? envToken("ITC_ALT_TOKEN");
  if (input.token !== undefined || input["alt-token"] !== undefined) {
    notes.push("tokens given as options show in the process list; prefer ITC_TOKEN and ITC_ALT_TOKEN");
  }
  // Tokens and Keystone are two ways to authenticate: a token given as an option beside --os-* options is a
  // contradiction, said with the options that were given (ITC_TOKEN left in the environment is only noted above).
  const tokenOptions = (["token", "alt-token"] as const).filter((o) => input[o] !== undefined);
  if (keystoneAsked && tokenOptions.length > 0) {
    const keystoneOptions = [
      ...Object.keys(os).map((n) => `--os-${n}`),
      ...Object.keys(altOs).map((n) => `--alt-os-${n}`),
    ];
    throw new ConfigError(
      "bad-option",
      `${tokenOptions.map((o) => `--${o}`).join(" and ")} and ${keystoneOptions.join(", ")} are alternatives, not to be combined: tokens (--target with ITC_TOKEN, or --token) skip Keystone, the --os-* options authenticate through it`,
    );
  }
  let target: RunConfig["target"];
  const secretOptions = [os, altOs].some(
    (o) => o.password !== undefined || o["application-credential-secret"] !== undefined,
  );
  if (secretOptions)
    notes.push("passwords given as options show in the process list; prefer clouds.yaml or OS_PASSWORD");
  // OS_* variables count once the user points the suite somewhere (--target or an --os-* option): a shell with
  // OS_* exported must not turn `npm start` into a run against a real cloud.
  const useEnv = (input.target !== undefined || keystoneAsked) && token === undefined;
  const owner = token === undefined ? resolveKeystoneIdentity(os, env, "owner", useEnv) : undefined;
  if (owner !== undefined) {
    const alt = resolveKeystoneIdentity(altOs, env, "alt", false);
    if (alt === undefined && Object.keys(altOs).length > 0)
      throw new ConfigError(
        "bad-option",
        "the --alt-os-* options name no Keystone for the alt identity: give either --alt-os-cloud (a cloud of clouds.yaml) or --alt-os-auth-url with the other --alt-os-* options",
      );
    target = {
      kind: "keystone",
      url: input.target === undefined ? undefined : parseTarget(input.target),
      owner,
      alt,
      altProjectId: nonEmpty(input["alt-project-id"]),
      clouds: { owner: os.cloud ?? (useEnv ? nonEmpty(env["OS_CLOUD"]) : undefined), alt: altOs.cloud },
    };
  } else if (keystoneAsked) {
    throw new ConfigError(
      "bad-option",
      Object.keys(os).length === 0
        ? "the --alt-os-* options name the alt identity only; the owner needs a Keystone too: give either --os-cloud (or OS_CLOUD) or --os-auth-url (or OS_AUTH_URL) with the other --os-* options"
        : "the --os-* options name no Keystone: give either --os-cloud (a cloud of clouds.yaml) or --os-auth-url with the other --os-* options (or their OS_* variables)",
    );
  } else if (input.target === undefined) {
    if (
      input.token !== undefined ||
      input["alt-token"] !== undefined ||
      input["alt-project-id"] !== undefined
    ) {
      throw new ConfigError(
        "token-without-target",
        "--token, --alt-token and --alt-project-id need --target (the embedded reference makes its own tokens)",
      );
    }
    if (token !== undefined || altToken !== undefined)
      notes.push("ITC_TOKEN / ITC_ALT_TOKEN are ignored without --target");
    target = { kind: "embedded" };
  } else {
    const url = parseTarget(input.target);
    if (token === undefined)
      throw new ConfigError("missing-token", "--target needs a token: set ITC_TOKEN (or pass --token)");
    // Secrets are redacted by value wherever they appear; a very short one would match ordinary text.
    for (const [name, value] of [
      ["token", token],
      ["alt token", altToken],
    ] as const) {
      if (value !== undefined && value.length < minTokenLength) {
        throw new ConfigError(
          "bad-option",
          `the ${name} is shorter than ${minTokenLength} characters: that is no real token, and it could not be redacted reliably`,
        );
      }
    }
    if (altToken !== undefined && altToken === token)
      throw new ConfigError(
        "bad-option",
        "the alt token must belong to another user in another project, not be the owner's token",
      );
    target = { kind: "live", url, token, altToken, altProjectId: nonEmpty(input["alt-project-id"]) };
  }
  // TLS as python-openstackclient takes it: options, then OS_* variables, then the owner's cloud in clouds.yaml.
  const cloudName = os.cloud ?? (useEnv ? nonEmpty(env["OS_CLOUD"]) : undefined);
  const cloud = cloudName === undefined || target.kind === "embedded" ? undefined : findCloud(cloudName, env);
  const fromEnv = (name: string): string | undefined =>
    target.kind === "embedded" ? undefined : nonEmpty(env[name]);
  const tls = resolveTls({
    cacert: nonEmpty(input["os-cacert"]) ?? fromEnv("OS_CACERT") ?? cloud?.cacert,
    cert: nonEmpty(input["os-cert"]) ?? fromEnv("OS_CERT") ?? cloud?.cert,
    key: nonEmpty(input["os-key"]) ?? fromEnv("OS_KEY") ?? cloud?.key,
    insecure: input.insecure === true || cloud?.verify === false,
  });
  const userAgent = userAgentOf(input["user-agent"]);
  return {
    profile: nonEmpty(input.profile) ?? defaultProfileName,
    target,
    outDir: nonEmpty(input.out) ?? "reports/latest",
    namePrefix: namePrefixOf(input["name-prefix"]),
    timeoutMs: timeoutOf(input.timeout),
    settings: settingsOf(input),
    // undefined: decided once the target's URL is known (no limit on this machine, gentle on a remote one).
    rate:
      input.rate === undefined
        ? target.kind === "embedded"
          ? 0
          : undefined
        : numberOption("rate", input.rate, 0, 0, 10000, false),
    tls,
    ...(userAgent === undefined ? {} : { userAgent }),
    product: productOf(input),
    progress: input.quiet === true ? "none" : isTty ? "live" : "plain",
    notes,
  };
}

import { osOptionNames, type OsOptionName, type OsOptions } from "../auth/resolveKeystoneIdentity";

const osOptions = Object.fromEntries(
  osOptionNames.flatMap((n) => [
    [`os-${n}`, { type: "string" }],
    [`alt-os-${n}`, { type: "string" }],
  ]),
) as Record<`os-${OsOptionName}` | `alt-os-${OsOptionName}`, { type: "string" }>;

/** The --os-* (or --alt-os-*) values, keyed by their names without the prefix. */
export function pick(values: Readonly<Record<string, unknown>>, prefix: string): OsOptions {
  const out: Partial<Record<OsOptionName, string>> = {};
  for (const n of osOptionNames) {
    const v = values[`${prefix}${n}`];
    if (typeof v === "string") out[n] = v;
  }
  return out;
}

/** The options of `run` and `verify-contracts`, as node:util parseArgs takes them. */
export const runOptions = {
  ...osOptions,
  target: { type: "string" },
  token: { type: "string" },
  "alt-token": { type: "string" },
  "alt-project-id": { type: "string" },
  profile: { type: "string" },
  out: { type: "string" },
  force: { type: "boolean" },
  timeout: { type: "string" },
  quiet: { type: "boolean" },
  seed: { type: "string" },
  runs: { type: "string" },
  "time-budget": { type: "string" },
  lenient: { type: "boolean" },
  strict: { type: "boolean" },
  only: { type: "string" },
  exclude: { type: "string" },
  workers: { type: "string" },
  sign: { type: "string" },
  "os-cacert": { type: "string" },
  "os-cert": { type: "string" },
  "os-key": { type: "string" },
  insecure: { type: "boolean" },
  "replay-path": { type: "string" },
  concurrency: { type: "string" },
  rate: { type: "string" },
  "product-name": { type: "string" },
  "product-version": { type: "string" },
  vendor: { type: "string" },
  har: { type: "string" },
  "name-prefix": { type: "string" },
  "user-agent": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

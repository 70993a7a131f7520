import { readFileSync } from "node:fs";
import type { TlsFiles } from "../http/Agents";
import { ConfigError } from "./ConfigError";

/** The TLS options as given: files and the verify switch (options, OS_* variables, clouds.yaml). */
export interface TlsInput {
  readonly cacert?: string | undefined;
  readonly cert?: string | undefined;
  readonly key?: string | undefined;
  readonly insecure?: boolean | undefined;
}

function readPem(what: string, path: string | undefined): Buffer | undefined {
  if (path === undefined || path === "") return undefined;
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why = typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
    throw new ConfigError("bad-option", `${what} ${path}: cannot read it (${why})`);
  }
}

/** TLS settings as python-openstackclient takes them: a CA bundle, a client certificate and key, or --insecure. */
export function resolveTls(input: TlsInput): TlsFiles {
  const ca = readPem("--os-cacert", input.cacert);
  const cert = readPem("--os-cert", input.cert);
  const key = readPem("--os-key", input.key);
  if ((cert === undefined) !== (key === undefined))
    throw new ConfigError("bad-option", "a client certificate needs both --os-cert and --os-key");
  return {
    ...(ca === undefined ? {} : { ca, cacertPath: input.cacert }),
    ...(cert === undefined ? {} : { cert, certPath: input.cert }),
    ...(key === undefined ? {} : { key, keyPath: input.key }),
    insecure: input.insecure === true,
  };
}

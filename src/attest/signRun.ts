import type { KeyObject } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import type { Report } from "../../reports/Report";
import type { WrittenReports } from "../../reports/writeReports";
import { signEnvelope } from "./dsse";
import { keyIdOf } from "./keyIdOf";
import {
  inTotoPayloadType,
  runPredicateType,
  statementType,
  type RunPredicate,
  type RunStatement,
} from "./RunStatement";
import { sha256File } from "./sha256File";

/** The profile's copy beside the reports: profile.yaml, or profile.json / profile.yml after the original. */
export function profileCopyName(profilePath: string): string {
  const ext = extname(profilePath).toLowerCase();
  return `profile${[".json", ".yml", ".yaml"].includes(ext) ? ext : ".yaml"}`;
}

function predicateOf(report: Report, profileFile: string): RunPredicate {
  const t = report.target;
  return {
    suite: { name: "image-tag-conformance", version: report.suiteVersion },
    runId: report.runId,
    verdict: report.verdict,
    verdictRule: report.verdictRule,
    exitCode: report.exitCode,
    target: { kind: t.kind, url: t.url, ...(t.keystone === undefined ? {} : { keystone: t.keystone }) },
    ...(report.product === undefined ? {} : { product: report.product }),
    profile: {
      id: report.profile,
      builtin: report.profileBuiltin,
      source: report.profileSource,
      file: profileFile,
      sha256: report.openapiSha256,
    },
    seed: report.seed,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
  };
}

/**
 * Signs a written run: copies the profile it used beside the reports, then writes attestation.json, an in-toto
 * Statement v1 about report.json, the profile and the other reports (by SHA-256) in a DSSE envelope signed
 * with the ed25519 key. The predicate is read back from report.json as written. Returns the attestation's path.
 */
export function signRun(input: {
  readonly files: WrittenReports;
  readonly profilePath: string;
  readonly key: KeyObject;
}): string {
  const dir = dirname(input.files.json);
  const report = JSON.parse(readFileSync(input.files.json, "utf8")) as Report;
  const profileFile = profileCopyName(input.profilePath);
  const profileCopy = join(dir, profileFile);
  writeFileSync(profileCopy, readFileSync(input.profilePath));
  if (sha256File(profileCopy) !== report.openapiSha256)
    throw new Error(`the profile ${input.profilePath} changed after the run loaded it: not signing`);
  const f = input.files;
  const subjects = [f.json, profileCopy, f.html, f.markdown, f.junit];
  const statement: RunStatement = {
    _type: statementType,
    subject: subjects.map((path) => ({ name: basename(path), digest: { sha256: sha256File(path) } })),
    predicateType: runPredicateType,
    predicate: predicateOf(report, profileFile),
  };
  const envelope = signEnvelope(
    inTotoPayloadType,
    Buffer.from(JSON.stringify(statement)),
    input.key,
    keyIdOf(input.key),
  );
  const path = join(dir, "attestation.json");
  writeFileSync(`${path}.${process.pid}.tmp`, `${JSON.stringify(envelope, null, 2)}\n`);
  renameSync(`${path}.${process.pid}.tmp`, path);
  return path;
}

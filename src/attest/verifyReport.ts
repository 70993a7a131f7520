import type { KeyObject } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Report } from "../../reports/Report";
import { validateReport } from "../../reports/validateReport";
import { verdictInputOfReport, verdictScenarioOf } from "../../reports/verdictInputOfReport";
import { judge, rowOutcome } from "../engine/verdict";
import { builtinProfileSha256, isBuiltinProfileName } from "../profile/builtinProfiles";
import { profileIdProblem } from "../profile/profileId";
import { suiteVersion } from "../util/suiteVersion";
import { envelopeVerifies } from "./dsse";
import { keyIdOf } from "./keyIdOf";
import { parseEnvelope } from "./parseEnvelope";
import {
  inTotoPayloadType,
  runPredicateType,
  runPredicateTypeV1,
  statementType,
  type RunStatement,
} from "./RunStatement";
import { sha256File } from "./sha256File";
import { checkAgainstSuite } from "./checkAgainstSuite";
import { checkEvidence } from "./checkEvidence";

import type { Verification } from "./Verification";

export type { Verification } from "./Verification";

/** A subject names a file in the report folder itself: no path, nothing hidden. */
const plainName = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const maxAttestationBytes = 1 << 20;

function readStatement(payload: string): RunStatement | string {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload, "base64").toString("utf8"));
  } catch {
    return "the payload is not JSON";
  }
  const s = value as Partial<RunStatement> | null;
  if (s?._type !== statementType)
    return `the payload is not an in-toto Statement v1 (_type ${statementType})`;
  if ((s.predicateType as string | undefined) === runPredicateTypeV1)
    return `the attestation is of an older format (predicate type ${runPredicateTypeV1}, which does not say whether the profile is built in): this version verifies ${runPredicateType} only; sign the run again with it`;
  if (s.predicateType !== runPredicateType) return `the predicate type is not ${runPredicateType}`;
  if (!Array.isArray(s.subject) || typeof s.predicate !== "object")
    return "the statement has no subject or predicate";
  const p = (s.predicate as Partial<RunStatement["predicate"]>).profile;
  if (
    typeof p?.id !== "string" ||
    typeof p.builtin !== "boolean" ||
    typeof p.file !== "string" ||
    typeof p.sha256 !== "string"
  )
    return "the predicate does not name its profile (profile.id, builtin, file, sha256)";
  return s as RunStatement;
}

function checkSubjects(dir: string, statement: RunStatement): Verification[] {
  const out: Verification[] = [];
  for (const s of statement.subject) {
    const name = String((s as { name?: unknown }).name);
    const expected = String((s as { digest?: { sha256?: unknown } }).digest?.sha256);
    const path = join(dir, name);
    if (!plainName.test(name))
      out.push({ check: "digest", ok: false, detail: `subject "${name}" is not a file name of the folder` });
    else if (!existsSync(path))
      out.push({ check: "digest", ok: false, detail: `${name}: missing from ${dir}` });
    else {
      const actual = sha256File(path);
      out.push(
        actual === expected
          ? { check: "digest", ok: true, detail: `${name} sha256 ${actual}` }
          : {
              check: "digest",
              ok: false,
              detail: `${name}: sha256 is ${actual}, the attestation says ${expected}: the file was changed`,
            },
      );
    }
  }
  const names = statement.subject.map((s) => (s as { name?: unknown }).name);
  for (const required of ["report.json", statement.predicate.profile.file])
    if (!names.includes(required))
      out.push({ check: "digest", ok: false, detail: `${required} is not a subject of the attestation` });
  return out;
}

const short = (sha256: string): string => sha256.slice(0, 12);

/**
 * The profile beside the reports is the one report.json was run with (its bytes hash to openapiSha256), the
 * attestation names the same one, its id is plain ASCII, and it is called built in only when it is byte for byte
 * the profile of that id this suite ships: otherwise it is shown as the custom profile it is.
 */
function checkProfile(dir: string, statement: RunStatement, report: Report): Verification[] {
  const p = statement.predicate.profile;
  const path = join(dir, p.file);
  if (!plainName.test(p.file) || !existsSync(path))
    return [{ check: "profile", ok: false, detail: `the profile file "${p.file}" is not in ${dir}` }];
  const actual = sha256File(path);
  if (actual !== report.openapiSha256)
    return [
      {
        check: "profile",
        ok: false,
        detail: `${p.file} has sha256 ${actual}, but report.json was run with the profile of sha256 ${report.openapiSha256}`,
      },
    ];
  const out: Verification[] = [];
  if (p.id !== report.profile || p.sha256 !== actual || p.builtin !== report.profileBuiltin)
    out.push({
      check: "profile",
      ok: false,
      detail: `the attestation names the profile ${JSON.stringify(p.id)} (${p.builtin ? "built in" : "custom"}, sha256 ${short(p.sha256)}), report.json ${JSON.stringify(report.profile)} (${report.profileBuiltin ? "built in" : "custom"}, sha256 ${short(actual)})`,
    });
  const idProblem = profileIdProblem(report.profile, true);
  if (idProblem !== undefined)
    out.push({
      check: "profile",
      ok: false,
      detail: `the profile id ${JSON.stringify(report.profile)} is not plain ASCII: it may only look like another profile's`,
    });
  const builtin = isBuiltinProfileName(report.profile) && actual === builtinProfileSha256(report.profile);
  if (report.profileBuiltin !== builtin)
    out.push({
      check: "profile",
      ok: false,
      detail: report.profileBuiltin
        ? `report.json calls ${report.profile} a built-in profile, but ${p.file} (sha256 ${short(actual)}) is not the ${report.profile} this suite (${suiteVersion}) ships`
        : `report.json calls its profile custom, but ${p.file} is the built-in profile ${report.profile}`,
    });
  if (out.length > 0) return out;
  return [
    {
      check: "profile",
      ok: true,
      detail: builtin
        ? `${p.file} is the built-in profile ${report.profile} (sha256 ${short(actual)}), the one report.json was run with`
        : `${p.file} is a custom profile, ${report.profile} (sha256 ${short(actual)}), not one shipped with the suite: the one report.json was run with`,
    },
  ];
}

/** Recomputes the verdict and every row from the report's own scenarios, by the rules the run used. */
function checkConsistency(report: Report): Verification[] {
  const out: Verification[] = [];
  const { verdict, rule } = judge(verdictInputOfReport(report));
  out.push(
    verdict === report.verdict
      ? { check: "verdict", ok: true, detail: `${verdict}, recomputed from the scenarios: ${rule.when}` }
      : {
          check: "verdict",
          ok: false,
          detail: `report.json says ${report.verdict}, its scenarios give ${verdict} (${rule.when})`,
        },
  );
  if (verdict === report.verdict && rule.when !== report.verdictRule)
    out.push({
      check: "verdict",
      ok: false,
      detail: `report.json names the rule "${report.verdictRule}", its scenarios give "${rule.when}"`,
    });
  for (const row of report.statuses) {
    const outcome = rowOutcome(row.scenarios.map(verdictScenarioOf(row.status)));
    if (outcome !== row.outcome)
      out.push({
        check: "status row",
        ok: false,
        detail: `${row.status}: report.json says ${row.outcome}, its scenarios give ${outcome}`,
      });
  }
  if (out.every((v) => v.ok))
    out.push({
      check: "status row",
      ok: true,
      detail: `${report.statuses.length} rows agree with their scenarios`,
    });
  return out;
}

function checkReport(dir: string): { report?: Report; results: Verification[] } {
  const path = join(dir, "report.json");
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return { results: [{ check: "schema", ok: false, detail: `${path} is missing or not JSON` }] };
  }
  const problems = validateReport(value);
  if (problems.length > 0)
    return {
      results: [
        ...problems.slice(0, 5).map((p) => ({ check: "schema", ok: false, detail: `report.json ${p}` })),
        { check: "verdict", ok: false, detail: "not recomputed: report.json does not match its schema" },
      ],
    };
  const report = value as Report;
  return {
    report,
    results: [
      { check: "schema", ok: true, detail: "report.json matches reports/report.schema.json" },
      ...checkConsistency(report),
      ...checkEvidence(report),
    ],
  };
}

/**
 * Checks a signed report folder: the DSSE signature with the public key, every subject's SHA-256 against the
 * file beside it, the profile against the digest report.json records, report.json against its schema, its
 * verdict and status rows against its own scenarios (judge and rowOutcome, the rules the run used), each
 * scenario's outcome and breaches against its own checks, each scenario against the suite's definition of it
 * (status, tier, kind, the causes it can have), a conformant report against every scenario its profile calls for, and the predicate's verdict against report.json's.
 */
export async function verifyReport(dir: string, key: KeyObject): Promise<readonly Verification[]> {
  const results: Verification[] = [];
  const attestationPath = join(dir, "attestation.json");
  const checked = checkReport(dir);
  if (!existsSync(attestationPath) || statSync(attestationPath).size > maxAttestationBytes)
    return [
      { check: "signature", ok: false, detail: `${attestationPath}: missing (or over 1 MiB)` },
      ...checked.results,
    ];
  const envelope = parseEnvelope(readFileSync(attestationPath, "utf8"));
  if (typeof envelope === "string")
    return [{ check: "signature", ok: false, detail: envelope }, ...checked.results];
  const keyid = keyIdOf(key);
  results.push(
    envelope.payloadType !== inTotoPayloadType
      ? {
          check: "signature",
          ok: false,
          detail: `payload type ${envelope.payloadType}, not ${inTotoPayloadType}`,
        }
      : envelopeVerifies(envelope, key)
        ? { check: "signature", ok: true, detail: `signed by key ${keyid}` }
        : {
            check: "signature",
            ok: false,
            detail: `no signature verifies with key ${keyid} (signed by: ${envelope.signatures.map((s) => s.keyid).join(", ") || "none"}): signed with another key, or the attestation was changed`,
          },
  );
  const statement = readStatement(envelope.payload);
  if (typeof statement === "string")
    return [...results, { check: "statement", ok: false, detail: statement }, ...checked.results];
  results.push(...checkSubjects(dir, statement));
  const report = checked.report;
  results.push(...checked.results);
  if (report !== undefined) {
    const profile = checkProfile(dir, statement, report);
    results.push(...profile);
    if (profile.every((v) => v.ok))
      results.push(...(await checkAgainstSuite(dir, statement.predicate.profile.file, report)));
    const p = statement.predicate;
    results.push(
      p.verdict === report.verdict && p.runId === report.runId
        ? { check: "predicate", ok: true, detail: `run ${p.runId}: ${p.verdict}, as report.json says` }
        : {
            check: "predicate",
            ok: false,
            detail: `the attestation says run ${p.runId} was ${p.verdict}; report.json says run ${report.runId} was ${report.verdict}`,
          },
    );
  }
  return results;
}

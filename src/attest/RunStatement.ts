import type { Verdict } from "../engine/verdict";

/** in-toto Statement v1 (github.com/in-toto/attestation, spec/v1/statement.md). */
export const statementType = "https://in-toto.io/Statement/v1";
/** DSSE payload type of an in-toto statement (in-toto attestation spec/v1/envelope.md). */
export const inTotoPayloadType = "application/vnd.in-toto+json";
/**
 * This project's predicate: what a conformance run found (docs/reference/attestation.md). v2 states whether the
 * profile is built in; v1 (before it) is refused by verify-report with a message saying so.
 */
export const runPredicateType = "https://image-tag-conformance.dev/attestation/v2";
/** The first predicate type, which did not say whether the profile was built in. */
export const runPredicateTypeV1 = "https://image-tag-conformance.dev/attestation/v1";

/** A file the statement is about: its name in the report folder and its SHA-256 (ResourceDescriptor). */
export interface Subject {
  readonly name: string;
  readonly digest: { readonly sha256: string };
}

export interface RunPredicate {
  readonly suite: { readonly name: "image-tag-conformance"; readonly version: string };
  readonly runId: string;
  readonly verdict: Verdict;
  /** The rule that decided the verdict, in words. */
  readonly verdictRule: string;
  readonly exitCode: number;
  readonly target: { readonly kind: "embedded" | "live"; readonly url: string; readonly keystone?: string };
  readonly product?: { readonly name?: string; readonly version?: string; readonly vendor?: string };
  /**
   * The profile the run used: its id, whether it is one shipped with the suite byte for byte (builtin) or a
   * custom one, where it came from, the copy beside the reports (a subject) and its SHA-256.
   */
  readonly profile: {
    readonly id: string;
    readonly builtin: boolean;
    readonly source: string;
    readonly file: string;
    readonly sha256: string;
  };
  readonly seed: number;
  readonly startedAt: string;
  readonly finishedAt: string;
}

export interface RunStatement {
  readonly _type: typeof statementType;
  readonly subject: readonly Subject[];
  readonly predicateType: typeof runPredicateType;
  readonly predicate: RunPredicate;
}

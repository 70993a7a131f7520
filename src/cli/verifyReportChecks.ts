/**
 * Every check verify-report can print, in the order it prints them, with when it holds. `verify-report --help`
 * and the table in docs/how-to/certify-and-verify.md are this list; test/unit/cli/verifyReportChecks.test.ts
 * holds it to the checks src/attest/ makes and to that table.
 */
export const verifyReportChecks: readonly { readonly check: string; readonly holdsWhen: string }[] = [
  {
    check: "signature",
    holdsWhen: "attestation.json's DSSE signature verifies with the key you gave",
  },
  {
    check: "statement",
    holdsWhen:
      "the signed payload is an in-toto Statement v1 of this suite's run predicate (printed only when it is not)",
  },
  {
    check: "digest",
    holdsWhen:
      "every file the attestation names (report.json, profile.yaml, report.html, report.md, junit.xml) has the SHA-256 it records",
  },
  { check: "schema", holdsWhen: "report.json matches the suite's `reports/report.schema.json`" },
  {
    check: "verdict",
    holdsWhen:
      "the verdict and the rule that decided it follow from report.json's own scenarios, by the same rules the run used",
  },
  { check: "status row", holdsWhen: "every documented status's outcome follows from its scenarios" },
  {
    check: "evidence",
    holdsWhen:
      "each scenario's outcome and breaches follow from its own checks: a passed scenario has no failed check",
  },
  {
    check: "profile",
    holdsWhen: "profile.yaml is the profile report.json was run with (its SHA-256 is `openapiSha256`)",
  },
  {
    check: "definitions",
    holdsWhen:
      "each scenario is one this suite version defines for that profile, with its status, tier and kind, excused only by a cause it can have",
  },
  {
    check: "completeness",
    holdsWhen:
      "a `conformant` report holds every scenario this suite version runs against that profile (`--strict` as recorded)",
  },
  { check: "predicate", holdsWhen: "the signed verdict and run id are report.json's" },
];

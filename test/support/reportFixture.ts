import type { Report, ScenarioEntry, StatusRow } from "../../reports/Report";
import type { Exchange } from "../../src/http/Exchange";

/** Text a hostile target (or a careless user) might put anywhere in a report. */
export const hostile = `</script><script>alert("x")</script><img src=x onerror=alert(1)>'"&amp;\u0000`;

function exchange(seq: number, status: number, body: string): Exchange {
  return {
    seq,
    operationId: "deleteImageTag",
    method: "DELETE",
    path: `/v2/images/0b5c9f3e-1111-4aaa-8bbb-000000000001/tags/t${seq}`,
    principal: "owner",
    requestHeaders: { Accept: "application/json", "X-Auth-Token": "[redacted]" },
    status,
    responseHeaders: { "content-type": "text/html", "x-note": body },
    responseBody: body,
    durationMs: 1.5,
  };
}

function scenario(over: Partial<ScenarioEntry> & Pick<ScenarioEntry, "id">): ScenarioEntry {
  return {
    title: `title of ${over.id}`,
    kind: "example",
    tier: "core",
    outcome: "pass",
    expected: "204, no body",
    observed: "204, no body",
    startedMs: 10,
    durationMs: 5,
    requests: 3,
    breaches: [],
    evidence: {
      checks: [{ rule: "status", ok: true, detail: "expected 204, got 204", source: "OpenAPI" }],
      exchanges: [exchange(1, 204, "")],
    },
    ...over,
  };
}

function row(
  status: number,
  outcome: StatusRow["outcome"],
  scenarios: ScenarioEntry[],
  reason?: string,
): StatusRow {
  return {
    status,
    description: `description of ${status}`,
    outcome,
    scenarios,
    ...(reason === undefined ? {} : { reason }),
  };
}

/**
 * A small report.json a test can change field by field: one failing core scenario with hostile evidence, an
 * extended finding, a failed flagged rule, a not-exercised status and a property with classes.
 */
export function reportFixture(): Report {
  return {
    reportVersion: 2,
    suiteVersion: "0.1.0",
    runId: "20260101T000000-abcdef",
    verdict: "non-conformant",
    verdictRule: "a core scenario failed",
    exitCode: 1,
    profile: "huawei-ims",
    profileBuiltin: true,
    profileTitle: `Profile ${hostile}`,
    profileSource: "openapi/huawei-ims.yaml",
    openapiSha256: "a".repeat(64),
    target: { kind: "live", url: "http://127.0.0.1:9292", versions: { versions: [] } },
    product: { name: `Cloud ${hostile}`, version: "2026.1", vendor: "Example" },
    interop: [
      {
        idempotentId: "10407036-6059-4f95-a2cd-cbbbee7ed329",
        test: "tempest.api.image.v2.test_images_tags.ImagesTagsTest.test_update_delete_tags_for_image",
        scenarios: ["204-delete-present-tag"],
        outcome: "fail",
      },
    ],
    flagged: [
      {
        id: "astral-plane",
        rule: "astral tags are tags",
        reason: "upstream refuses them",
        evidence: "measured",
        allows: [{ operation: "createImage", status: 400 }],
        scenario: "204-flagged-astral-plane",
        outcome: "fail",
        breached: false,
      },
    ],
    command: "image-tag-conformance run --seed 7",
    seed: 7,
    settings: { runs: 50, lenient: false, strict: false, concurrency: 4, timeBudgetMs: null },
    startedAt: "2026-01-01T00:00:00.000Z",
    finishedAt: "2026-01-01T00:00:02.000Z",
    stats: {
      requests: 4,
      waitMs: 10,
      byStatus: { "200": 1, "204": 2, "503": 1 },
      serverErrors: [4],
      durationMs: 2000,
      samples: [
        { t: 0, ms: 2, status: 204, op: "deleteImageTag" },
        { t: 20, ms: 3, status: 204, op: "deleteImageTag" },
        { t: 40, ms: 900, status: 200, op: "deleteImageTag" },
        { t: 1500, ms: 12, status: 503, op: "deleteImageTag" },
      ],
      throttled: { retries: 0, waitMs: 0 },
    },
    cleanup: {
      created: 3,
      deleted: 2,
      foundByName: 0,
      leftBehind: [{ imageId: "img-1", why: `answered 500 ${hostile}` }],
      unverified: [{ name: `itc-run-${hostile}`, why: `listing it answered 500 ${hostile}` }],
    },
    breaches: [],
    findings: [
      {
        id: "stored-despite-400",
        title: "400 but stored",
        detail: `the tag was stored ${hostile}`,
        exchanges: [exchange(9, 400, hostile)],
      },
    ],
    statuses: [
      row(
        204,
        "fail",
        [
          scenario({
            id: "204-delete-present-tag",
            outcome: "fail",
            observed: `DELETE → 200 ${hostile}`,
            reason: "status: expected 204, got 200",
            tempestId: "10407036-6059-4f95-a2cd-cbbbee7ed329",
            evidence: {
              checks: [
                { rule: "status", ok: false, detail: `expected 204, got 200 ${hostile}`, source: "OpenAPI" },
              ],
              exchanges: [exchange(3, 200, hostile)],
            },
          }),
          scenario({
            id: "204-prop-delete-present",
            kind: "property",
            startedMs: 20,
            durationMs: 400,
            property: {
              seed: 7,
              runs: 50,
              planned: 50,
              shrinks: 0,
              interrupted: false,
              classes: { plain: 30, [`cls ${hostile}`]: 20 },
              deviations: [],
            },
          }),
          scenario({
            id: "204-concurrent-distinct-tags",
            kind: "concurrency",
            tier: "extended",
            outcome: "fail",
            reason: "statuses [200,200]",
            startedMs: 500,
          }),
          scenario({
            id: "204-flagged-astral-plane",
            tier: "flagged",
            outcome: "fail",
            reason: "400 for an astral tag",
            startedMs: 600,
          }),
        ],
        "failed: 204-delete-present-tag",
      ),
      row(
        403,
        "not-exercised",
        [
          scenario({
            id: "403-shared-image-not-modifiable",
            outcome: "not-exercised",
            cause: "needs-input",
            reason: "needs --alt-token",
            startedMs: 700,
            durationMs: 0,
            requests: 0,
            evidence: { checks: [], exchanges: [] },
          }),
        ],
        "not exercised: needs --alt-token",
      ),
    ],
  };
}

import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { ExitCode, exitCodeOf } from "../../../src/cli/exitCodes";
import { runSuite } from "../../../src/engine/runSuite";
import type { RunResult } from "../../../src/engine/RunResult";
import { defaultRunSettings } from "../../../src/engine/RunSettings";
import { verdictOf } from "../../../src/engine/verdictOf";
import { defaultBehaviour } from "../../../src/reference/defaultBehaviour";
import { fail } from "../../../src/reference/RefExchange";
import { wrapHandler } from "../../../src/mutants/Mutant";
import { allScenarios } from "../../../suites";
import { profile } from "../../support/profiles";
import { startReference, tokens, withReference } from "../../support/reference";
import { targetFor } from "../../support/targets";

const examples = allScenarios.filter((s) => s.id === "204-delete-present-tag");
const outcomes = (run: RunResult): Record<string, string> =>
  Object.fromEntries(run.results.map((r) => [r.scenario.id, r.outcome]));

describe("runSuite against the reference", () => {
  it.each(["huawei-ims", "openstack-glance"] as const)(
    "%s: every scenario passes with faults and alt; nothing is left behind",
    async (name) => {
      const p = await profile(name);
      await withReference(p, {}, async (ref) => {
        const run = await runSuite({
          profile: p,
          target: targetFor(ref.url, { faults: ref.faults }),
          runId: "t1",
        });
        expect(Object.values(outcomes(run)).every((o) => o === "pass")).toBe(true);
        expect(verdictOf(run)).toBe("conformant");
        expect(run.cleanup.leftBehind).toEqual([]);
        expect(run.cleanup.created).toBeGreaterThan(0);
        expect(ref.server.images.size).toBe(0);
      });
    },
  );

  it("without an alt token the cross-project scenarios are not exercised and the verdict is incomplete", async () => {
    const p = await profile("huawei-ims");
    await withReference(p, {}, async (ref) => {
      const run = await runSuite({ profile: p, target: targetFor(ref.url, { alt: false }), runId: "t2" });
      const skipped = run.results.filter((r) => r.cause === "needs-input").map((r) => r.scenario.id);
      expect(skipped.sort()).toEqual([
        "401-prop-no-valid-token-other",
        "403-prop-not-own-image",
        "403-shared-image-not-modifiable",
        "404-other-project-private-image",
      ]);
      expect(verdictOf(run)).toBe("incomplete");
    });
  });

  it("on a target without a fault plan, 500 and 503 are not exercised, say how many requests got a 5xx, and do not make it incomplete", async () => {
    const p = await profile("huawei-ims");
    await withReference(p, {}, async (ref) => {
      const run = await runSuite({ profile: p, target: targetFor(ref.url), runId: "t3" });
      const fault = run.results.filter((r) => r.cause === "untriggerable");
      expect(fault.map((r) => r.scenario.status)).toEqual([500, 503]);
      expect(fault[0]?.reason).toMatch(/none of the run's \d+ requests got a 5xx/);
      expect(verdictOf(run)).toBe("conformant");
    });
  });

  it("a setup step that fails makes the scenario not exercised (setup-failed), never a pass", async () => {
    const p = await profile("openstack-glance");
    const behaviour = {
      ...defaultBehaviour,
      handlers: { ...defaultBehaviour.handlers, createImageMember: () => fail(403, "sharing is disabled") },
    };
    await withReference(p, { behaviour }, async (ref) => {
      const run = await runSuite({ profile: p, target: targetFor(ref.url), runId: "t4" });
      const shared = run.results.find((r) => r.scenario.id === "403-shared-image-not-modifiable");
      expect(shared).toMatchObject({ outcome: "not-exercised", cause: "setup-failed" });
      expect(shared?.reason).toMatch(/answered 403/);
      expect(verdictOf(run)).toBe("incomplete");
    });
  });

  it("an abort stops the run, still cleans up, and is reported", async () => {
    const p = await profile("huawei-ims");
    const ref = await startReference(p);
    const controller = new AbortController();
    try {
      const run = await runSuite({
        profile: p,
        target: targetFor(ref.url),
        runId: "t5",
        signal: controller.signal,
        settings: { ...defaultRunSettings, workers: 1 },
        onEvent: (e) => {
          if (e.type === "scenario-start" && e.index === 2) controller.abort();
        },
      });
      expect(run.aborted?.kind).toBe("user");
      // The scenario in flight is not a failure of the target: it was interrupted, and says so.
      expect(run.results.map((r) => r.cause ?? r.outcome)).toEqual(["pass", "pass", "interrupted"]);
      expect(run.cleanup.deleted).toBe(run.cleanup.created);
      expect(ref.server.images.size).toBe(0);
      expect(verdictOf(run)).toBe("incomplete");
    } finally {
      await ref.server.close();
    }
  });

  it("an unreachable target aborts the run", async () => {
    const p = await profile("huawei-ims");
    const run = await runSuite({ profile: p, target: targetFor("http://127.0.0.1:1"), runId: "t6" });
    expect(run.aborted?.kind).toBe("unreachable");
    expect(run.results).toEqual([]);
  });

  it("a token the target rejects aborts the run before any scenario", async () => {
    const p = await profile("huawei-ims");
    await withReference(p, {}, async (ref) => {
      const run = await runSuite({ profile: p, target: targetFor(ref.url, { owner: "wrong" }), runId: "t7" });
      expect(run.aborted).toMatchObject({ kind: "token-rejected" });
      expect(run.aborted?.message).not.toContain("wrong");
      expect(run.results).toEqual([]);
    });
  });

  it("a server answering 502 to everything: not an Image API (exit 2), not non-conformant", async () => {
    const p = await profile("openstack-glance");
    const server = createServer((_req, res) => {
      res.statusCode = 502;
      res.end("bad gateway");
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    try {
      const { port } = server.address() as AddressInfo;
      const run = await runSuite({
        profile: p,
        target: targetFor(`http://127.0.0.1:${String(port)}`),
        runId: "t10",
      });
      expect(run.aborted?.kind).toBe("not-image-api");
      expect(run.breaches).toEqual([]);
      expect(exitCodeOf(run, verdictOf(run))).toBe(ExitCode.usage);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });

  describe("a secret the target echoes is redacted before any cut (a cut secret would no longer be recognised)", () => {
    // Cut points: a failed setup step keeps 200 characters of the body, the root document 500.
    const straddling = (cut: number): string => `${"x".repeat(cut - 10)}${tokens.owner}`;

    it("in a setup step's error body", async () => {
      const p = await profile("huawei-ims");
      // A JSON string body: its opening quote, then the token from character 190 to past 200.
      // The preflight's create (the first) is answered; every later one is the error with the token.
      let creates = 0;
      const behaviour = wrapHandler(
        defaultBehaviour,
        "createImage",
        (inner) => (req, ctx) => (creates++ === 0 ? inner(req, ctx) : { status: 400, json: straddling(199) }),
      );
      await withReference(p, { behaviour }, async (ref) => {
        const run = await runSuite({
          profile: p,
          target: targetFor(ref.url),
          runId: "t8",
          scenarios: examples,
        });
        expect(run.results[0]).toMatchObject({ outcome: "not-exercised", cause: "setup-failed" });
        expect(run.results[0]?.reason).toContain("xxxxx");
        expect(JSON.stringify(run.results)).not.toContain(tokens.owner.slice(0, 8));
      });
    });

    it("in the root document", async () => {
      const p = await profile("huawei-ims");
      await withReference(p, {}, async (ref) => {
        // Answers the root itself (as text, the token across character 500); passes everything else on.
        const proxy = createServer((req, res) => {
          if (req.url === "/") {
            res.end(straddling(500));
            return;
          }
          const upstream = request(
            `${ref.url}${req.url ?? ""}`,
            { method: req.method, headers: req.headers },
            (up) => {
              res.writeHead(up.statusCode ?? 502, up.headers);
              up.pipe(res);
            },
          );
          req.pipe(upstream);
        });
        await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
        try {
          const { port } = proxy.address() as AddressInfo;
          const run = await runSuite({
            profile: p,
            target: targetFor(`http://127.0.0.1:${String(port)}`),
            runId: "t9",
            scenarios: examples,
          });
          expect(JSON.stringify(run.rootDocument)).toContain("xxxxx");
          expect(JSON.stringify(run.rootDocument)).not.toContain(tokens.owner.slice(0, 8));
        } finally {
          proxy.closeAllConnections();
          await new Promise((r) => proxy.close(r));
        }
      });
    });
  });
});

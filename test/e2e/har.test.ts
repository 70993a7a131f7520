import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { HarLog } from "../../reports/renderHar";
import { readReport, runCli, tempOut, withServe } from "../support/cli";
import { validateHar } from "../support/validateHar";

// Tokens of our own (serve takes them from the same variables), so that a leak would be found.
const tokens = { ITC_TOKEN: "har-owner-0b5e2d", ITC_ALT_TOKEN: "har-alt-c39f41" };

describe("run --har <file>", () => {
  it("writes the run's exchanges as HAR 1.2, valid, in the order sent, with no token in it", async () => {
    await withServe([], tokens, async (server) => {
      const out = tempOut();
      const harFile = join(out, "sub", "run.har");
      const r = await runCli(
        ["run", "--target", server.url, "--out", out, "--quiet", "--rate", "0", "--har", harFile],
        tokens,
      );
      expect(r.code).toBe(0);
      const text = readFileSync(harFile, "utf8");
      expect(text).not.toMatch(/har-owner-0b5e2d|har-alt-c39f41/);
      const har = JSON.parse(text) as HarLog;
      expect(validateHar(har)).toEqual([]);
      const entries = har.log.entries;
      expect(entries.length).toBeGreaterThan(10);
      const seqs = entries.map((e) => e._seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
      // The token header is there, redacted; the deletes under test are there with the target's answers.
      const auth = entries.flatMap((e) => e.request.headers).filter((h) => h.name === "X-Auth-Token");
      expect(auth.length).toBeGreaterThan(0);
      expect(auth.every((h) => h.value === "[redacted]")).toBe(true);
      const deletes = entries.filter(
        (e) => e.request.method === "DELETE" && e._operationId === "deleteImageTag",
      );
      expect(deletes.map((e) => e.response.status)).toContain(204);
      expect(deletes[0]?.request.url.startsWith(`${server.url}/v2/images/`)).toBe(true);
      // Start times come from the run's timeline: within the run, not before it.
      const started = Date.parse(readReport(out).startedAt);
      const finished = Date.parse(readReport(out).finishedAt);
      for (const e of entries) {
        const t = Date.parse(e.startedDateTime);
        expect(t).toBeGreaterThanOrEqual(started);
        expect(t).toBeLessThanOrEqual(finished);
      }
    });
  });
});

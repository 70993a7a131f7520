import { toHar } from "../../../reports/renderHar";
import type { Exchange } from "../../../src/http/Exchange";
import { validateHar } from "../../support/validateHar";

const exchange = (seq: number, over: Partial<Exchange> = {}): Exchange => ({
  seq,
  operationId: "deleteImageTag",
  method: "DELETE",
  path: `/v2/images/i-${seq}/tags/t%C3%A9`,
  principal: "owner",
  requestHeaders: { "X-Auth-Token": "[redacted]", Accept: "application/json" },
  status: 204,
  responseHeaders: {},
  responseBody: "",
  durationMs: 3.5,
  ...over,
});

const meta = { suiteVersion: "9.9.9", startedAt: "2026-01-02T03:04:05.000Z", runId: "r1" };

describe("toHar", () => {
  it("one entry per exchange, in the order sent, each once; valid HAR 1.2", () => {
    const har = toHar([exchange(3), exchange(1), exchange(2), exchange(1)], "http://h:1/base/", meta);
    expect(validateHar(har)).toEqual([]);
    expect(har.log.creator).toEqual({ name: "image-tag-conformance", version: "9.9.9" });
    expect(har.log.entries.map((e) => e._seq)).toEqual([1, 2, 3]);
    const first = har.log.entries[0];
    expect(first?.request.url).toBe("http://h:1/base/v2/images/i-1/tags/t%C3%A9");
    expect(first?.response.statusText).toBe("No Content");
    expect(first?.timings).toEqual({ send: 0, wait: 3.5, receive: 0 });
    expect(first?.request.headers).toContainEqual({ name: "X-Auth-Token", value: "[redacted]" });
  });

  it("start times from the run's timeline when known, else the run's start (said in the entry's comment)", () => {
    const har = toHar([exchange(1), exchange(2)], "http://h", {
      ...meta,
      startedMs: (e) => (e.seq === 2 ? 1500 : undefined),
    });
    expect(har.log.entries.map((e) => e.startedDateTime)).toEqual([
      "2026-01-02T03:04:05.000Z",
      "2026-01-02T03:04:06.500Z",
    ]);
    expect(har.log.entries[0]?.comment).toMatch(/start time: the run's/);
    expect(har.log.entries[1]?.comment).toBe("#2 deleteImageTag as owner");
  });

  it("bodies, query strings, content types and sizes (bytes, not characters); redirectURL only for a 3xx", () => {
    const created = exchange(1, {
      method: "POST",
      operationId: "createImage",
      path: "/v2/images?x=1&y=%C3%A9",
      requestHeaders: { "Content-Type": "application/json" },
      requestBody: '{"name":"é"}',
      status: 201,
      responseHeaders: { location: "/v2/images/i-1", "content-type": "application/json" },
      responseBody: '{"id":"i-1","name":"é"}',
    });
    const moved = exchange(2, { status: 301, responseHeaders: { Location: "http://elsewhere/" } });
    const har = toHar([created, moved], "http://h", meta);
    expect(validateHar(har)).toEqual([]);
    const [c, m] = har.log.entries;
    expect(c?.request.queryString).toEqual([
      { name: "x", value: "1" },
      { name: "y", value: "é" },
    ]);
    expect(c?.request.postData).toEqual({ mimeType: "application/json", text: '{"name":"é"}' });
    expect(c?.request.bodySize).toBe(13);
    expect(c?.response.content).toEqual({
      size: 24,
      mimeType: "application/json",
      text: '{"id":"i-1","name":"é"}',
    });
    expect(c?.response.redirectURL).toBe("");
    expect(m?.response.redirectURL).toBe("http://elsewhere/");
    expect(m?.request.postData).toBeUndefined();
  });

  it("the schema the tests check with does reject what HAR 1.2 forbids", () => {
    const har = toHar([exchange(1)], "http://h", meta);
    const entry = har.log.entries[0];
    if (entry === undefined) throw new Error("no entry");
    const noTimings = Object.fromEntries(Object.entries(entry).filter(([k]) => k !== "timings"));
    expect(validateHar({ log: { ...har.log, entries: [noTimings] } })).toEqual([
      "/log/entries/0 must have required property 'timings'",
    ]);
    expect(validateHar({ log: { ...har.log, version: "1.1" } })).not.toEqual([]);
    expect(validateHar({ log: { ...har.log, entries: [{ ...entry, extra: 1 }] } })).not.toEqual([]);
  });
});

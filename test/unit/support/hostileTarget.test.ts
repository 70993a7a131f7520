import { startHostileTarget, type HostileMode, type HostileTarget } from "../../support/hostileTarget";
import { rawRequest } from "../../support/hostile/rawClient";
import { tokens } from "../../support/reference";

// The hostile target is the fixture of the e2e tests in test/e2e/hostileTarget.test.ts: if it failed to
// misbehave, those tests could pass vacuously. Each mode is checked here with a raw client or fetch.

const owner = { "X-Auth-Token": tokens.owner, Accept: "application/json" };

async function withHostile(
  mode: HostileMode,
  fn: (t: HostileTarget) => Promise<void>,
  extra: { dieAfter?: number } = {},
): Promise<void> {
  const t = await startHostileTarget({ mode, ...extra });
  try {
    await fn(t);
  } finally {
    await t.stop();
  }
}

/** Creates an owner's image with tags through the hostile target (which forwards it). */
async function createImage(url: string, tags: string[]): Promise<string> {
  const res = await fetch(`${url}/v2/images`, {
    method: "POST",
    headers: { ...owner, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "hostile-unit", tags }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

describe("hostile target", () => {
  it("silent: accepts the connection and sends not one byte within 1 s", async () => {
    await withHostile("silent", async (t) => {
      const r = await rawRequest(t.url, { method: "GET", path: "/" }, 1000);
      expect(r.closed).toBe(false);
      expect(r.chunks).toEqual([]);
      expect(t.requests).toBe(1);
    });
  });

  it("silent-deletes: a tag DELETE gets no answer and is not forwarded; the rest is", async () => {
    await withHostile("silent-deletes", async (t) => {
      const id = await createImage(t.url, ["a"]);
      const r = await rawRequest(
        t.url,
        { method: "DELETE", path: `/v2/images/${id}/tags/a`, headers: owner },
        1000,
      );
      expect(r.closed).toBe(false);
      expect(r.text).toBe("");
      expect(t.reference.server.images.get(id)?.tags).toEqual(["a"]);
      expect((await fetch(`${t.url}/v2/images/${id}`, { method: "DELETE", headers: owner })).status).toBe(
        204,
      );
    });
  });

  it("hanging-deletes: an image DELETE gets no answer and is not forwarded; a tag DELETE is", async () => {
    await withHostile("hanging-deletes", async (t) => {
      const id = await createImage(t.url, ["a"]);
      const r = await rawRequest(t.url, { method: "DELETE", path: `/v2/images/${id}`, headers: owner }, 1000);
      expect(r.text).toBe("");
      expect(t.reference.server.images.has(id)).toBe(true);
      const del = await fetch(`${t.url}/v2/images/${id}/tags/a`, { method: "DELETE", headers: owner });
      expect(del.status).toBe(204);
    });
  });

  it("trickle: showImage sends its headers at once, then one body byte every 500 ms", async () => {
    await withHostile("trickle", async (t) => {
      const id = await createImage(t.url, ["a"]);
      const real = JSON.stringify(
        await (await fetch(`${t.reference.url}/v2/images/${id}`, { headers: owner })).json(),
      );
      const r = await rawRequest(t.url, { method: "GET", path: `/v2/images/${id}`, headers: owner }, 1800);
      const [headers = "", body = ""] = r.text.split("\r\n\r\n");
      expect(headers).toMatch(/^HTTP\/1\.1 200 /);
      expect(headers).toContain(`Content-Length: ${Buffer.byteLength(real)}`);
      expect(r.chunks[0]?.at).toBeLessThan(300);
      expect(body.length).toBeGreaterThanOrEqual(2);
      expect(body.length).toBeLessThanOrEqual(4);
      expect(real.startsWith(body)).toBe(true);
    });
  });

  it("huge-root: GET / streams JSON without end (64 MB read, still going)", async () => {
    await withHostile("huge-root", async (t) => {
      const res = await fetch(`${t.url}/`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/json");
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      let read = 0;
      let first = "";
      while (read < 64 * 1024 * 1024) {
        const { done, value } = await reader.read();
        expect(done).toBe(false);
        if (first === "") first = Buffer.from(value ?? []).toString("utf8", 0, 13);
        read += value?.length ?? 0;
      }
      await reader.cancel();
      expect(first).toBe('{"versions":[');
    });
  });

  it("deep-root: GET / is a JSON array nested 100,000 levels", async () => {
    await withHostile("deep-root", async (t) => {
      const res = await fetch(`${t.url}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe("[".repeat(100_000) + "]".repeat(100_000));
    });
  });

  it("big-root: GET / is one valid JSON object of more than 120 MB", async () => {
    await withHostile("big-root", async (t) => {
      const res = await fetch(`${t.url}/`);
      expect(Number(res.headers.get("content-length"))).toBeGreaterThanOrEqual(120 * 1024 * 1024);
      const doc = JSON.parse(await res.text()) as { versions: unknown[]; padding: string };
      expect(doc.versions).toHaveLength(1);
      expect(doc.padding.length).toBeGreaterThanOrEqual(120 * 1024 * 1024);
    });
  });

  it("echo-token: a header named after the token, and the token in four encodings in a JSON error", async () => {
    await withHostile("echo-token", async (t) => {
      const res = await fetch(`${t.url}/v2/images/00000000-0000-4000-8000-000000000000`, { headers: owner });
      expect(res.status).toBe(404);
      expect(res.headers.get(`x-echo-${tokens.owner}`)).toBe("1");
      const text = await res.text();
      const body = JSON.parse(text) as Record<string, unknown>;
      expect(typeof body["message"]).toBe("string");
      expect(body["echo"]).toBe(tokens.owner);
      expect(body["echo_unicode_lower"]).toBe(tokens.owner);
      expect(text).toContain("\\u0074\\u0065\\u0073\\u0074\\u002d");
      expect(text).toContain("\\u002D");
      expect(text).toContain("%74%65%73%74%2D");
      expect(text).toContain("%74%65%73%74%2d");
      expect(body["echo_base64"]).toBe(Buffer.from(tokens.owner).toString("base64"));
      expect(body["echo_html_decimal"]).toMatch(/^&#116;&#101;&#115;&#116;&#45;/);
      expect(body["echo_spaced"]).toBe(Array.from(tokens.owner).join(" "));
      expect(res.headers.get("x-echo-hex-lower")).toBe(Buffer.from(tokens.owner).toString("hex"));
      const ok = await fetch(`${t.url}/`);
      expect([...ok.headers.keys()].some((k) => k.startsWith("x-echo-"))).toBe(false);
    });
  });

  it("throttle: the 10th request is answered 429 with Retry-After: 1 and not forwarded", async () => {
    await withHostile("throttle", async (t) => {
      for (let i = 1; i < 10; i++) expect((await fetch(`${t.url}/`)).status).toBe(300);
      const create = (): Promise<Response> =>
        fetch(`${t.url}/v2/images`, {
          method: "POST",
          headers: { ...owner, "Content-Type": "application/json" },
          body: JSON.stringify({ name: "throttled" }),
        });
      const tenth = await create();
      expect(tenth.status).toBe(429);
      expect(tenth.headers.get("retry-after")).toBe("1");
      expect(t.reference.server.images.size).toBe(0);
      expect((await create()).status).toBe(201);
      expect(t.log.filter((r) => r.fate.startsWith("throttled")).map((r) => r.n)).toEqual([10]);
    });
  });

  it("reset-mid-body: the 40th request gets headers announcing 1000 bytes, 10 bytes, then a dead socket", async () => {
    await withHostile("reset-mid-body", async (t) => {
      for (let i = 1; i < 40; i++) expect((await fetch(`${t.url}/`)).status).toBe(300);
      const r = await rawRequest(t.url, { method: "GET", path: "/" }, 2000);
      expect(r.closed).toBe(true);
      const [headers = "", body] = r.text.split("\r\n\r\n");
      expect(headers).toMatch(/^HTTP\/1\.1 200 /);
      expect(headers).toContain("Content-Length: 1000");
      expect(body).toHaveLength(10);
    });
  });

  it('late-204-body: 204 without Content-Length, then {"late":true} 50 ms later, then close', async () => {
    await withHostile("late-204-body", async (t) => {
      const id = await createImage(t.url, ["a", "b"]);
      const r = await rawRequest(
        t.url,
        { method: "DELETE", path: `/v2/images/${id}/tags/a`, headers: owner },
        2000,
      );
      expect(r.closed).toBe(true);
      const [headers = "", body] = r.text.split("\r\n\r\n");
      expect(headers).toMatch(/^HTTP\/1\.1 204 /);
      expect(headers).not.toMatch(/content-length/i);
      expect(body).toBe('{"late":true}');
      const late = r.chunks.find((c) => c.data.toString("latin1").includes("late"));
      const first = r.chunks[0];
      expect(late).toBeDefined();
      expect(late).not.toBe(first);
      expect((late?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(40);
      expect(t.reference.server.images.get(id)?.tags).toEqual(["b"]);
      // A 404 from the reference is passed on as it is.
      const again = await fetch(`${t.url}/v2/images/${id}/tags/a`, { method: "DELETE", headers: owner });
      expect(again.status).toBe(404);
    });
  });

  it("die-after: answers N requests, then destroys the next one's socket and refuses connections", async () => {
    await withHostile(
      "die-after",
      async (t) => {
        for (let i = 0; i < 3; i++) expect((await fetch(`${t.url}/`)).status).toBe(300);
        const fourth = await rawRequest(t.url, { method: "GET", path: "/" }, 2000);
        expect(fourth.closed).toBe(true);
        expect(fourth.text).toBe("");
        const fifth = await rawRequest(t.url, { method: "GET", path: "/" }, 2000);
        expect(fifth.error).toMatch(/ECONNREFUSED/);
      },
      { dieAfter: 3 },
    );
  });
});

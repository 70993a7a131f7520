import { pactPath, serveVerifier, type ForwardedRequest } from "../../../../contracts/verify/serveVerifier";

describe("the loopback endpoint the verifier child talks to", () => {
  it("sets up states and forwards requests only for callers with the run's nonce, which it strips", async () => {
    const states: string[] = [];
    const forwarded: ForwardedRequest[] = [];
    const server = await serveVerifier({
      setUp: (state) => {
        states.push(state);
        return Promise.resolve({ imageId: "i-1", tag: "t" });
      },
      forward: (req) => {
        forwarded.push(req);
        return Promise.resolve({
          status: 204,
          headers: { "x-from": "target", connection: "close" },
          body: "",
        });
      },
    });
    try {
      // Without the nonce (another local process): nothing set up, nothing sent to the target.
      expect(
        (await fetch(`${server.url}/_itc/state`, { method: "POST", body: '{"state":"s"}' })).status,
      ).toBe(403);
      expect(
        (
          await fetch(`${server.url}/v2/images/x/tags/t`, {
            method: "DELETE",
            headers: { "x-itc-nonce": "guess" },
          })
        ).status,
      ).toBe(403);
      expect([states, forwarded]).toEqual([[], []]);
      // With it: the state's values, and the request forwarded as sent, without the nonce.
      const state = await fetch(`${server.url}/_itc/state`, {
        method: "POST",
        headers: { "x-itc-nonce": server.nonce },
        body: '{"state":"an image with a tag"}',
      });
      expect(await state.json()).toEqual({ imageId: "i-1", tag: "t" });
      const res = await fetch(`${server.url}/v2/images/x/tags/t?q=1`, {
        method: "DELETE",
        headers: {
          "x-itc-nonce": server.nonce,
          "X-Auth-Token": "ITC-OWNER-TOKEN",
          "Content-Type": "application/json",
        },
        body: '{"tag":"t"}',
      });
      expect([res.status, res.headers.get("x-from")]).toEqual([204, "target"]);
      expect(forwarded).toHaveLength(1);
      expect(forwarded[0]).toMatchObject({
        method: "DELETE",
        path: "/v2/images/x/tags/t?q=1",
        body: '{"tag":"t"}',
      });
      expect(forwarded[0]?.headers["x-auth-token"]).toBe("ITC-OWNER-TOKEN");
      expect(forwarded[0]?.headers["x-itc-nonce"]).toBeUndefined();
      expect(server.error()).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it("a failure of the run's own (the target gone, Ctrl-C) is kept: the verification's result is then void", async () => {
    const server = await serveVerifier({
      setUp: () => Promise.resolve({}),
      forward: () => Promise.reject(new Error("target unreachable")),
    });
    try {
      const res = await fetch(`${server.url}/v2/images/x/tags/t`, {
        method: "DELETE",
        headers: { "x-itc-nonce": server.nonce },
      });
      expect(res.status).toBe(502);
      expect(server.error()).toMatchObject({ message: "target unreachable" });
    } finally {
      await server.close();
    }
  });

  it("serves the pact at the nonce's path only, and a coded answer's body goes back decoded, without its coding", async () => {
    const server = await serveVerifier({
      pact: '{"interactions":[]}',
      setUp: () => Promise.resolve({}),
      forward: () =>
        Promise.resolve({
          status: 404,
          headers: { "content-type": "application/json", "content-encoding": "gzip" },
          body: '{"message":"m"}',
        }),
    });
    try {
      const pact = await fetch(`${server.url}${pactPath(server.nonce)}`);
      expect([pact.status, await pact.text()]).toEqual([200, '{"interactions":[]}']);
      expect((await fetch(`${server.url}${pactPath("guess")}`)).status).toBe(403);
      const res = await fetch(`${server.url}/v2/images/x/tags/t`, {
        method: "DELETE",
        headers: { "x-itc-nonce": server.nonce },
      });
      expect([res.status, res.headers.get("content-encoding"), await res.text()]).toEqual([
        404,
        null,
        '{"message":"m"}',
      ]);
    } finally {
      await server.close();
    }
  });
});

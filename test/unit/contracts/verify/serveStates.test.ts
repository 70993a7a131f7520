import { serveStates } from "../../../../contracts/verify/serveStates";

describe("the loopback server the verifier child calls", () => {
  it("answers tokens and sets up states only for callers with the run's nonce", async () => {
    const calls: string[] = [];
    const server = await serveStates({
      setUp: (state) => {
        calls.push(state);
        return Promise.resolve({ imageId: "i-1", tag: "t" });
      },
      token: (who) => Promise.resolve(who === "owner" ? "owner-current-token" : undefined),
    });
    try {
      const get = (path: string, nonce?: string): Promise<Response> =>
        fetch(`${server.url}${path}`, { headers: nonce === undefined ? {} : { "X-ITC-Nonce": nonce } });
      // Without the nonce (another local process): nothing, and no state set up.
      expect((await get("/token/owner")).status).toBe(403);
      expect((await get("/token/owner", "guess")).status).toBe(403);
      const anonymousPost = await fetch(`${server.url}/state`, { method: "POST", body: '{"state":"s"}' });
      expect(anonymousPost.status).toBe(403);
      expect(calls).toEqual([]);
      // With it: the current token, 404 for an identity without one, and the state's values.
      const owner = await get("/token/owner", server.nonce);
      expect([owner.status, await owner.text()]).toEqual([200, "owner-current-token"]);
      expect((await get("/token/alt", server.nonce)).status).toBe(404);
      const post = await fetch(`${server.url}/state`, {
        method: "POST",
        headers: { "X-ITC-Nonce": server.nonce },
        body: '{"state":"an image with a tag"}',
      });
      expect(await post.json()).toEqual({ imageId: "i-1", tag: "t" });
      expect(calls).toEqual(["an image with a tag"]);
      expect(server.error()).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { KeystoneIdentity } from "../../../src/auth/KeystoneIdentity";
import { keystoneTarget, renewMarginMs } from "../../../src/auth/keystoneTarget";
import { imageEndpoint, issueToken } from "../../../src/auth/keystoneSession";

let server: Server;
let url: string;
let issued = 0;
let lifetimeMs = 3600_000;
let skewMs = 0;
/** Answers of user "held", sent only once a request of user "release" has come (or after 3 s, refused). */
const held: (() => void)[] = [];
let released = false;
/** Tokens revoked (DELETE /v3/auth/tokens). */
const revoked: string[] = [];

beforeAll(async () => {
  // A fake Keystone v3: password auth for u/p, a catalog with a public and an internal image endpoint.
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      if (req.method === "GET") {
        // Validation: 404 for a token revoked, 200 otherwise; user "stillvalid" keeps its revoked tokens valid.
        const subject = String(req.headers["x-subject-token"]);
        const gone = revoked.includes(subject) && !subject.startsWith("tok-stillvalid-");
        res.writeHead(gone ? 404 : 200, { "Content-Type": "application/json" }).end("{}");
        return;
      }
      if (req.method === "DELETE") {
        // Revocation: 204 for a token this Keystone issued, revoked by a token of the same user.
        const by = String(req.headers["x-auth-token"]);
        const subject = String(req.headers["x-subject-token"]);
        const userOf = (t: string): string => t.replace(/^tok-(.*)-\d+$/, "$1");
        const ok = by.startsWith("tok-") && userOf(by) === userOf(subject) && userOf(by) !== "norevoke";
        if (ok) revoked.push(subject);
        res.writeHead(ok ? 204 : 403).end();
        return;
      }
      const auth = JSON.parse(body) as {
        auth: { identity: { password?: { user: { name: string; password: string } } } };
      };
      const user = auth.auth.identity.password?.user;
      if (req.url !== "/v3/auth/tokens" || user?.password !== "p") {
        // User "late" is refused after 200 ms, later than anyone else.
        setTimeout(() => res.writeHead(401).end("{}"), user?.name === "late" ? 200 : 0);
        return;
      }
      if (user.name === "held" && !released) {
        const timer = setTimeout(() => res.writeHead(503).end("{}"), 3000);
        held.push(() => {
          clearTimeout(timer);
          answer();
        });
        return;
      }
      // The two requests may come in either order: a "held" one that comes after "release" is answered at once.
      if (user.name === "release") {
        released = true;
        for (let h = held.shift(); h !== undefined; h = held.shift()) h();
      }
      answer();
    });
    const answer = (): void => {
      const { user } = (JSON.parse(body) as { auth: { identity: { password: { user: { name: string } } } } })
        .auth.identity.password;
      issued += 1;
      // Keystone's clock may differ from ours: only the lifetime (expires_at - issued_at) may be relied on.
      const now = Date.now() + skewMs;
      const token = {
        issued_at: new Date(now).toISOString(),
        expires_at: new Date(now + lifetimeMs).toISOString(),
        project: { id: `proj-${user.name}` },
        catalog: [
          {
            type: "image",
            endpoints: [
              { interface: "internal", region_id: "R1", url: "http://internal:9292" },
              { interface: "public", region_id: "R1", url: "http://glance:9292/" },
            ],
          },
        ],
      };
      res
        .writeHead(201, {
          // User "same" always gets one token (as a caching proxy might hand out).
          "X-Subject-Token": user.name === "same" ? "tok-same-0" : `tok-${user.name}-${issued}`,
          "Content-Type": "application/json",
        })
        .end(JSON.stringify({ token }));
    };
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v3`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server.close(() => {
        resolve();
      });
    }),
);

const identity = (username: string, password = "p"): KeystoneIdentity => ({
  authUrl: url,
  regionName: "R1",
  interface: "public",
  method: {
    kind: "password",
    username,
    password,
    projectName: "pr",
    userDomainName: "Default",
    projectDomainName: "Default",
  },
});

describe("Keystone authentication", () => {
  it("issues a scoped token and finds the public image endpoint of the region in its catalog", async () => {
    const t = await issueToken(identity("u"), "owner");
    expect(t.token).toMatch(/^tok-u-/);
    expect(t.projectId).toBe("proj-u");
    expect(imageEndpoint(t, identity("u"))).toBe("http://glance:9292");
    expect(imageEndpoint(t, { ...identity("u"), interface: "internal" })).toBe("http://internal:9292");
  });

  it("rejected credentials are a configuration error (exit 2), and never echo the password", async () => {
    await expect(issueToken(identity("u", "wrong-pass"), "owner")).rejects.toMatchObject({
      name: "ConfigError",
      code: "token-rejected",
    });
    await expect(issueToken(identity("u", "wrong-pass"), "owner")).rejects.toThrow(/^(?!.*wrong-pass)/);
  });

  it("the target learns the alt project from alt's token, redacts passwords, and renews tokens near expiry", async () => {
    lifetimeMs = 2000; // renewed in the last quarter of its life: after 1.5 s
    skewMs = -3600_000; // Keystone's clock an hour behind: its expires_at is already past by ours
    try {
      const target = await keystoneTarget({
        kind: "keystone",
        url: undefined,
        owner: identity("u"),
        alt: identity("a"),
        altProjectId: undefined,
        clouds: { owner: undefined, alt: undefined },
      });
      expect(target.baseUrl).toBe("http://glance:9292");
      expect(target.altProjectId).toBe("proj-a");
      expect(target.secrets).toEqual(["p", "p"]);
      const before = target.credentials.owner;
      // Fresh tokens are kept (the skew does not make them look expired) ...
      expect((await target.refresh?.()) ?? []).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 1600));
      // ... and renewed near expiry, once per identity even when requests ask in parallel.
      const issuedBefore = issued; // the revoked token was issued before, not now
      const [fresh, twin] = await Promise.all([target.refresh?.(), target.refresh?.()]);
      expect(issued - issuedBefore).toBe(2);
      expect(fresh?.length).toBe(2);
      expect(twin).toEqual(fresh);
      expect(target.credentials.owner).not.toBe(before);
      expect((await target.refresh?.()) ?? []).toEqual([]);
    } finally {
      lifetimeMs = 3600_000;
      skewMs = 0;
    }
  });

  it("the run gets a revoked token: one more owner token, revoked at once; never one of the run's own", async () => {
    const target = await keystoneTarget({
      kind: "keystone",
      url: undefined,
      owner: identity("u"),
      alt: identity("a"),
      altProjectId: undefined,
      clouds: { owner: undefined, alt: undefined },
    });
    expect(target.revokedToken).toMatch(/^tok-u-/);
    expect(revoked).toContain(target.revokedToken);
    expect(revoked).not.toContain(target.credentials.owner);
    expect(target.revokedToken).not.toBe(target.credentials.owner);
    // Keystone refusing the revocation: no revoked token, and why (the level is then not exercised).
    const refused = await keystoneTarget({
      kind: "keystone",
      url: undefined,
      owner: identity("norevoke"),
      alt: undefined,
      altProjectId: undefined,
      clouds: { owner: undefined, alt: undefined },
    });
    expect(refused.revokedToken).toBeUndefined();
    expect(refused.revokedTokenMissing).toMatch(/answered 403 to the revocation/);
    // Keystone handing out the run's own token again: it is not revoked, and the level is not exercised.
    const same = await keystoneTarget({
      kind: "keystone",
      url: undefined,
      owner: identity("same"),
      alt: undefined,
      altProjectId: undefined,
      clouds: { owner: undefined, alt: undefined },
    });
    expect(same.credentials.owner).toBe("tok-same-0");
    expect(same.revokedToken).toBeUndefined();
    expect(same.revokedTokenMissing).toMatch(/the run's own owner token again/);
    expect(revoked).not.toContain("tok-same-0");
    // Keystone answering 204 to the revocation yet still validating the token: no revoked token either.
    const still = await keystoneTarget({
      kind: "keystone",
      url: undefined,
      owner: identity("stillvalid"),
      alt: undefined,
      altProjectId: undefined,
      clouds: { owner: undefined, alt: undefined },
    });
    expect(still.revokedToken).toBeUndefined();
    expect(still.revokedTokenMissing).toMatch(/still answered 200 to validating the token it had revoked/);
  });

  it("the owner's and alt's tokens are asked for at once: each costs Keystone a password hash", async () => {
    // Keystone holds the owner's answer until alt's request has come: one after the other would never finish.
    const target = await keystoneTarget({
      kind: "keystone",
      url: undefined,
      owner: identity("held"),
      alt: identity("release"),
      altProjectId: undefined,
      clouds: { owner: undefined, alt: undefined },
    });
    expect(target.credentials.owner).toMatch(/^tok-held-/);
    expect(target.altProjectId).toBe("proj-release");
  });

  it("when both identities are refused, the owner's refusal is the one reported, whichever came first", async () => {
    const both = keystoneTarget({
      kind: "keystone",
      url: undefined,
      owner: identity("late", "wrong-owner"),
      alt: identity("a", "wrong-alt"),
      altProjectId: undefined,
      clouds: { owner: undefined, alt: undefined },
    });
    await expect(both).rejects.toMatchObject({ code: "token-rejected" });
    await expect(both).rejects.toThrow(/the owner credentials/);
  });

  it("a token's margin is two minutes, or a quarter of a shorter lifetime", () => {
    const token = (lifetime: number) => ({
      token: "t",
      receivedAt: 0,
      expiresAt: lifetime,
      projectId: undefined,
      catalog: [],
    });
    expect(renewMarginMs(token(3600_000))).toBe(120_000);
    expect(renewMarginMs(token(60_000))).toBe(15_000);
  });
});

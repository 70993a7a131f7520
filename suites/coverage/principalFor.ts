import type { CredentialId } from "../../generators/space/Observation";
import { prng } from "../../generators/space/prng";
import type { Principal } from "../../src/http/Exchange";
import type { ScenarioContext } from "../../src/engine/ScenarioContext";

const alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";

/** A different character of the same kind, so that only the one change tells the token apart. */
function other(c: string): string {
  if (/[0-9]/.test(c)) return c === "7" ? "3" : "7";
  if (/[a-z]/.test(c)) return c === "q" ? "z" : "q";
  if (/[A-Z]/.test(c)) return c === "Q" ? "Z" : "Q";
  return c === "A" ? "B" : "A";
}

/**
 * The principal a request of a plan goes as: the owner, nobody, an empty or random token, or a near miss of the
 * owner's current token (RFC 9110 §15.5.2: none of them authenticates). Near misses hold most of the real token,
 * so they are secrets like it (redacted everywhere); their labels say how they were made, not what they are.
 */
export async function principalFor(
  credential: CredentialId,
  variant: number,
  ctx: ScenarioContext,
): Promise<Principal | undefined> {
  const owner = async (): Promise<string> => (await ctx.client.currentToken("owner")) ?? "";
  switch (credential) {
    case "valid":
      return "owner";
    case "none":
      return "anonymous";
    case "empty":
      return { label: "an empty token", token: "" };
    case "random": {
      const rng = prng(variant);
      const n = 16 + Math.floor(rng() * 180);
      const token = Array.from({ length: n }, () => alnum[Math.floor(rng() * alnum.length)] ?? "a").join("");
      return { label: "a random token", token };
    }
    case "truncated": {
      const t = await owner();
      return { label: "the owner token without its last character", token: t.slice(0, -1), secret: true };
    }
    case "extended":
      return { label: "the owner token with one more character", token: `${await owner()}A`, secret: true };
    case "one-changed": {
      const t = await owner();
      // The first, middle or last but one character: three near misses at most per run, each a secret to redact.
      // Not the last: a base64 token's last character may carry spare bits a decoder drops (Keystone restores
      // the padding and decodes leniently), so changing it can leave the same token (Fernet, RFC 4648 §3.5).
      const at = [0, t.length >> 1, Math.max(0, t.length - 2)][variant % 3] ?? 0;
      const c = other(t[at] ?? "A");
      return {
        label: `the owner token with character ${at + 1} changed to ${c}`,
        token: `${t.slice(0, at)}${c}${t.slice(at + 1)}`,
        secret: true,
      };
    }
    case "case-changed": {
      const t = await owner();
      const swapped = Array.from(t, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(
        "",
      );
      // A secret of its own: echoed base64- or hex-encoded, its bytes are not the token's.
      return swapped === t
        ? undefined
        : { label: "the owner token in swapped letter case", token: swapped, secret: true };
    }
    case "revoked":
      return ctx.target.revokedToken === undefined
        ? undefined
        : { label: "a revoked owner token", token: ctx.target.revokedToken, secret: true };
  }
}

import { Agents } from "../http/Agents";
import { transport } from "../http/transport";
import { describeTransportError } from "../http/transportErrors";
import type { KeystoneIdentity } from "./KeystoneIdentity";
import { issueToken } from "./keystoneSession";

/** A token of the owner's that Keystone issued and then revoked, or why the run has none. */
export type Revoked = { readonly token: string } | { readonly unavailable: string };

/**
 * Issues one more owner token and revokes it at once (Keystone API v3: DELETE /v3/auth/tokens, X-Subject-Token
 * the token revoked, 204): the credential=revoked level of the input space, a token Glance must refuse with 401
 * (RFC 9110 §15.5.2) though it was genuine. The run's own tokens are never revoked. Any failure is said, never
 * the run's end: the level is then not exercised, with the reason.
 */
export async function revokedToken(
  identity: KeystoneIdentity,
  ownerToken: string,
  agents: Agents | undefined,
  timeoutMs = 30000,
): Promise<Revoked> {
  let spare: string;
  try {
    spare = (await issueToken(identity, "owner", agents, timeoutMs)).token;
  } catch (error) {
    return { unavailable: `a second owner token to revoke was refused: ${(error as Error).message}` };
  }
  // Revoking a token equal to the run's own would end the run's session.
  if (spare === ownerToken)
    return { unavailable: "Keystone issued the run's own owner token again, which the run must not revoke" };
  const url = new URL(`${identity.authUrl}/auth/tokens`);
  // Keystone v3's token API on the spare token, asked with the owner's: DELETE revokes it, GET validates it.
  const onSpare = (method: "DELETE" | "GET", maxBodyBytes: number) =>
    transport(
      {
        url,
        method,
        headers: { "X-Auth-Token": ownerToken, "X-Subject-Token": spare, Accept: "application/json" },
        deadlineMs: timeoutMs,
        maxBodyBytes,
      },
      agents ?? new Agents(),
    );
  try {
    const res = await onSpare("DELETE", 64 * 1024);
    if (res.status !== 204)
      return {
        unavailable: `Keystone at ${identity.authUrl} answered ${res.status} to the revocation of a token`,
      };
    // Revoked for Keystone itself? Validating it must now answer 404 (a deployment may answer 204 and go on
    // honouring the token): otherwise a target that accepts it would be blamed for Keystone's doing.
    const check = await onSpare("GET", 256 * 1024);
    if (check.status !== 404)
      return {
        unavailable: `Keystone at ${identity.authUrl} still answered ${check.status} to validating the token it had revoked`,
      };
  } catch (error) {
    return {
      unavailable: `Keystone at ${identity.authUrl} is unreachable: ${describeTransportError(error, url.origin).text}`,
    };
  }
  return { token: spare };
}

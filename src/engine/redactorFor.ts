import { Redactor } from "../http/Redactor";
import type { Target } from "./Target";

/** A redactor for every secret the target was given: its tokens as they are now (a revoked one too), and passwords or secrets. */
export function redactorFor(target: Target): Redactor {
  return new Redactor([
    target.credentials.owner,
    target.credentials.alt,
    target.revokedToken,
    ...(target.secrets ?? []),
  ]);
}

/**
 * A profile id as every report names it (info.x-itc-profile): plain ASCII letters, digits, ".", "_" and "-",
 * starting with a letter or digit, at most 64 characters. An id that only looks like another (huawei‑ims with
 * U+2011 for the hyphen) can then never pass for it in a report, a diff or verify-report's output.
 */
const plainId = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The first character of text outside printable ASCII, as "U+2011 at 7" (1-based), if any. */
function firstNonAscii(text: string): string | undefined {
  let at = 0;
  for (const ch of text) {
    at += 1;
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || code > 0x7e)
      return `U+${code.toString(16).toUpperCase().padStart(4, "0")} at character ${at}`;
  }
  return undefined;
}

/**
 * Why an id given as info.x-itc-profile is not one, or undefined when it is. Without x-itc-profile the id is
 * the path given to --profile: that must be printable ASCII (fromPath).
 */
export function profileIdProblem(id: string, fromPath = false): string | undefined {
  const odd = firstNonAscii(id);
  if (fromPath)
    return odd === undefined
      ? undefined
      : `its path is the profile's id (it has no info.x-itc-profile) and is not plain ASCII (${odd}): give the profile an id of its own in info.x-itc-profile`;
  if (plainId.test(id)) return undefined;
  const why = odd === undefined ? "" : ` (${odd})`;
  return `its id ${JSON.stringify(id)} (info.x-itc-profile) is not plain ASCII letters, digits, ".", "_" and "-", at most 64${why}`;
}

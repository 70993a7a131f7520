/** Limits for a target's document kept in the report: larger or deeper ones are described, not copied. */
export const maxDocumentChars = 64 * 1024;
export const maxDocumentDepth = 32;

/** How deeply a JSON text nests arrays and objects, counted without recursion (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let most = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) most = Math.max(most, ++depth);
    else if (c === 0x5d || c === 0x7d) depth--;
  }
  return most;
}

/**
 * A document the target sent, as the report keeps it: the parsed JSON when it is small and shallow, otherwise
 * (or when it is not JSON) its status and the start of its text, with why.
 */
export function boundedJson(status: number, text: string, truncated: boolean): unknown {
  const head = { status, text: text.slice(0, 500) };
  if (truncated || text.length > maxDocumentChars)
    return { ...head, note: `not kept: larger than ${maxDocumentChars} characters` };
  if (jsonDepth(text) > maxDocumentDepth)
    return { ...head, note: `not kept: nested deeper than ${maxDocumentDepth} levels` };
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return head;
  }
}

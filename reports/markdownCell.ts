/** At most this many characters of a target's text in one cell or line: a hostile target cannot flood a page. */
const maxChars = 500;

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;

/**
 * Text for a GitHub-flavoured Markdown table cell or list item: one line, pipes escaped (GFM "Tables": \| in a
 * cell), HTML's < and & neutralised, clipped.
 */
export function markdownCell(text: string, max = maxChars): string {
  return clip(text, max)
    .replace(/\r?\n|\r/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/\|/g, "\\|");
}

/**
 * Text as inline code: the fence is one backtick longer than the longest run inside (CommonMark "Code spans"),
 * padded with spaces when the text starts or ends with a backtick. In a table cell, pipes are escaped (GFM lets
 * \| stand for a pipe even inside code there; elsewhere the backslash would show).
 */
export function inlineCode(text: string, inTable = false, max = maxChars): string {
  const one = clip(text, max).replace(/\r?\n|\r/g, " ");
  const longest = Math.max(0, ...(one.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = one.startsWith("`") || one.endsWith("`") ? " " : "";
  return `${fence}${pad}${inTable ? one.replace(/\|/g, "\\|") : one}${pad}${fence}`;
}

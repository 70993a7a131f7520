const entities: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Text as HTML that means exactly that text, in element content and in quoted attribute values alike
 * (HTML Living Standard 13.1.2.6, 13.5 "escaping a string"). C0 controls other than tab, line feed and carriage
 * return, and DEL, are parse errors in HTML: they are shown as their Unicode control pictures (U+2400 block).
 */
export function escapeHtml(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[&<>"']|[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, (c) => {
    const entity = entities[c];
    if (entity !== undefined) return entity;
    const code = c.charCodeAt(0);
    return String.fromCharCode(code === 0x7f ? 0x2421 : 0x2400 + code);
  });
}

import { escapeHtml } from "./escapeHtml";

/** Markup known to be safe: built by markup`` (every interpolated value escaped) or a constant of the renderer. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

export type HtmlValue = Html | string | number | undefined | null | false | readonly HtmlValue[];

/** One string of the report is never shown beyond this many characters: report.json keeps it whole. */
export const maxShownChars = 8000;

function clip(text: string): string {
  if (text.length <= maxShownChars) return text;
  return `${text.slice(0, maxShownChars)}… [${text.length - maxShownChars} more characters in report.json]`;
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(render).join("");
  if (value === undefined || value === null || value === false) return "";
  if (typeof value === "number") return String(value);
  return escapeHtml(clip(value as string));
}

/**
 * A template of markup in which every interpolated string is escaped (and clipped): the only way report text
 * reaches the page, so target-controlled text can never become markup.
 */
export function markup(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let out = strings[0] ?? "";
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

/** Markup the renderer itself wrote (its stylesheet, its script): never report text. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

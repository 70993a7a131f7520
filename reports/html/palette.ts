import type { Verdict } from "../../src/engine/verdict";
import type { OutcomeLabel } from "../outcomeLabel";

/** Colours of the outcome labels (text and border, background): one palette for the page and its plots. */
export const outcomeColours: Readonly<
  Record<OutcomeLabel, { readonly ink: string; readonly paper: string }>
> = {
  PASS: { ink: "#116329", paper: "#dafbe1" },
  FAIL: { ink: "#a40e26", paper: "#ffebe9" },
  FLAGGED: { ink: "#7d4e00", paper: "#fff8c5" },
  FINDING: { ink: "#6639ba", paper: "#fbefff" },
  "NOT EXERCISED": { ink: "#424a53", paper: "#eaeef2" },
};

export const verdictColours: Readonly<Record<Verdict, { readonly ink: string; readonly paper: string }>> = {
  conformant: outcomeColours.PASS,
  "non-conformant": outcomeColours.FAIL,
  incomplete: outcomeColours["NOT EXERCISED"],
};

/** Classes of HTTP status in the plots, each named in their legends. */
export type StatusClass = "2xx" | "3xx" | "4xx" | "5xx" | "other";

export const statusClassColours: Readonly<Record<StatusClass, string>> = {
  "2xx": "#0969da",
  "3xx": "#8c959f",
  "4xx": "#d4792a",
  "5xx": "#a40e26",
  other: "#24292f",
};

export function statusClassOf(status: number): StatusClass {
  if (status >= 200 && status < 300) return "2xx";
  if (status >= 300 && status < 400) return "3xx";
  if (status >= 400 && status < 500) return "4xx";
  if (status >= 500 && status < 600) return "5xx";
  return "other";
}

/** CSS class names of the labels: b-pass, b-fail, b-flagged, b-finding, b-not-exercised. */
export function labelClass(label: OutcomeLabel): string {
  return `b-${label.toLowerCase().replace(" ", "-")}`;
}

import type { Exchange } from "../../src/http/Exchange";
import { formatMs } from "./format";
import { markup, type Html } from "./Html";

function headers(h: Readonly<Record<string, string>>): string {
  return Object.entries(h)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
}

/** One recorded request and its response as HTTP messages, exactly as recorded (secrets already redacted). */
export function exchangeView(e: Exchange): Html {
  const body = (text: string | undefined): string => (text === undefined || text === "" ? "" : `\n\n${text}`);
  const request = `${e.method} ${e.path}\n${headers(e.requestHeaders)}${body(e.requestBody)}`;
  const response = `HTTP ${e.status}\n${headers(e.responseHeaders)}${body(e.responseBody)}`;
  return markup`<div class="exchange" data-seq="${e.seq}">
<p class="head"><strong>#${e.seq}</strong> <code>${e.method} ${e.path}</code> as ${e.principal} → <strong>${e.status}</strong> <span class="meta">${e.operationId}, ${formatMs(e.durationMs)}${e.resent === true ? ", resent (its kept-alive connection closed unanswered)" : ""}</span></p>
<div class="pair"><pre aria-label="request #${e.seq}">${request}</pre><pre aria-label="response #${e.seq}">${response}</pre></div>
</div>`;
}

/** A scenario's exchanges, collapsible; open when they are the evidence of a failure. */
export function exchangesBlock(exchanges: readonly Exchange[], open: boolean): Html {
  if (exchanges.length === 0) return markup`<p class="muted">No exchange recorded.</p>`;
  return markup`<details class="exchanges"${open ? markup` open` : ""}><summary>Exchanges (${exchanges.length}), tokens redacted</summary><div class="body">${exchanges.map(exchangeView)}</div></details>`;
}

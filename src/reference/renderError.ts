import { STATUS_CODES } from "node:http";

export interface RenderedBody {
  readonly contentType: string;
  readonly body: string;
}

/**
 * An error body as Glance renders it: with Accept application/json, {"message","code","title"} where code is
 * the status line ("404 Not Found"); otherwise plain text.
 */
export function renderError(status: number, message: string, accept: string | undefined): RenderedBody {
  const title = STATUS_CODES[status] ?? "Error";
  if ((accept ?? "").includes("application/json")) {
    return {
      contentType: "application/json",
      body: JSON.stringify({ message, code: `${status} ${title}`, title }),
    };
  }
  return { contentType: "text/plain; charset=UTF-8", body: `${status} ${title}\n\n${message}\n` };
}

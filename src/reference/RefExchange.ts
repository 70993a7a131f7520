import type { IncomingHttpHeaders } from "node:http";
import type { Profile } from "../profile/Profile";
import type { Identity } from "./Identity";
import type { ImageRecord } from "./ImageRecord";

/** A request as a handler sees it: routed, authenticated, body read. */
export interface RefRequest {
  readonly operationId: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly identity: Identity;
}

/** What a handler answers; an error is rendered as JSON or text by the request's Accept header. */
export type RefResponse =
  | {
      readonly status: number;
      readonly json?: unknown;
      readonly headers?: Readonly<Record<string, string>>;
      /** Raw bytes written on the connection this long after the headers (a broken variant: content after 204). */
      readonly trailing?: { readonly bytes: string; readonly afterMs: number };
    }
  | { readonly status: number; readonly error: string };

export interface RefContext {
  readonly profile: Profile;
  readonly images: Map<string, ImageRecord>;
  readonly now: () => string;
}

export type Handler = (req: RefRequest, ctx: RefContext) => RefResponse | Promise<RefResponse>;

/** Maps a token to an identity; undefined means 401. */
export type Authenticate = (
  token: string | undefined,
  identities: readonly Identity[],
) => Identity | undefined;

/** The answer to a request without a valid token; the server's base URL names the identity service. */
export type Unauthenticated = (
  baseUrl: string,
) => RefResponse & { readonly headers?: Readonly<Record<string, string>> };

/** Renders an error body by the request's Accept header. */
export type ErrorRenderer = (
  status: number,
  message: string,
  accept: string | undefined,
) => { readonly contentType: string; readonly body: string };

/** A request to the subject operation as a fault sees it, before the reference decides anything. */
export interface SubjectCall {
  readonly token: string | undefined;
  /** The identity the token names (undefined: none, or not a valid one). */
  readonly identity: Identity | undefined;
  readonly identities: readonly Identity[];
  readonly params: Readonly<Record<string, string>>;
  readonly body: Buffer;
  readonly ctx: RefContext;
}

/** What a fault does to a subject request: answers it itself, lets it through as someone, or adds a side effect. */
export type SubjectAction =
  | {
      readonly kind: "respond";
      readonly response: RefResponse & { readonly headers?: Readonly<Record<string, string>> };
    }
  | { readonly kind: "as"; readonly identity: Identity }
  | { readonly kind: "after"; readonly effect: () => void };

/** A fault on the subject operation (the generated fault space): undefined leaves the request alone. */
export type SubjectHook = (call: SubjectCall) => SubjectAction | undefined;

/** The replaceable parts of the reference: mutants (deliberately broken variants) wrap these. */
export interface ReferenceBehaviour {
  readonly authenticate: Authenticate;
  readonly unauthenticated: Unauthenticated;
  readonly renderError: ErrorRenderer;
  readonly handlers: Readonly<Record<string, Handler>>;
  readonly subjectHook?: SubjectHook;
}

export function fail(status: number, error: string): RefResponse {
  return { status, error };
}

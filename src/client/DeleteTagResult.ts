/** An error body as the profile documents it (for openstack-glance: message, code, title). */
export type ErrorBody = Readonly<Record<string, unknown>>;

/** What deleteTag can answer: one member per status a profile may document, and undocumented answers said as such. */
export type DeleteTagResult =
  | { readonly kind: "deleted"; readonly status: 204 }
  | { readonly kind: "bad-request"; readonly status: 400; readonly error: ErrorBody }
  | {
      readonly kind: "unauthorized";
      readonly status: 401;
      readonly error: ErrorBody;
      readonly challenge: string;
    }
  | { readonly kind: "forbidden"; readonly status: 403; readonly error: ErrorBody }
  | { readonly kind: "not-found"; readonly status: 404; readonly error: ErrorBody }
  | { readonly kind: "server-error"; readonly status: 500; readonly error: ErrorBody }
  | { readonly kind: "unavailable"; readonly status: 503; readonly error: ErrorBody }
  /** A status the profile does not document, or a body that is not the documented JSON: never silently mapped. */
  | { readonly kind: "undocumented"; readonly status: number; readonly body: string };

import type { OpenAPIV3_1 } from "openapi-types";
import type { SchemaCheck } from "./SchemaCheck";
import type { TagFlag } from "./tagFlags";

/** One documented response of an operation, as the OpenAPI document states it. */
export interface ResponseSpec {
  readonly status: number;
  readonly description: string;
  /** Media types the document lists for the body; empty means the response has no body. */
  readonly mediaTypes: readonly string[];
  /** Validator of the application/json body, when the document gives a schema. */
  readonly checkJsonBody: SchemaCheck | undefined;
  /** Lower-case names of headers the document marks as required. */
  readonly requiredHeaders: readonly string[];
}

export interface OperationSpec {
  readonly operationId: string;
  readonly method: "get" | "put" | "post" | "delete";
  readonly pathTemplate: string;
  readonly role: "subject" | "fixture";
  readonly summary: string;
  readonly responses: ReadonlyMap<number, ResponseSpec>;
  /** Path parameter validators by name. */
  readonly pathParams: ReadonlyMap<string, SchemaCheck>;
}

/** The fixture operations every profile must describe, by operationId. */
export const fixtureOperationIds = [
  "createImage",
  "showImage",
  "deleteImage",
  "addImageTag",
  "createImageMember",
  "updateImageMember",
  "listImages",
] as const;
export type FixtureOperationId = (typeof fixtureOperationIds)[number];

/** A loaded profile: the single source of truth for statuses, parameter schemas and error bodies. */
export interface Profile {
  readonly id: string;
  /** One of the profiles shipped in openapi/, byte for byte; otherwise a custom profile, named as such. */
  readonly builtin: boolean;
  readonly title: string;
  /** Where the document came from: a built-in name's file or the user's path. */
  readonly source: string;
  /** SHA-256 of the document's bytes, as read. */
  readonly sha256: string;
  readonly document: OpenAPIV3_1.Document;
  readonly subject: OperationSpec;
  readonly fixtures: ReadonlyMap<FixtureOperationId, OperationSpec>;
  /** The JSON Schema of the subject's {tag} path parameter, as written in the document. */
  readonly tagSchema: Readonly<Record<string, unknown>>;
  readonly checkTag: SchemaCheck;
  /** The tag parameter's flagged rules (x-itc-flagged); empty under --strict, which drops them. */
  readonly tagFlags: readonly TagFlag[];
  /**
   * The statuses a DELETE naming a tag outside the tag schema may get (x-itc-outside-schema on the tag parameter;
   * default [400]): a profile whose documents do not order 400 against the tag's 404 allows both.
   */
  readonly outsideSchemaStatuses: readonly number[];
  readonly checkImageId: SchemaCheck;
  /** The header that carries the token, from the security scheme (X-Auth-Token). */
  readonly authHeader: string;
  /** Every status the subject operation documents, ascending. */
  readonly documentedStatuses: readonly number[];
}

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import type { OpenAPIV3_1 } from "openapi-types";
import { ConfigError } from "../config/ConfigError";
import {
  builtinProfileNames,
  builtinProfilePath,
  builtinProfileSha256,
  isBuiltinProfileName,
} from "./builtinProfiles";
import { operationSpec, operationsOf } from "./operationSpec";
import { fixtureOperationIds, type FixtureOperationId, type OperationSpec, type Profile } from "./Profile";
import { profileIdProblem } from "./profileId";
import { createSchemaChecker } from "./schemaChecker";
import { parseTagFlags, tagFlagsSchema } from "./tagFlags";

const subjectPath = "/v2/images/{image_id}/tags/{tag}";

function fail(source: string, why: string): never {
  throw new ConfigError("bad-profile", `profile ${source}: ${why}`);
}

function readDocument(source: string): { path: string; bytes: Buffer } {
  const path = isBuiltinProfileName(source) ? builtinProfilePath(source) : resolve(source);
  try {
    return { path, bytes: readFileSync(path) };
  } catch {
    const names = builtinProfileNames.join(", ");
    return fail(
      source,
      `no such profile or file (built-in profiles: ${names}; or give a path to an OpenAPI 3.1 file)`,
    );
  }
}

function authHeaderOf(document: OpenAPIV3_1.Document): string {
  for (const scheme of Object.values(document.components?.securitySchemes ?? {})) {
    if ("type" in scheme && scheme.type === "apiKey" && scheme.in === "header") return scheme.name;
  }
  return "X-Auth-Token";
}

/**
 * Loads a profile by built-in name or path: validates it as OpenAPI 3.1 (swagger-parser), dereferences it,
 * and compiles every schema the suite checks against (ajv, JSON Schema 2020-12).
 */
export async function loadProfile(source: string): Promise<Profile> {
  const { path, bytes } = readDocument(source);
  let document: OpenAPIV3_1.Document;
  try {
    // A built-in profile is the shipped file, validated by the project's tests (loadProfile.test.ts): only
    // dereferenced here (validation costs a tenth of a second at every start). A user's file is validated.
    document = (
      isBuiltinProfileName(source)
        ? await SwaggerParser.dereference(path)
        : await SwaggerParser.validate(path)
    ) as OpenAPIV3_1.Document;
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
    return fail(source, `not a valid OpenAPI document: ${first}`);
  }
  if (!document.openapi.startsWith("3.1.")) fail(source, `OpenAPI ${document.openapi} given, 3.1.x required`);

  const compile = createSchemaChecker();
  let subject: OperationSpec | undefined;
  let tagSchema: Record<string, unknown> | undefined;
  let rawFlags: unknown;
  let rawOutside: unknown;
  const fixtures = new Map<FixtureOperationId, OperationSpec>();
  for (const [p, method, item, op] of operationsOf(document)) {
    const role = (op as Record<string, unknown>)["x-itc-role"];
    if (role === "subject") {
      if (p !== subjectPath || method !== "delete")
        fail(source, `the subject operation must be DELETE ${subjectPath}`);
      subject = operationSpec(p, method, item, op, compile);
      const params = [...(item.parameters ?? []), ...(op.parameters ?? [])] as OpenAPIV3_1.ParameterObject[];
      const tagParam = params.find((x) => x.in === "path" && x.name === "tag");
      tagSchema = tagParam?.schema as Record<string, unknown> | undefined;
      rawFlags = (tagParam as Record<string, unknown> | undefined)?.["x-itc-flagged"];
      rawOutside = (tagParam as Record<string, unknown> | undefined)?.["x-itc-outside-schema"];
    } else if (
      role === "fixture" &&
      (fixtureOperationIds as readonly string[]).includes(op.operationId ?? "")
    ) {
      fixtures.set(op.operationId as FixtureOperationId, operationSpec(p, method, item, op, compile));
    }
  }
  if (subject === undefined) fail(source, `no operation marked x-itc-role: subject (DELETE ${subjectPath})`);
  const missing = fixtureOperationIds.filter((id) => !fixtures.has(id));
  if (missing.length > 0)
    fail(source, `fixture operations missing (x-itc-role: fixture): ${missing.join(", ")}`);
  const checkTag = subject.pathParams.get("tag");
  const checkImageId = subject.pathParams.get("image_id");
  if (checkTag === undefined || checkImageId === undefined || tagSchema === undefined) {
    fail(source, "the subject operation must declare the path parameters image_id and tag with schemas");
  }
  const info = document.info as OpenAPIV3_1.InfoObject & { "x-itc-profile"?: unknown };
  const named = typeof info["x-itc-profile"] === "string";
  const id = named ? (info["x-itc-profile"] as string) : source;
  // Plain ASCII only: a look-alike of a built-in id (U+2011 for the hyphen) is refused, never shown as if built in.
  const idProblem = profileIdProblem(id, !named);
  if (idProblem !== undefined) fail(source, idProblem);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  // A file may not pass for a built-in profile (the reports would name it so, its pact would be verified):
  // claiming a built-in id, it must be that very file.
  const builtin = isBuiltinProfileName(id) && sha256 === builtinProfileSha256(id);
  if (isBuiltinProfileName(id) && !builtin)
    fail(
      source,
      `claims the built-in id ${id} (info.x-itc-profile) but is not that profile (sha256 ${sha256.slice(0, 12)}…): give your profile an id of its own`,
    );
  return {
    id,
    builtin,
    title: info.title,
    source: path,
    sha256,
    document,
    subject,
    fixtures,
    tagSchema,
    checkTag,
    tagFlags: parseTagFlags(rawFlags, compile(tagFlagsSchema), source, (op) => [
      ...((op === "deleteImageTag" ? subject : fixtures.get(op))?.responses.keys() ?? []),
    ]),
    outsideSchemaStatuses: outsideSchemaStatuses(rawOutside, subject, source),
    checkImageId,
    authHeader: authHeaderOf(document),
    documentedStatuses: [...subject.responses.keys()].sort((a, b) => a - b),
  };
}

/** x-itc-outside-schema: documented 4xx statuses, 400 first; [400] when absent. */
function outsideSchemaStatuses(raw: unknown, subject: OperationSpec, source: string): readonly number[] {
  if (raw === undefined) return [400];
  const ok =
    Array.isArray(raw) &&
    raw[0] === 400 &&
    raw.every((s) => typeof s === "number" && s >= 400 && s < 500 && subject.responses.has(s));
  if (!ok)
    fail(
      source,
      "x-itc-outside-schema must list documented 4xx statuses of the subject operation, 400 first (for example [400, 404])",
    );
  return raw as number[];
}

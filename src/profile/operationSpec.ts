import type { OpenAPIV3_1 } from "openapi-types";
import type { OperationSpec, ResponseSpec } from "./Profile";
import type { SchemaCheck } from "./SchemaCheck";

type Compile = (schema: object) => SchemaCheck;
type Parameter = OpenAPIV3_1.ParameterObject;

const methods = ["get", "put", "post", "delete"] as const;
export type Method = (typeof methods)[number];

/** Every operation of a dereferenced document, with the path item it belongs to. */
export function* operationsOf(
  document: OpenAPIV3_1.Document,
): Generator<[string, Method, OpenAPIV3_1.PathItemObject, OpenAPIV3_1.OperationObject]> {
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (item === undefined) continue;
    for (const method of methods) {
      const op = item[method];
      if (op !== undefined) yield [path, method, item, op];
    }
  }
}

function responseSpec(status: number, response: OpenAPIV3_1.ResponseObject, compile: Compile): ResponseSpec {
  const content = response.content ?? {};
  const jsonSchema = content["application/json"]?.schema;
  const headers = Object.entries(response.headers ?? {})
    .filter(([, h]) => "required" in h && h.required === true)
    .map(([name]) => name.toLowerCase());
  return {
    status,
    description: response.description,
    mediaTypes: Object.keys(content),
    checkJsonBody: jsonSchema === undefined ? undefined : compile(jsonSchema),
    requiredHeaders: headers,
  };
}

/** Builds the typed view of one operation of a dereferenced document. */
export function operationSpec(
  path: string,
  method: Method,
  item: OpenAPIV3_1.PathItemObject,
  op: OpenAPIV3_1.OperationObject,
  compile: Compile,
): OperationSpec {
  const responses = new Map<number, ResponseSpec>();
  for (const [key, response] of Object.entries(op.responses ?? {})) {
    if (/^[1-5][0-9]{2}$/.test(key))
      responses.set(Number(key), responseSpec(Number(key), response as OpenAPIV3_1.ResponseObject, compile));
  }
  const params = [...(item.parameters ?? []), ...(op.parameters ?? [])] as Parameter[];
  const pathParams = new Map<string, SchemaCheck>();
  for (const p of params) {
    if (p.in === "path") pathParams.set(p.name, compile(p.schema ?? {}));
  }
  const role = (op as Record<string, unknown>)["x-itc-role"] === "subject" ? "subject" : "fixture";
  return {
    operationId: op.operationId ?? `${method} ${path}`,
    method,
    pathTemplate: path,
    role,
    summary: op.summary ?? "",
    responses,
    pathParams,
  };
}

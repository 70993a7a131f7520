import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import type { SchemaCheck } from "./SchemaCheck";

/**
 * Compiles JSON Schemas taken from an OpenAPI 3.1 document (whose Schema Object is JSON Schema 2020-12).
 * strict is off because OpenAPI adds keywords of its own (example, xml, discriminator).
 */
export function createSchemaChecker(): (schema: object) => SchemaCheck {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
  addFormats(ajv);
  return (schema) => {
    const validate = ajv.compile(schema);
    return (value) => {
      if (validate(value)) return [];
      return (validate.errors ?? []).map(
        (e) => `${e.instancePath === "" ? "(root)" : e.instancePath} ${e.message ?? "is invalid"}`,
      );
    };
  };
}

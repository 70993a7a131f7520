import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";

const schema = JSON.parse(readFileSync(join(__dirname, "har12.schema.json"), "utf8")) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** The problems of a HAR log against test/support/har12.schema.json (HAR 1.2's required fields); empty when valid. */
export function validateHar(har: unknown): string[] {
  return validate(har)
    ? []
    : (validate.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? ""}`);
}

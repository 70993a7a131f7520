import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { packageRoot } from "../src/util/packageRoot";

let compiled: ((value: unknown) => readonly string[]) | undefined;

/** Validates a report against reports/report.schema.json; returns the problems, empty when valid. */
export function validateReport(report: unknown): readonly string[] {
  if (compiled === undefined) {
    const schema = JSON.parse(
      readFileSync(join(packageRoot, "reports", "report.schema.json"), "utf8"),
    ) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    compiled = (value) =>
      validate(value)
        ? []
        : (validate.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message ?? ""}`);
  }
  return compiled(report);
}

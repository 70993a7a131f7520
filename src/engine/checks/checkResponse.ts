import type { HttpResponse } from "../../http/HttpClient";
import type { OperationSpec } from "../../profile/Profile";
import { check, coreCheck, type Check } from "./Check";

function mediaType(contentType: string | undefined): string {
  return (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * The checks every response of the operation gets: the expected status, that the status is documented, and
 * that the body matches the documented response (no content on 204, not even bytes after the headers; error
 * body media type and schema; required headers). Requests are sent with Accept: application/json, so a
 * documented JSON body must come as JSON. Every check but the expected status binds every tier (core).
 */
export function checkResponse(
  op: OperationSpec,
  res: HttpResponse,
  expected: readonly number[],
  profileId: string,
): Check[] {
  const doc = `OpenAPI ${profileId}: ${op.method.toUpperCase()} ${op.pathTemplate}`;
  const want = expected.join(" or ");
  const checks: Check[] = [
    check("status", expected.includes(res.status), `expected ${want}, got ${res.status}`, doc),
  ];
  const spec = op.responses.get(res.status);
  checks.push(
    coreCheck(
      "status is documented",
      spec !== undefined,
      spec === undefined ? `${res.status} is not a documented response` : `${res.status} ${spec.description}`,
      doc,
    ),
  );
  if (spec === undefined) return checks;
  if (spec.mediaTypes.length === 0) {
    // RFC 9110 section 15.3.5: a 204 response cannot contain content; bytes after its headers are content too.
    const ok = res.text.length === 0 && res.trailingBytes === 0;
    const detail =
      res.text.length > 0
        ? `body of ${res.text.length} chars`
        : res.trailingBytes > 0
          ? `${res.trailingBytes} bytes of content arrived after the headers of the ${res.status}`
          : "empty body";
    checks.push(coreCheck("no body", ok, detail, res.status === 204 ? "RFC 9110 §15.3.5" : doc));
  } else {
    const type = mediaType(res.headers["content-type"]);
    const typeOk = spec.mediaTypes.includes(type);
    checks.push(
      coreCheck(
        "content type",
        typeOk,
        `Content-Type "${res.headers["content-type"] ?? ""}", documented ${spec.mediaTypes.join(", ")}`,
        doc,
      ),
    );
    if (typeOk && type === "application/json" && spec.checkJsonBody !== undefined) {
      let body: unknown;
      let parsed = true;
      try {
        body = JSON.parse(res.text);
      } catch {
        parsed = false;
      }
      const problems = parsed ? spec.checkJsonBody(body) : ["body is not JSON"];
      checks.push(
        coreCheck(
          "body schema",
          problems.length === 0,
          problems.length === 0 ? "body matches the documented schema" : problems.join("; "),
          doc,
        ),
      );
    }
  }
  for (const name of spec.requiredHeaders) {
    const value = res.headers[name];
    const ok = value !== undefined && value.length > 0;
    checks.push(
      coreCheck(
        `header ${name}`,
        ok,
        ok ? `present: ${value}` : "missing",
        name === "www-authenticate" ? "RFC 9110 §15.5.2" : doc,
      ),
    );
  }
  return checks;
}

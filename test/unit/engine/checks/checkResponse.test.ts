import { checkResponse } from "../../../../src/engine/checks/checkResponse";
import type { HttpResponse } from "../../../../src/http/HttpClient";
import { profile } from "../../../support/profiles";

function response(
  status: number,
  text: string,
  headers: Record<string, string> = {},
  trailingBytes = 0,
): HttpResponse {
  const exchange = {
    seq: 1,
    operationId: "deleteImageTag",
    method: "DELETE" as const,
    path: "/",
    principal: "owner",
    requestHeaders: {},
    status,
    responseHeaders: headers,
    responseBody: text,
    durationMs: 1,
  };
  return { status, headers, text, exchange, truncated: false, trailingBytes };
}

const json = { "content-type": "application/json" };
const glanceError = JSON.stringify({ message: "m", code: "404 Not Found", title: "Not Found" });
const failed = (checks: readonly { ok: boolean; rule: string }[]): string[] =>
  checks.filter((c) => !c.ok).map((c) => c.rule);

describe("checkResponse", () => {
  it("passes a documented 204 without a body", async () => {
    const p = await profile("openstack-glance");
    expect(failed(checkResponse(p.subject, response(204, ""), [204], p.id))).toEqual([]);
  });

  it("fails a 204 whose content came after the headers (RFC 9110 §15.3.5), as a rule of every tier", async () => {
    const p = await profile("openstack-glance");
    const checks = checkResponse(p.subject, response(204, "", {}, 16), [204], p.id);
    expect(checks.find((c) => c.rule === "no body")).toMatchObject({
      ok: false,
      core: true,
      detail: expect.stringMatching(/16 bytes .* after the headers of the 204/) as unknown,
    });
  });

  it("fails a 204 with a body (RFC 9110 §15.3.5)", async () => {
    const p = await profile("openstack-glance");
    expect(failed(checkResponse(p.subject, response(204, "{}"), [204], p.id))).toEqual(["no body"]);
  });

  it("fails an unexpected, undocumented status", async () => {
    const p = await profile("openstack-glance");
    expect(failed(checkResponse(p.subject, response(200, ""), [204], p.id))).toEqual([
      "status",
      "status is documented",
    ]);
  });

  it("checks the error body's media type and schema", async () => {
    const p = await profile("openstack-glance");
    expect(failed(checkResponse(p.subject, response(404, glanceError, json), [404], p.id))).toEqual([]);
    expect(
      failed(
        checkResponse(p.subject, response(404, "not found", { "content-type": "text/plain" }), [404], p.id),
      ),
    ).toEqual(["content type"]);
    expect(failed(checkResponse(p.subject, response(404, '{"error":1}', json), [404], p.id))).toEqual([
      "body schema",
    ]);
    expect(failed(checkResponse(p.subject, response(404, "{oops", json), [404], p.id))).toEqual([
      "body schema",
    ]);
  });

  it("requires WWW-Authenticate on 401 (RFC 9110 §15.5.2)", async () => {
    const p = await profile("huawei-ims");
    expect(failed(checkResponse(p.subject, response(401, "{}", json), [401], p.id))).toEqual([
      "header www-authenticate",
    ]);
    expect(
      failed(
        checkResponse(
          p.subject,
          response(401, "{}", { ...json, "www-authenticate": "Keystone" }),
          [401],
          p.id,
        ),
      ),
    ).toEqual([]);
  });
});

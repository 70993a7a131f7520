import { expandPath } from "../../../src/http/expandPath";

describe("expandPath", () => {
  it("percent-encodes each value as one path segment (RFC 3986 §3.3)", () => {
    expect(expandPath("/v2/images/{image_id}/tags/{tag}", { image_id: "i", tag: "a/b c%" })).toBe(
      "/v2/images/i/tags/a%2Fb%20c%25",
    );
  });
  it("refuses a missing value", () => {
    expect(() => expandPath("/x/{y}", {})).toThrow(/no value for path parameter y/);
  });
});

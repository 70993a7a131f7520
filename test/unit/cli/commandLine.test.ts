import { commandLine } from "../../../src/cli/commandLine";
import { resolveRunConfig } from "../../../src/config/resolveRunConfig";

describe("commandLine", () => {
  it("reproduces a live run with tokens as placeholders only", () => {
    const config = resolveRunConfig(
      { target: "https://img.example.com", token: "s3cret", "alt-token": "s3cret2", out: "my dir" },
      {},
      false,
    );
    const line = commandLine(config);
    expect(line).toBe(
      "ITC_TOKEN=<token> ITC_ALT_TOKEN=<alt token> image-tag-conformance run --profile huawei-ims --target https://img.example.com --out 'my dir'",
    );
    expect(line).not.toMatch(/s3cret/);
  });
  it("is short for an embedded run", () => {
    expect(commandLine(resolveRunConfig({ profile: "openstack-glance" }, {}, false))).toBe(
      "image-tag-conformance run --profile openstack-glance",
    );
  });
});

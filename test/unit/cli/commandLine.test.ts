import { commandLine } from "../../../src/cli/commandLine";
import { resolveRunConfig } from "../../../src/config/resolveRunConfig";

describe("commandLine", () => {
  it("reproduces a live run with its seed, and tokens as placeholders only", () => {
    const config = resolveRunConfig(
      {
        target: "https://img.example.com",
        token: "s3cret-owner",
        "alt-token": "s3cret-alt",
        out: "my dir",
        seed: "42",
        runs: "25",
      },
      {},
      false,
    );
    const line = commandLine(config);
    expect(line).toBe(
      "ITC_TOKEN=<token> ITC_ALT_TOKEN=<alt-token> image-tag-conformance run --profile huawei-ims --seed 42 --runs 25 --target https://img.example.com --out 'my dir-reproduce'",
    );
    expect(line).not.toMatch(/s3cret/);
  });

  it("names a fresh folder beside the run's own, never the run's folder (it may be signed)", () => {
    expect(commandLine(resolveRunConfig({ out: "certification-2026.2/" }, {}, false))).toMatch(
      / --out certification-2026\.2-reproduce$/,
    );
    expect(commandLine(resolveRunConfig({}, {}, false))).toMatch(/ --out reports\/latest-reproduce$/);
  });

  it("replays one case: the scenario, the seed and the fast-check path", () => {
    const config = resolveRunConfig({ profile: "openstack-glance", seed: "-5" }, {}, false);
    expect(commandLine(config, { scenarioId: "204-prop-isolation", path: "3:1:0" })).toBe(
      "image-tag-conformance run --profile openstack-glance --seed -5 --only 204-prop-isolation --replay-path 3:1:0",
    );
  });

  it("always records the seed, random when not given", () => {
    expect(commandLine(resolveRunConfig({ profile: "openstack-glance" }, {}, false))).toMatch(
      /^image-tag-conformance run --profile openstack-glance --seed -?\d+ --out reports\/latest-reproduce$/,
    );
  });
});

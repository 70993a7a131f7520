import { ConfigError } from "../../../src/config/ConfigError";
import { resolveRunConfig } from "../../../src/config/resolveRunConfig";

const codeOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof ConfigError ? e.code : "not a ConfigError";
  }
  return undefined;
};

describe("resolveRunConfig", () => {
  it("no options: the embedded reference, huawei-ims, reports/latest", () => {
    const c = resolveRunConfig({}, {}, false);
    expect(c).toMatchObject({
      profile: "huawei-ims",
      target: { kind: "embedded" },
      outDir: "reports/latest",
      progress: "plain",
      timeoutMs: 30000,
    });
  });

  it("progress is live on a terminal and off with --quiet", () => {
    expect(resolveRunConfig({}, {}, true).progress).toBe("live");
    expect(resolveRunConfig({ quiet: true }, {}, true).progress).toBe("none");
  });

  it("takes tokens from ITC_TOKEN / ITC_ALT_TOKEN, options first", () => {
    const env = { ITC_TOKEN: "env-owner", ITC_ALT_TOKEN: "env-alt-token" };
    expect(resolveRunConfig({ target: "http://h:9292" }, env, false).target).toEqual({
      kind: "live",
      url: "http://h:9292",
      token: "env-owner",
      altToken: "env-alt-token",
      altProjectId: undefined,
    });
    const c = resolveRunConfig({ target: "http://h:9292/", token: "opt-token" }, env, false);
    expect(c.target).toMatchObject({ token: "opt-token", url: "http://h:9292" });
    expect(c.notes.join()).toMatch(/process list/);
  });

  it.each([
    [{ target: "not-a-url" }, "bad-target"],
    [{ target: "ftp://h" }, "bad-target"],
    [{ target: "http://user:pw@h" }, "bad-target"],
    [{ target: "http://h:9292/v2" }, "bad-target"],
    [{ target: "http://h:9292" }, "missing-token"],
    [{ token: "t" }, "token-without-target"],
    [{ target: "http://h", token: "same-token", "alt-token": "same-token" }, "bad-option"],
    [{ timeout: "soon" }, "bad-option"],
    [{ target: "http://h", token: "short" }, "bad-option"],
  ])("%j is rejected with %s", (input, code) => {
    expect(codeOf(() => resolveRunConfig(input, {}, false))).toBe(code);
  });

  it("ignores ITC_TOKEN without --target, and says so", () => {
    const c = resolveRunConfig({}, { ITC_TOKEN: "x" }, false);
    expect(c.target.kind).toBe("embedded");
    expect(c.notes.join()).toMatch(/ignored/);
  });
});

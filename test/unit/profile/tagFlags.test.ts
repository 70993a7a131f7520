import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { builtinProfilePath } from "../../../src/profile/builtinProfiles";
import { loadProfile } from "../../../src/profile/loadProfile";
import { excusedStatuses, flagOf, flagsOf, withoutFlags } from "../../../src/profile/tagFlags";
import { profile } from "../../support/profiles";
import { tempFolder } from "../../support/tempFolder";

describe("flagged rules of the tag parameter (x-itc-flagged)", () => {
  it("openstack-glance flags astral-plane characters, then every other non-ASCII character; huawei-ims none", async () => {
    const glance = await profile("openstack-glance");
    expect(glance.tagFlags.map((f) => f.id)).toEqual(["astral-plane", "non-ascii-in-path"]);
    expect((await profile("huawei-ims")).tagFlags).toEqual([]);
    const id = (tag: string): string | undefined => flagOf(glance.tagFlags, tag)?.id;
    expect(id("plain-tag ~=%")).toBeUndefined();
    expect(id("caf\u00e9")).toBe("non-ascii-in-path");
    expect(id("a\u00a0b")).toBe("non-ascii-in-path");
    expect(id("\u4e2d")).toBe("non-ascii-in-path");
    // The first flag a tag falls under proves it: a tag with an emoji and an accent is an astral-plane case,
    // excused as both flags allow (an emoji is outside US-ASCII too).
    expect(id("\u00e9\u{1f600}")).toBe("astral-plane");
    expect(id("\u{10348}")).toBe("astral-plane");
    expect(flagsOf(glance.tagFlags, "\u{1f600}").map((f) => f.id)).toEqual([
      "astral-plane",
      "non-ascii-in-path",
    ]);
    expect(excusedStatuses(flagsOf(glance.tagFlags, "\u{1f600}"), "deleteImageTag")).toEqual([404, 400]);
    expect(excusedStatuses(flagsOf(glance.tagFlags, "caf\u00e9"), "createImage")).toEqual([]);
  });

  it("each flag says what it requires, why upstream misses it, and where that was measured", async () => {
    for (const f of (await profile("openstack-glance")).tagFlags) {
      expect(f.rule.length).toBeGreaterThan(40);
      expect(f.reason).toMatch(/Glance/);
      expect(f.evidence).toMatch(/Glance 25\.1\.0/);
    }
  });

  it("withoutFlags (--strict) drops them on a copy, leaving the loaded profile as it was", async () => {
    const glance = await profile("openstack-glance");
    const strict = withoutFlags(glance);
    expect(strict.tagFlags).toEqual([]);
    expect(strict).not.toBe(glance);
    expect(glance.tagFlags).toHaveLength(2);
    const huawei = await profile("huawei-ims");
    expect(withoutFlags(huawei)).toBe(huawei);
  });

  describe("a malformed x-itc-flagged is a bad profile, said in one line", () => {
    const dir = tempFolder("itc-flags-");
    // A copy under an id of its own: a file may not pass for the built-in profile.
    const glanceText = readFileSync(builtinProfilePath("openstack-glance"), "utf8").replace(
      "x-itc-profile: openstack-glance",
      "x-itc-profile: my-glance",
    );
    const write = (name: string, text: string): string => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };

    it("a flag without allows (what it excuses), or allowing a status the operation does not document", async () => {
      const none = glanceText.replace(/ {10}allows:\n(?: {12}.*\n)+/, "");
      expect(none).not.toBe(glanceText);
      await expect(loadProfile(write("noallows.yaml", none))).rejects.toMatchObject({
        code: "bad-profile",
        message: expect.stringMatching(/x-itc-flagged .*allows/) as unknown,
      });
      const undocumented = glanceText.replace("              status: 404", "              status: 409");
      expect(undocumented).not.toBe(glanceText);
      await expect(loadProfile(write("undocumented.yaml", undocumented))).rejects.toMatchObject({
        code: "bad-profile",
        message: expect.stringMatching(
          /allows deleteImageTag to answer 409, which that operation does not document/,
        ) as unknown,
      });
    });

    it("a flag without a reason", async () => {
      const text = glanceText.replace(/ {10}reason: >-\n(?: {12}.*\n)+/, "");
      expect(text).not.toBe(glanceText);
      await expect(loadProfile(write("noreason.yaml", text))).rejects.toMatchObject({
        code: "bad-profile",
        message: expect.stringMatching(/x-itc-flagged .*reason/) as unknown,
      });
    });

    it("characters that are not a regular expression", async () => {
      const text = glanceText.replace('characters: "[^\\\\u0000-\\\\u007f]"', 'characters: "[^a-"');
      expect(text).not.toBe(glanceText);
      await expect(loadProfile(write("badregex.yaml", text))).rejects.toThrow(
        /x-itc-flagged non-ascii-in-path: characters is not a regular expression/,
      );
    });

    it("two flags with one id", async () => {
      const text = glanceText.replace("- id: astral-plane", "- id: non-ascii-in-path");
      await expect(loadProfile(write("dup.yaml", text))).rejects.toThrow(/x-itc-flagged ids repeat/);
    });
  });
});

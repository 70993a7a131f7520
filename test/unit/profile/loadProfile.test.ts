import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import SwaggerParser from "@apidevtools/swagger-parser";
import type { OpenAPIV3_1 } from "openapi-types";
import { ConfigError } from "../../../src/config/ConfigError";
import { builtinProfilePath, builtinProfileNames } from "../../../src/profile/builtinProfiles";
import { loadProfile } from "../../../src/profile/loadProfile";
import { profile } from "../../support/profiles";
import { tempFolder } from "../../support/tempFolder";

describe("the built-in profiles", () => {
  it.each(builtinProfileNames)(
    "%s is a valid OpenAPI 3.1 document (the run only dereferences built-ins)",
    async (name) => {
      const document = (await SwaggerParser.validate(builtinProfilePath(name))) as { openapi: string };
      expect(document.openapi).toMatch(/^3\.1\./);
    },
  );
});

describe("built-in OpenAPI documents", () => {
  it.each(builtinProfileNames)("%s is valid OpenAPI 3.1 for a real validator", async (name) => {
    const doc = (await SwaggerParser.validate(builtinProfilePath(name))) as OpenAPIV3_1.Document;
    expect(doc.openapi).toBe("3.1.0");
  });

  it("huawei-ims documents the seed page's returned values", async () => {
    // Seed 000_588ee4ec4f3626bc "Returned Values": 204; 400 401 403 404 500 503.
    expect((await profile("huawei-ims")).documentedStatuses).toEqual([204, 400, 401, 403, 404, 500, 503]);
  });

  it("openstack-glance documents the api-ref's codes", async () => {
    expect((await profile("openstack-glance")).documentedStatuses).toEqual([204, 400, 401, 403, 404]);
  });

  it("huawei-ims: a tag can contain only digits, letters, underscores and hyphens (seed page)", async () => {
    const p = await profile("huawei-ims");
    for (const ok of ["aaaa", "A-b_9", "x"]) expect(p.checkTag(ok)).toEqual([]);
    for (const bad of ["a.b", "a b", "a=b", "é", "", "a/b"]) expect(p.checkTag(bad)).not.toEqual([]);
  });

  it("openstack-glance: a tag is any string of at most 255 characters", async () => {
    const p = await profile("openstack-glance");
    for (const ok of ["a.b", "a b", "é", "x".repeat(255)]) expect(p.checkTag(ok)).toEqual([]);
    expect(p.checkTag("x".repeat(256))).not.toEqual([]);
  });

  it("the seed's example request satisfies the huawei-ims parameter schemas", async () => {
    const p = await profile("huawei-ims");
    expect(p.checkImageId("4ca46bf1-5c61-48ff-b4f3-0ad4e5e3ba90")).toEqual([]);
    expect(p.checkImageId("not-a-uuid")).not.toEqual([]);
  });

  it("401 requires WWW-Authenticate and 204 has no body, in both profiles", async () => {
    for (const name of builtinProfileNames) {
      const p = await profile(name);
      expect(p.subject.responses.get(401)?.requiredHeaders).toEqual(["www-authenticate"]);
      expect(p.subject.responses.get(204)?.mediaTypes).toEqual([]);
      expect(p.authHeader).toBe("X-Auth-Token");
    }
  });

  it("glance's error body needs message, code and title; huawei's accepts any object", async () => {
    const glance = (await profile("openstack-glance")).subject.responses.get(404)?.checkJsonBody;
    const huawei = (await profile("huawei-ims")).subject.responses.get(404)?.checkJsonBody;
    const body = { message: "m", code: "404 Not Found", title: "Not Found" };
    expect(glance?.(body)).toEqual([]);
    expect(glance?.({ error: "x" })).not.toEqual([]);
    expect(huawei?.({ error: "x" })).toEqual([]);
    expect(huawei?.({ message: 3 })).not.toEqual([]);
  });

  it("sha256 is of the file's bytes", async () => {
    const p = await profile("huawei-ims");
    expect(p.sha256).toBe(createHash("sha256").update(readFileSync(p.source)).digest("hex"));
  });
});

describe("bad profiles are configuration errors", () => {
  const dir = tempFolder("itc-profile-");

  it("an unknown name", async () => {
    await expect(loadProfile("no-such-profile")).rejects.toMatchObject({
      name: "ConfigError",
      code: "bad-profile",
    });
  });

  it("a file that is not OpenAPI", async () => {
    const path = join(dir, "bad.yaml");
    writeFileSync(path, "openapi: 3.1.0\ninfo: {}\n");
    await expect(loadProfile(path)).rejects.toBeInstanceOf(ConfigError);
  });

  it("a document without the subject operation", async () => {
    const path = join(dir, "nosubject.yaml");
    const text = readFileSync(builtinProfilePath("huawei-ims"), "utf8").replace(
      "      x-itc-role: subject\n",
      "      x-itc-role: fixture\n",
    );
    writeFileSync(path, text);
    await expect(loadProfile(path)).rejects.toThrow(/no operation marked x-itc-role: subject/);
  });

  it("a custom copy that claims a built-in id is refused: it cannot pass for the built-in profile", async () => {
    const path = join(dir, "impostor.yaml");
    writeFileSync(path, `${readFileSync(builtinProfilePath("huawei-ims"), "utf8")}\n# one change\n`);
    await expect(loadProfile(path)).rejects.toMatchObject({
      code: "bad-profile",
      message: expect.stringMatching(
        /claims the built-in id huawei-ims .*but is not that profile/,
      ) as unknown,
    });
    // The built-in file itself, given by path, is the built-in profile.
    expect((await loadProfile(builtinProfilePath("huawei-ims"))).builtin).toBe(true);
  });

  it("a look-alike of a built-in id (U+2011 for the hyphen) is refused: ids are plain ASCII", async () => {
    const path = join(dir, "lookalike.yaml");
    const text = readFileSync(builtinProfilePath("huawei-ims"), "utf8").replace(
      "x-itc-profile: huawei-ims",
      "x-itc-profile: huawei\u2011ims",
    );
    expect(text).toContain("huawei\u2011ims");
    writeFileSync(path, text);
    await expect(loadProfile(path)).rejects.toMatchObject({
      code: "bad-profile",
      message: expect.stringMatching(/is not plain ASCII .*\(U\+2011 at character 7\)$/) as unknown,
    });
    for (const bad of ["my profile", "-x", "a/b", "x".repeat(65)]) {
      writeFileSync(path, text.replace("huawei\u2011ims", JSON.stringify(bad)));
      await expect(loadProfile(path)).rejects.toMatchObject({ code: "bad-profile" });
    }
  });

  it("without info.x-itc-profile the id is the path given, which must be printable ASCII", async () => {
    const text = readFileSync(builtinProfilePath("openstack-glance"), "utf8").replace(
      /^ {2}x-itc-profile: openstack-glance\n/m,
      "",
    );
    const ascii = join(dir, "no-id.yaml");
    writeFileSync(ascii, text);
    expect((await loadProfile(ascii)).id).toBe(ascii);
    const odd = join(dir, "glance\u2011copy.yaml");
    writeFileSync(odd, text);
    await expect(loadProfile(odd)).rejects.toThrow(/not plain ASCII \(U\+2011 at character \d+\)/);
  });

  it("a custom copy under an id of its own loads as custom, with its own sha256", async () => {
    const path = join(dir, "custom.yaml");
    const text = readFileSync(builtinProfilePath("openstack-glance"), "utf8").replace(
      "x-itc-profile: openstack-glance",
      "x-itc-profile: my-glance",
    );
    writeFileSync(path, text);
    const p = await loadProfile(path);
    expect([p.id, p.builtin]).toEqual(["my-glance", false]);
    expect(p.sha256).not.toBe((await profile("openstack-glance")).sha256);
  });
});

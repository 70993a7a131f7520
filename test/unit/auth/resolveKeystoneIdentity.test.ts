import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { resolveKeystoneIdentity } from "../../../src/auth/resolveKeystoneIdentity";
import { ConfigError } from "../../../src/config/ConfigError";
import { parseTarget } from "../../../src/config/parseTarget";
import { resolveRunConfig } from "../../../src/config/resolveRunConfig";
import { packageRoot } from "../../../src/util/packageRoot";
import { tempFolder } from "../../support/tempFolder";

const clouds = join(tempFolder("itc-clouds-"), "clouds.yaml");
writeFileSync(
  clouds,
  `clouds:
  owner:
    auth: {auth_url: "http://ks:5000", username: o, password: o-pass, project_name: op}
    region_name: R1
  app:
    auth: {auth_url: "http://ks:5000/v3/", application_credential_id: "42", application_credential_secret: s3cret}
    auth_type: v3applicationcredential
  nourl:
    auth: {username: n, password: n-pass, project_name: np}
`,
);
const env = { OS_CLIENT_CONFIG_FILE: clouds };

describe("resolveKeystoneIdentity", () => {
  it("reads a cloud from clouds.yaml (OS_CLIENT_CONFIG_FILE), normalising the URL to /v3", () => {
    expect(resolveKeystoneIdentity({ cloud: "owner" }, env, "owner", false)).toEqual({
      authUrl: "http://ks:5000/v3",
      regionName: "R1",
      interface: "public",
      method: {
        kind: "password",
        username: "o",
        password: "o-pass",
        projectName: "op",
        userDomainName: "Default",
        projectDomainName: "Default",
      },
    });
  });

  it("reads application credentials, and options override the cloud", () => {
    const id = resolveKeystoneIdentity({ cloud: "app", "region-name": "R2" }, env, "owner", false);
    expect(id).toMatchObject({
      authUrl: "http://ks:5000/v3",
      regionName: "R2",
      method: { kind: "application-credential", id: "42", secret: "s3cret" },
    });
  });

  it("takes OS_* variables only when allowed (the owner, once the user points somewhere)", () => {
    const osEnv = { OS_AUTH_URL: "http://ks/v3", OS_USERNAME: "u", OS_PASSWORD: "p", OS_PROJECT_NAME: "pr" };
    expect(resolveKeystoneIdentity({}, osEnv, "owner", true)?.method).toMatchObject({ username: "u" });
    expect(resolveKeystoneIdentity({}, osEnv, "alt", false)).toBeUndefined();
  });

  it("refuses an incomplete identity or an unknown cloud with a ConfigError", () => {
    expect(() => resolveKeystoneIdentity({ "auth-url": "http://ks" }, {}, "owner", false)).toThrow(
      /needs a username, a password and a project name/,
    );
    expect(() => resolveKeystoneIdentity({ cloud: "nope" }, env, "owner", false)).toThrow(/no cloud "nope"/);
    expect(() =>
      resolveKeystoneIdentity(
        { "auth-url": "http://ks", "application-credential-id": "x" },
        {},
        "owner",
        false,
      ),
    ).toThrow(/both an id and a secret/);
  });

  it("a cloud without auth_url is said as such, not as if no cloud had been given", () => {
    expect(() => resolveKeystoneIdentity({ cloud: "nourl" }, env, "owner", false)).toThrow(
      /^the owner cloud "nourl" has no auth\.auth_url in clouds\.yaml \(add it there, or give --os-auth-url\)$/,
    );
    expect(() => resolveKeystoneIdentity({ cloud: "nourl" }, env, "alt", false)).toThrow(/--alt-os-auth-url/);
  });
});

describe("Keystone in the run configuration", () => {
  const osEnv = { OS_AUTH_URL: "http://ks/v3", OS_USERNAME: "u", OS_PASSWORD: "p", OS_PROJECT_NAME: "pr" };

  it("OS_* exported in a shell does not turn `npm start` into a run against a real cloud", () => {
    expect(resolveRunConfig({}, osEnv, false).target.kind).toBe("embedded");
  });

  it("with --os-cloud (and no --target) the image endpoint will come from the catalog", () => {
    const c = resolveRunConfig({ os: { cloud: "owner" }, altOs: { cloud: "app" } }, env, false);
    expect(c.target).toMatchObject({
      kind: "keystone",
      url: undefined,
      clouds: { owner: "owner", alt: "app" },
    });
    // The image endpoint comes from the catalog, so the default rate is decided once its URL is known.
    expect(c.rate).toBeUndefined();
  });

  it("notes that a password given as an option shows in the process list", () => {
    const os = { "auth-url": "http://ks", username: "u", password: "p", "project-name": "pr" };
    expect(resolveRunConfig({ os }, {}, false).notes.join()).toMatch(/passwords given as options/);
  });

  it("an explicit token wins over Keystone", () => {
    expect(
      resolveRunConfig({ target: "http://g:9292" }, { ...osEnv, ITC_TOKEN: "a-token-123" }, false).target
        .kind,
    ).toBe("live");
  });

  it("tokens given as options and --os-* options are alternatives: the message names those given", () => {
    const message = (f: () => unknown): string => {
      try {
        f();
      } catch (error) {
        return error instanceof ConfigError ? error.message : `not a ConfigError: ${String(error)}`;
      }
      return "accepted";
    };
    expect(
      message(() =>
        resolveRunConfig(
          { target: "http://g:9292", token: "a-token-123", os: { cloud: "owner" } },
          env,
          false,
        ),
      ),
    ).toMatch(/^--token and --os-cloud are alternatives, not to be combined/);
    expect(
      message(() => resolveRunConfig({ "alt-token": "a-token-456", altOs: { cloud: "app" } }, env, false)),
    ).toMatch(/^--alt-token and --alt-os-cloud are alternatives/);
    // An ITC_TOKEN left in the environment is noted and ignored: the --os-* options say how to authenticate.
    const c = resolveRunConfig({ os: { cloud: "owner" } }, { ...env, ITC_TOKEN: "a-token-789" }, false);
    expect(c.target.kind).toBe("keystone");
    expect(c.notes).toContain("ITC_TOKEN / ITC_ALT_TOKEN are ignored: the --os-* options name a Keystone");
    // ... as the how-to says, note included (it once said that --os-* options were refused).
    const howTo = readFileSync(join(packageRoot, "docs", "how-to", "certify-an-openstack-cloud.md"), "utf8");
    expect(howTo.replace(/\s+/g, " ")).toContain(
      "the run prints a note (`ITC_TOKEN / ITC_ALT_TOKEN are ignored: the --os-* options name a Keystone`) and authenticates through Keystone",
    );
  });

  it("--alt-os-* options that name no Keystone are refused, not dropped; so are --alt-os-* alone", () => {
    expect(() =>
      resolveRunConfig({ os: { cloud: "owner" }, altOs: { username: "someone" } }, env, false),
    ).toThrow(/the --alt-os-\* options name no Keystone for the alt identity: give either --alt-os-cloud/);
    expect(() => resolveRunConfig({ altOs: { cloud: "app" } }, env, false)).toThrow(
      /the owner needs a Keystone too: give either --os-cloud/,
    );
  });

  it("refuses an auth URL that carries credentials or is no URL, without echoing the password", () => {
    const os = (url: string) => ({ "auth-url": url, username: "u", password: "p", "project-name": "pr" });
    const message = (url: string): string => {
      try {
        resolveKeystoneIdentity(os(url), {}, "owner", false);
      } catch (error) {
        return error instanceof ConfigError ? error.message : `not a ConfigError: ${String(error)}`;
      }
      return "accepted";
    };
    expect(message("https://admin:hunter2@ks:5000")).toMatch(/must not carry credentials/);
    expect(message("https://admin:hunter2@ks:99999")).toMatch(/is not a URL/);
    expect(message("https://admin:hunter2@ks:99999")).not.toContain("hun");
    expect(message("ftp://ks")).toMatch(/http or https/);
  });
});

describe("parseTarget", () => {
  it("never echoes the credentials of a --target it refuses", () => {
    expect(() => parseTarget("https://u:secret@glance:99999")).toThrow(/is not a URL/);
    expect(() => parseTarget("https://u:secret@glance:99999")).not.toThrow(/secret/);
    expect(() => parseTarget("https://u:secret@glance:9292")).toThrow(/must not carry credentials/);
  });
});

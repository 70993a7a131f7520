import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { configPaths, findCloud } from "../../../src/auth/cloudsYaml";
import { tempFolder } from "../../support/tempFolder";

const dir = tempFolder("itc-clouds-");
const write = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe("clouds.yaml and secure.yaml, as openstacksdk finds them", () => {
  it("merges the same cloud of secure.yaml (OS_CLIENT_SECURE_FILE) over clouds.yaml", () => {
    const env = {
      OS_CLIENT_CONFIG_FILE: write(
        "clouds.yaml",
        "clouds:\n  owner:\n    auth: {auth_url: 'http://ks/v3', username: o, project_name: op}\n    region_name: R1\n",
      ),
      OS_CLIENT_SECURE_FILE: write("secure.yaml", "clouds:\n  owner:\n    auth: {password: from-secure}\n"),
    };
    expect(findCloud("owner", env)).toEqual({
      auth: { auth_url: "http://ks/v3", username: "o", project_name: "op", password: "from-secure" },
      region_name: "R1",
    });
  });

  it("reads clouds.json too (JSON is YAML)", () => {
    const env = { OS_CLIENT_CONFIG_FILE: write("clouds.json", '{"clouds": {"c": {"region_name": "R9"}}}') };
    expect(findCloud("c", env)).toEqual({ region_name: "R9" });
  });

  it("searches the named file first, then ./, ~/.config/openstack, /etc/openstack with each suffix", () => {
    const paths = configPaths({ OS_CLIENT_CONFIG_FILE: "/x/mine.yaml" }, "clouds");
    expect(paths[0]).toBe("/x/mine.yaml");
    expect(paths.slice(1, 4)).toEqual(
      [".yaml", ".yml", ".json"].map((s) => join(process.cwd(), `clouds${s}`)),
    );
    expect(paths.at(-1)).toBe("/etc/openstack/clouds.json");
    expect(configPaths({}, "secure")[0]).toBe(join(process.cwd(), "secure.yaml"));
  });

  it("an unknown cloud names the file it looked in", () => {
    const env = { OS_CLIENT_CONFIG_FILE: write("one.yaml", "clouds:\n  a: {}\n") };
    expect(() => findCloud("b", env)).toThrow(`no cloud "b" in ${join(dir, "one.yaml")}`);
  });
});

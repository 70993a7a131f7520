import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Report } from "../../reports/Report";
import { pae, signEnvelope, type Envelope } from "../../src/attest/dsse";
import { keyIdOf } from "../../src/attest/keyIdOf";
import { readSigningKey } from "../../src/attest/readKeys";
import { signRun } from "../../src/attest/signRun";
import { packageRoot } from "../../src/util/packageRoot";
import { runCli, tempOut, type CliResult } from "../support/cli";

/** An ed25519 key pair as the files a vendor keeps (PKCS#8) and publishes (SPKI). */
function keyPair(dir: string, name: string): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const privatePem = join(dir, `${name}.pem`);
  const publicPem = join(dir, `${name}.pub.pem`);
  writeFileSync(privatePem, privateKey.export({ type: "pkcs8", format: "pem" }));
  writeFileSync(publicPem, publicKey.export({ type: "spki", format: "pem" }));
  return { privatePem, publicPem };
}

const failures = (r: CliResult): string[] => r.stdout.split("\n").filter((l) => l.startsWith("FAIL "));
const oneLine = (r: CliResult): boolean => r.stderr.trim().split("\n").length === 1;

/** The rule of a conformant verdict, in the words every output prints after the verdict. */
const conformantRule =
  "the run was neither cut short nor partial, every documented status has core scenarios, every core scenario passed except a 5xx that a live target cannot be made to answer, and nothing broke a rule that binds every tier";

/** Splits a recorded command as a shell would (single quotes only), dropping the environment placeholders. */
const argsOf = (command: string): string[] =>
  [...command.matchAll(/'([^']*)'|(\S+)/g)]
    .map((m) => m[1] ?? m[2] ?? "")
    .filter((w) => !w.includes("=<") && w !== "image-tag-conformance");

describe("run --sign and verify-report", () => {
  const keys = tempOut();
  const vendor = keyPair(keys, "vendor");
  const other = keyPair(keys, "other");
  const signed = tempOut();
  let run: CliResult;

  beforeAll(async () => {
    run = await runCli(["run", "--quiet", "--runs", "10", "--sign", vendor.privatePem, "--out", signed]);
  });

  /** A copy of the genuine signed folder, changed by `tamper`. */
  function tampered(tamper: (dir: string) => void): string {
    const dir = tempOut();
    cpSync(signed, dir, { recursive: true });
    tamper(dir);
    return dir;
  }

  function editReport(dir: string, edit: (r: Report) => Report): void {
    const path = join(dir, "report.json");
    writeFileSync(
      path,
      `${JSON.stringify(edit(JSON.parse(readFileSync(path, "utf8")) as Report), null, 2)}\n`,
    );
  }

  /** What a vendor holding the key could do: sign the folder again after editing it. */
  function resign(dir: string): void {
    const files = {
      json: join(dir, "report.json"),
      junit: join(dir, "junit.xml"),
      markdown: join(dir, "report.md"),
      html: join(dir, "report.html"),
    };
    signRun({ files, profilePath: join(dir, "profile.yaml"), key: readSigningKey(vendor.privatePem) });
  }

  const verify = (dir: string, key = vendor.publicPem): Promise<CliResult> =>
    runCli(["verify-report", dir, "--key", key]);

  it("a signed run writes attestation.json and a copy of its profile beside the reports", () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`attestation: ${join(signed, "attestation.json")}`);
    expect(readdirSync(signed).sort()).toEqual([
      "attestation.json",
      "junit.xml",
      "profile.yaml",
      "report.html",
      "report.json",
      "report.md",
    ]);
    expect(readFileSync(join(signed, "profile.yaml"))).toEqual(
      readFileSync(join(packageRoot, "openapi", "huawei-ims.yaml")),
    );
  });

  it("the envelope is an in-toto Statement v1 in DSSE, and openssl verifies its signature over the PAE", () => {
    const envelope = JSON.parse(readFileSync(join(signed, "attestation.json"), "utf8")) as Envelope;
    expect(envelope.payloadType).toBe("application/vnd.in-toto+json");
    const statement = JSON.parse(Buffer.from(envelope.payload, "base64").toString("utf8")) as {
      _type: string;
      subject: { name: string }[];
      predicate: { verdict: string; verdictRule: string; target: { url: string } };
    };
    expect(statement._type).toBe("https://in-toto.io/Statement/v1");
    expect(statement.subject.map((s) => s.name)).toEqual([
      "report.json",
      "profile.yaml",
      "report.html",
      "report.md",
      "junit.xml",
    ]);
    expect(statement.predicate).toMatchObject({
      verdict: "conformant",
      verdictRule: conformantRule,
      // Whether the profile is built in is part of what is signed (issue 20 item 2).
      profile: { id: "huawei-ims", builtin: true, file: "profile.yaml" },
    });
    expect((statement as unknown as { predicateType: string }).predicateType).toBe(
      "https://image-tag-conformance.dev/attestation/v2",
    );
    // An implementation other than ours: openssl checks the ed25519 signature over DSSEv1's PAE.
    const message = join(keys, "pae.bin");
    const sig = join(keys, "sig.bin");
    writeFileSync(message, pae(envelope.payloadType, Buffer.from(envelope.payload, "base64")));
    writeFileSync(sig, Buffer.from(envelope.signatures[0]?.sig ?? "", "base64"));
    const out = execFileSync("openssl", [
      "pkeyutl",
      "-verify",
      "-pubin",
      "-inkey",
      vendor.publicPem,
      "-rawin",
      "-in",
      message,
      "-sigfile",
      sig,
    ]).toString();
    expect(out).toMatch(/Signature Verified Successfully/);
  });

  it("verify-report passes the genuine folder: exit 0, every check named", async () => {
    const r = await verify(signed);
    expect(r.code).toBe(0);
    expect(failures(r)).toEqual([]);
    for (const check of [
      "signature",
      "digest",
      "schema",
      "verdict",
      "status row",
      "evidence",
      "profile",
      "definitions",
      "completeness",
      "predicate",
    ])
      expect(r.stdout).toMatch(new RegExp(`^ok {3}${check}: `, "m"));
    expect(r.stdout).toMatch(/^verified: /m);
  });

  it("rejects one status row's outcome edited: the digest, and once re-signed, the row itself", async () => {
    const edit = (r: Report): Report => ({
      ...r,
      statuses: r.statuses.map((s) => (s.status === 401 ? { ...s, outcome: "fail" } : s)),
    });
    const plain = await verify(
      tampered((d) => {
        editReport(d, edit);
      }),
    );
    expect(plain.code).toBe(1);
    expect(failures(plain)).toEqual([
      expect.stringMatching(/^FAIL digest: report\.json: sha256 is \w+, the attestation says \w+/),
      "FAIL status row: 401: report.json says fail, its scenarios give pass",
    ]);
    const resigned = await verify(
      tampered((d) => {
        editReport(d, edit);
        resign(d);
      }),
    );
    expect(resigned.code).toBe(1);
    expect(failures(resigned)).toEqual([
      "FAIL status row: 401: report.json says fail, its scenarios give pass",
    ]);
  });

  it("rejects the verdict changed", async () => {
    const r = await verify(
      tampered((d) => {
        editReport(d, (rep) => ({ ...rep, verdict: "non-conformant", exitCode: 1 }));
      }),
    );
    expect(r.code).toBe(1);
    expect(failures(r)).toEqual([
      expect.stringMatching(/^FAIL digest: report\.json: /),
      `FAIL verdict: report.json says non-conformant, its scenarios give conformant (${conformantRule})`,
      expect.stringMatching(
        /^FAIL predicate: the attestation says run \S+ was conformant; report\.json says run \S+ was non-conformant$/,
      ),
    ]);
  });

  it("rejects a scenario removed, also when re-signed", async () => {
    let dropped = 0;
    const drop = (r: Report): Report => ({
      ...r,
      statuses: r.statuses.map((s) => {
        if (s.status !== 403) return s;
        dropped = s.scenarios.length;
        return { ...s, scenarios: [] };
      }),
    });
    const plain = await verify(
      tampered((d) => {
        editReport(d, drop);
      }),
    );
    expect(plain.code).toBe(1);
    expect(failures(plain)[0]).toMatch(/^FAIL digest: report\.json: /);
    const resigned = await verify(
      tampered((d) => {
        editReport(d, drop);
        resign(d);
      }),
    );
    expect(resigned.code).toBe(1);
    expect(failures(resigned)).toEqual([
      expect.stringMatching(
        /^FAIL verdict: report\.json says conformant, its scenarios give incomplete \(a documented status has no core scenario\)$/,
      ),
      "FAIL status row: 403: report.json says pass, its scenarios give not-exercised",
      expect.stringMatching(
        new RegExp(
          `^FAIL completeness: a conformant report lacks ${String(dropped)} scenarios of its profile: 403-`,
        ),
      ),
    ]);
  });

  it("rejects a failed check under a scenario reported as passed, re-signed", async () => {
    // As if a failing scenario had been edited to pass, with its row and verdict left consistent.
    const hide = (r: Report): Report => ({
      ...r,
      statuses: r.statuses.map((row) =>
        row.status !== 404
          ? row
          : {
              ...row,
              scenarios: row.scenarios.map((sc, i) =>
                i !== 0
                  ? sc
                  : {
                      ...sc,
                      evidence: {
                        ...sc.evidence,
                        checks: sc.evidence.checks.map((c, j) => (j === 0 ? { ...c, ok: false } : c)),
                      },
                    },
              ),
            },
      ),
    });
    const r = await verify(
      tampered((d) => {
        editReport(d, hide);
        resign(d);
      }),
    );
    expect(r.code).toBe(1);
    expect(failures(r)).toEqual([
      expect.stringMatching(/^FAIL evidence: \S+ is reported as pass, yet its evidence has 1 failed checks/),
    ]);
  });

  it("rejects a conformant report missing a scenario its profile calls for, re-signed", async () => {
    // One scenario of a row that keeps others: the verdict rules alone would still give conformant.
    let dropped = "";
    const drop = (r: Report): Report => ({
      ...r,
      statuses: r.statuses.map((row) => {
        if (row.status !== 404) return row;
        dropped = row.scenarios[0]?.id ?? "";
        return { ...row, scenarios: row.scenarios.slice(1) };
      }),
    });
    const r = await verify(
      tampered((d) => {
        editReport(d, drop);
        resign(d);
      }),
    );
    expect(r.code).toBe(1);
    expect(failures(r)).toEqual([
      `FAIL completeness: a conformant report lacks 1 scenarios of its profile: ${dropped}`,
    ]);
  });

  it.each([
    [
      "relabelled extended (a finding, deciding nothing)",
      { tier: "extended" },
      /is reported as extended example under 404; the suite defines it as core example under 404$/,
      [],
    ],
    [
      "excused as untriggerable",
      { outcome: "not-exercised", cause: "untriggerable", reason: "no fault on a live target" },
      /is reported as untriggerable, but it needs no injected fault$/,
      // A row whose core scenarios did not all run is not PASS, whatever the cause (issue 20 item 11).
      ["FAIL status row: 404: report.json says pass, its scenarios give not-exercised"],
    ],
  ] as const)("rejects a core scenario %s, re-signed", async (_what, change, message, rows) => {
    const relabel = (r: Report): Report => ({
      ...r,
      statuses: r.statuses.map((row) =>
        row.status !== 404
          ? row
          : {
              ...row,
              scenarios: row.scenarios.map((sc) =>
                sc.kind === "example" && sc.id === row.scenarios.find((x) => x.kind === "example")?.id
                  ? { ...sc, ...change }
                  : sc,
              ),
            },
      ),
    });
    const r = await verify(
      tampered((d) => {
        editReport(d, relabel);
        resign(d);
      }),
    );
    expect(r.code).toBe(1);
    expect(failures(r)).toEqual([...rows, expect.stringMatching(/^FAIL definitions: 404-\S+ /)]);
    expect(failures(r).at(-1)).toMatch(message);
  });

  it("rejects the profile file swapped", async () => {
    const glance = join(packageRoot, "openapi", "openstack-glance.yaml");
    const r = await verify(
      tampered((d) => {
        cpSync(glance, join(d, "profile.yaml"));
      }),
    );
    expect(r.code).toBe(1);
    expect(failures(r)).toEqual([
      expect.stringMatching(
        /^FAIL digest: profile\.yaml: sha256 is \w+, the attestation says \w+: the file was changed$/,
      ),
      expect.stringMatching(
        /^FAIL profile: profile\.yaml has sha256 \w+, but report\.json was run with the profile of sha256 \w+$/,
      ),
    ]);
  });

  it("rejects a signature made with another key", async () => {
    const r = await verify(signed, other.publicPem);
    expect(r.code).toBe(1);
    expect(failures(r)).toEqual([
      expect.stringMatching(
        /^FAIL signature: no signature verifies with key [0-9a-f]{64} \(signed by: [0-9a-f]{64}\)/,
      ),
    ]);
  });

  it("bad usage is exit 2 with one line: no folder, no key, a key that is not an ed25519 public key", async () => {
    const noKey = await runCli(["verify-report", signed]);
    expect([noKey.code, oneLine(noKey)]).toEqual([2, true]);
    expect(noKey.stderr).toMatch(/--key <pub\.pem> is required/);
    const noDir = await runCli(["verify-report", join(keys, "nowhere"), "--key", vendor.publicPem]);
    expect([noDir.code, oneLine(noDir)]).toEqual([2, true]);
    const rsa = join(keys, "rsa.pub.pem");
    writeFileSync(
      rsa,
      generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ type: "spki", format: "pem" }),
    );
    const wrongKey = await runCli(["verify-report", signed, "--key", rsa]);
    expect([wrongKey.code, oneLine(wrongKey)]).toEqual([2, true]);
    expect(wrongKey.stderr).toMatch(/not an ed25519 public key/);
  });

  it("run --sign with a key that is not an ed25519 private key is exit 2 with one line, before running", async () => {
    const out = tempOut();
    const r = await runCli(["run", "--quiet", "--sign", vendor.publicPem, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/--sign \S+: not an unencrypted ed25519 private key in PKCS#8 PEM/),
    ]);
    expect(existsSync(join(out, "report.json"))).toBe(false);
  });

  it("the verdict line says what conformant means, with no puzzling 'otherwise:' (issue 22 item 8)", () => {
    expect(run.stdout).toContain(`verdict: conformant (exit 0): ${conformantRule} · `);
    expect(run.stdout).not.toMatch(/otherwise:/);
  });

  it("verify-report names a built-in profile so, and says what it verified", async () => {
    const r = await verify(signed);
    expect(r.stdout).toMatch(
      /^ok {3}profile: profile\.yaml is the built-in profile huawei-ims \(sha256 [0-9a-f]{12}\), the one report\.json was run with$/m,
    );
    expect(r.stdout).toMatch(new RegExp(`^verified: ${signed} \\(conformant, profile huawei-ims\\)$`, "m"));
  });

  it("rejects an attestation of the older format (predicate v1, no word on a built-in profile) with a message saying so", async () => {
    const r = await verify(
      tampered((d) => {
        const path = join(d, "attestation.json");
        const envelope = JSON.parse(readFileSync(path, "utf8")) as Envelope;
        const statement = JSON.parse(Buffer.from(envelope.payload, "base64").toString("utf8")) as {
          predicateType: string;
          predicate: { profile: Record<string, unknown> };
        };
        statement.predicateType = "https://image-tag-conformance.dev/attestation/v1";
        delete statement.predicate.profile["builtin"];
        const key = readSigningKey(vendor.privatePem);
        const again = signEnvelope(
          envelope.payloadType,
          Buffer.from(JSON.stringify(statement)),
          key,
          keyIdOf(key),
        );
        writeFileSync(path, JSON.stringify(again));
      }),
    );
    expect(r.code).toBe(1);
    expect(failures(r)).toEqual([
      "FAIL statement: the attestation is of an older format (predicate type https://image-tag-conformance.dev/attestation/v1, which does not say whether the profile is built in): this version verifies https://image-tag-conformance.dev/attestation/v2 only; sign the run again with it",
    ]);
  });

  it("rejects a report.json re-signed under a look-alike of a built-in id (U+2011 for the hyphen)", async () => {
    const r = await verify(
      tampered((d) => {
        editReport(d, (rep) => ({ ...rep, profile: "huawei\u2011ims", profileBuiltin: false }));
        resign(d);
      }),
    );
    expect(r.code).toBe(1);
    expect(failures(r)).toEqual([
      'FAIL profile: the profile id "huawei\u2011ims" is not plain ASCII: it may only look like another profile\'s',
    ]);
    expect(r.stdout).not.toMatch(/^verified/m);
  });

  describe("a custom profile (issue 20 item 2)", () => {
    const dir = tempOut();
    const custom = join(dir, "lookalike.yaml");
    // A copy of huawei-ims that drops 401 and 403, as in the issue.
    const text = readFileSync(join(packageRoot, "openapi", "huawei-ims.yaml"), "utf8").replace(
      /^ {8}"401":\n {10}\$ref: "#\/components\/responses\/Unauthorized"\n {8}"403":\n {10}\$ref: "#\/components\/responses\/Forbidden"\n {8}"404"/m,
      '        "404"',
    );

    it("whose id only looks like a built-in one is refused before the run: exit 2, one line", async () => {
      writeFileSync(custom, text.replace("x-itc-profile: huawei-ims", "x-itc-profile: huawei\u2011ims"));
      const out = tempOut();
      const r = await runCli([
        "run",
        "--quiet",
        "--profile",
        custom,
        "--sign",
        vendor.privatePem,
        "--out",
        out,
      ]);
      expect([r.code, oneLine(r)]).toEqual([2, true]);
      expect(r.stderr).toMatch(/is not plain ASCII .*\(U\+2011 at character 7\)/);
      expect(existsSync(join(out, "report.json"))).toBe(false);
    });

    it("under an id of its own is signed as custom, and verify-report says custom profile", async () => {
      const own = join(dir, "own.yaml");
      writeFileSync(own, text.replace("x-itc-profile: huawei-ims", "x-itc-profile: huawei-lms"));
      const out = tempOut();
      const r = await runCli([
        "run",
        "--quiet",
        "--runs",
        "5",
        "--profile",
        own,
        "--sign",
        vendor.privatePem,
        "--out",
        out,
      ]);
      expect(r.stdout).toMatch(/profile huawei-lms \(custom profile, sha256 [0-9a-f]{12}\)/);
      const envelope = JSON.parse(readFileSync(join(out, "attestation.json"), "utf8")) as Envelope;
      const statement = JSON.parse(Buffer.from(envelope.payload, "base64").toString("utf8")) as {
        predicate: { profile: { id: string; builtin: boolean } };
      };
      expect(statement.predicate.profile).toMatchObject({ id: "huawei-lms", builtin: false });
      const v = await verify(out);
      expect(failures(v)).toEqual([]);
      expect(v.stdout).toMatch(
        /^ok {3}profile: profile\.yaml is a custom profile, huawei-lms \(sha256 [0-9a-f]{12}\), not one shipped with the suite/m,
      );
      expect(v.stdout).toMatch(
        /^verified: \S+ \(\S+, profile huawei-lms \(custom profile, sha256 [0-9a-f]{12}\)\)$/m,
      );
      // Re-signed as if built in: refused.
      const claimed = tempOut();
      cpSync(out, claimed, { recursive: true });
      editReport(claimed, (rep) => ({ ...rep, profileBuiltin: true }));
      resign(claimed);
      const c = await verify(claimed);
      expect(c.code).toBe(1);
      expect(failures(c)).toEqual([
        expect.stringMatching(
          /^FAIL profile: report\.json calls huawei-lms a built-in profile, but profile\.yaml \(sha256 [0-9a-f]{12}\) is not the huawei-lms this suite \(\S+\) ships$/,
        ),
      ]);
    });
  });

  describe("the signed folder is never overwritten (issue 20 item 10)", () => {
    it("a run into the signed folder is refused before it starts: exit 2, one line; the folder still verifies", async () => {
      const before = readFileSync(join(signed, "report.json"));
      const r = await runCli(["run", "--quiet", "--out", signed]);
      expect([r.code, oneLine(r)]).toEqual([2, true]);
      expect(r.stderr).toMatch(
        /^image-tag-conformance: --out \S+ holds a signed run \(attestation\.json\): a run never writes over signed evidence; give a fresh --out \(or --force to replace it\)/,
      );
      expect(readFileSync(join(signed, "report.json"))).toEqual(before);
      expect((await verify(signed)).code).toBe(0);
    });

    it("the report's reproduce command names a fresh folder: run as the docs advise, the signed folder still verifies", async () => {
      const report = JSON.parse(readFileSync(join(signed, "report.json"), "utf8")) as Report;
      expect(report.command).toContain(` --out ${signed}-reproduce`);
      try {
        const again = await runCli([...argsOf(report.command), "--quiet"]);
        expect(again.code).toBe(0);
        expect(existsSync(join(`${signed}-reproduce`, "report.json"))).toBe(true);
        expect((await verify(signed)).code).toBe(0);
      } finally {
        // The reproduction's folder is beside the signed one, not made by tempOut: it goes here.
        rmSync(`${signed}-reproduce`, { recursive: true, force: true });
      }
    });

    it("--force writes into a signed folder and removes its attestation, which would no longer hold", async () => {
      const dir = tampered(() => undefined);
      const r = await runCli(["run", "--quiet", "--runs", "5", "--out", dir, "--force"]);
      expect(r.code).toBe(0);
      expect(existsSync(join(dir, "attestation.json"))).toBe(false);
    });

    it("another run's report in an --out folder is refused; reports/latest, the default, is replaced", async () => {
      const cwd = tempOut();
      for (let i = 0; i < 2; i++)
        expect((await runCli(["run", "--quiet", "--runs", "5"], {}, undefined, cwd)).code).toBe(0);
      const out = tempOut();
      expect((await runCli(["run", "--quiet", "--runs", "5", "--out", out])).code).toBe(0);
      const runId = (JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as Report).runId;
      const r = await runCli(["run", "--quiet", "--runs", "5", "--out", out]);
      expect([r.code, oneLine(r)]).toEqual([2, true]);
      expect(r.stderr).toContain(
        `holds another run's report (report.json, run ${runId}): give a fresh --out`,
      );
    });
  });
});

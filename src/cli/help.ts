import { verifyReportChecks } from "./verifyReportChecks";

/** --help texts: importing only plain data, so that --help answers at once. */
export const mainHelp = `image-tag-conformance: conformance suite for DELETE /v2/images/{image_id}/tags/{tag}
(OpenStack Image API v2: Glance, Huawei Cloud / Open Telekom Cloud IMS)

Usage:
  image-tag-conformance run   [options]   run the suite (default target: the embedded reference)
  image-tag-conformance verify-contracts [options]
                                          verify the Pact contracts alone (same options as run)
  image-tag-conformance serve [options]   serve the reference implementation for client authors
  image-tag-conformance mutants           score the suite against its corpus of broken variants
  image-tag-conformance cleanup [options] remove scratch images a killed run left (--run-id, --older-than)
  image-tag-conformance diff A/report.json B/report.json
                                          what changed from run A to run B (exit 1: a regression)
  image-tag-conformance merge report.json... [--out <dir>]
                                          one matrix of several runs (statuses × targets)
  image-tag-conformance verify-report <dir> --key <pub.pem>
                                          check a signed report folder (attestation.json)
  image-tag-conformance <command> --help  options of a command
  image-tag-conformance --version

Exit codes:
  0 conformant   1 non-conformant   2 usage or configuration error
  3 cut short, or scratch images left behind   4 incomplete (not everything exercised, or partial)
`;

export const runHelp = `Usage: image-tag-conformance run [options]

Runs every scenario that applies to the profile (examples, properties, the model, the concurrency
tier, the profile's flagged rules and the Pact contract verification), prints a row for every
documented status, and writes report.json, junit.xml, report.md and report.html. Only the core scenarios decide
the verdict: concurrency findings (FINDING) and flagged rules (FLAGGED) are reported alongside.
verify-contracts runs the contract verification alone.

Options:
  --target <url>         the Image API's base URL (the suite appends /v2/...);
                         without it, the embedded reference is started and tested
  --token <token>        the owner's token (prefer ITC_TOKEN: options show in the process list)
  --alt-token <token>    a token of a user in another project (prefer ITC_ALT_TOKEN);
                         without it the 403 and cross-project 404 scenarios are not exercised
  --alt-project-id <id>  the alt user's project id (otherwise learned from a scratch image)
  --profile <p>          huawei-ims (default), openstack-glance, or a path to an OpenAPI 3.1 file
  --out <dir>            where reports are written (default: reports/latest, replaced by each run);
                         a folder holding a signed run or another run's report is refused (exit 2)
  --force                write into such a folder anyway, replacing its reports (and attestation)
  --timeout <seconds>    bounds each whole request, connecting to last byte (default: 30); cleanup
                         has max(30 s, 4 x timeout)
  --seed <n>             the run's seed (random when not given; always in the report)
  --runs <n>             random cases per property after its coverage cases (default: 1; the
                         coverage phase, every feasible pair of levels, always runs whole)
  --time-budget <s>      no case of a property starts after this long (a started one is judged)
  --lenient              accept 404 for a tag outside the alphabet, recorded as a deviation
  --strict               require the profile's flagged rules too (x-itc-flagged: rules upstream
                         Glance itself misses, reported without deciding the verdict by default)
  --only <ids>           run only these scenarios (comma-separated ids); a partial run is incomplete
  --exclude <ids>        run all but these scenarios; likewise partial
  --workers <n>          scenarios at once, each on its own scratch images (default: 4); the
                         concurrency tier always runs alone
  --replay-path <path>   with --only <one id> and --seed: replay one recorded case
  --concurrency <n>      parallel requests in the concurrency tier (default: 4)
  --rate <r>             requests per second at most (default: 100 on a remote target, no limit
                         on this machine's loopback and the embedded reference; 0: no limit);
                         429, or 503 with Retry-After, holds every request as it asks and slows the pace
  --product-name <s>, --product-version <s>, --vendor <s>
                         certification metadata recorded in the report
  --har <file>           also write the run's exchanges as HAR 1.2 (tokens redacted)
  --name-prefix <p>      what every scratch image name starts with (default: itc-); the rest is
                         drawn from the seed and run id, and recorded on this machine for cleanup
  --user-agent <s>       the User-Agent of every request (default: Debian 12's openstack client's)
  --sign <key.pem>       sign the run: write attestation.json (an in-toto statement about
                         report.json and the profile, copied beside it, in a DSSE envelope)
                         with this ed25519 private key (PKCS#8 PEM: openssl genpkey -algorithm ed25519)
  --os-cacert <file>     the CA bundle to trust (OS_CACERT, clouds.yaml cacert)
  --os-cert <file>, --os-key <file>
                         a client certificate (OS_CERT / OS_KEY, clouds.yaml cert / key)
  --insecure             do not verify the target's TLS certificate (clouds.yaml verify: false)
                         HTTPS_PROXY, HTTP_PROXY and NO_PROXY are honoured (loopback is never proxied)
  --quiet                no progress lines
  -h, --help             this text

Keystone (instead of tokens, as python-openstackclient takes them; the image endpoint then comes
from the token's catalog unless --target is given; tokens are renewed before they expire):
  --os-cloud <name>      a cloud of clouds.yaml (OS_CLIENT_CONFIG_FILE, ./, ~/.config/openstack, /etc/openstack)
  --os-auth-url, --os-username, --os-password, --os-project-name, --os-user-domain-name,
  --os-project-domain-name, --os-region-name, --os-interface,
  --os-application-credential-id, --os-application-credential-secret
                         and the same OS_* variables (read once --target or an --os-* option is given)
  --alt-os-cloud <name>, --alt-os-*   the alt identity likewise

Environment:
  ITC_TOKEN, ITC_ALT_TOKEN   tokens for --target runs (ignored without --target)

The run creates its own scratch images (named itc-<run id>-...), changes nothing else, and deletes
them at the end, also after a failure or Ctrl-C. Tokens never appear in reports or output.

Exit codes: 0 conformant, 1 non-conformant (also when cut short after a failure), 2 usage or
configuration error (a token the target rejects, a target that is not an Image API, TLS), 3 cut short
(Ctrl-C, the target stopped answering) or scratch images left behind, 4 incomplete (e.g. no
--alt-token, or a partial run).
`;

export const serveHelp = (
  mutantNames: readonly string[],
): string => `Usage: image-tag-conformance serve [options]

Serves the reference implementation of the profile's operations, in memory, until Ctrl-C.
Two identities: owner (project p-owner) and alt (project p-alt). Their tokens are ITC_TOKEN and
ITC_ALT_TOKEN when set, otherwise the documented defaults "owner-token" and "alt-token".
Faults (500, 503) cannot be turned on over the network; they exist only in-process.

Options:
  --port <n>        port to listen on (default: 9292; 0 picks a free one)
  --host <address>  address to bind (default: 127.0.0.1)
  --profile <p>     huawei-ims (default), openstack-glance, or a path to an OpenAPI 3.1 file
  --mutant <name>   serve a deliberately broken variant instead (docs/reference/mutants.md):
                    ${mutantNames.join(", ")}
  -h, --help        this text
`;

export const diffHelp = `Usage: image-tag-conformance diff A/report.json B/report.json

Compares two runs (A before, B after: an upgrade, a new region, another suite version) and prints what
changed, A → B: the verdict, documented statuses and scenarios whose outcome changed (or that only one run
has), new and resolved findings, new, dropped and changed flagged rules, a changed profile (id or OpenAPI
sha256) and a changed suite version. Two runs with the same outcomes print "no change".

Exit codes: 0 nothing that passed in A fails in B, 1 a regression (a status or a scenario of any tier
went from PASS to FAIL, or the verdict from conformant to anything else), 2 a file is unreadable or not
a valid report.json of this suite version.
`;

export const mergeHelp = `Usage: image-tag-conformance merge report.json... [--out <dir>]

Merges the reports of several runs (a CI matrix over clouds, regions or versions) into one matrix: the
documented statuses × the targets, and the flagged rules × the targets. Reports of different profiles
merge the union of their statuses; a cell is "—" where a target's profile does not document the status.
Writes merged.json, merged.md and merged.html.

Options:
  --out <dir>   where the matrix is written (default: reports/merged)
  -h, --help    this text

Exit codes: 0 written, 2 a file is unreadable or not a valid report.json of this suite version.
Each run's own exit code is the gate; merge only shows them side by side.
`;

/** The words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

const checkColumn = 16;
const checkLines = verifyReportChecks
  .map(({ check, holdsWhen }) =>
    wrap(holdsWhen.replace(/`/g, ""), 104 - checkColumn)
      .map((line, i) => (i === 0 ? `  ${check.padEnd(checkColumn - 2)}` : " ".repeat(checkColumn)) + line)
      .join("\n"),
  )
  .join("\n");

export const verifyReportHelp = `Usage: image-tag-conformance verify-report <dir> --key <pub.pem>

Checks a report folder written by run --sign, and prints one line per check, ok or FAIL:
${checkLines}

Options:
  --key <pub.pem>   the signer's ed25519 public key in PEM, as the signer made it from the private key:
                    openssl pkey -in vendor-key.pem -pubout -out vendor-pub.pem
  -h, --help        this text

Exit codes: 0 every check holds, 1 a check failed (each named on its own line),
2 usage error (no folder, no key, a key that is not an ed25519 public key: a private key is refused).
`;

export const verifyContractsHelp = `Usage: image-tag-conformance verify-contracts [options]

Verifies the profile's Pact contracts alone (contracts/pacts/: every interaction replayed against the
target, each answer checked against the profile), and writes the same reports as run. It is a partial run:
its verdict is at best incomplete (exit 4), never conformant; run verifies the contracts too, with the rest.

Options: the options of run (see image-tag-conformance run --help), with the same defaults: the target
and its credentials (--target with ITC_TOKEN and ITC_ALT_TOKEN, or --os-cloud and --alt-os-cloud, or the
other --os-* options), --profile, --out, --timeout, --rate, TLS (--os-cacert, --insecure, --os-cert and
--os-key), --product-name, --product-version, --vendor, --har, --sign and --quiet.

Exit codes: 1 a contract failed, 2 usage or configuration error, 3 cut short, 4 every contract held (a
partial run is incomplete).
`;

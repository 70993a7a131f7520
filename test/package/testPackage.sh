#!/usr/bin/env bash
# npm run test:package: the README's Install section, each way, on its own, with no clone where it says so.
#
# 1. npm pack (prepack builds dist/ and leaves `prepare` out of the packed package.json, so that installing it
#    runs and asks for no script), then `npm install --global ./image-tag-conformance-<version>.tgz` into a
#    prefix of its own (dependencies from the npm registry), and every command from an EMPTY folder with only
#    that prefix's bin on PATH: run against the embedded reference, serve + run --target, verify-contracts,
#    mutants, diff and merge, the how-to's signing, verify-report and copy-a-profile commands as written.
# 2. From the clone: `npm install --global .` and `npm link`, each into a prefix of its own.
# 3. From a git URL: `npx --yes "git+file://<this repository>#<HEAD>" ...` (the README's git+https URL, here on
#    this machine: the committed HEAD is what it builds) runs merge as the CI examples do.
# Each step checks the exit code and a line of output; a missing file in package.json "files" shows up here as
# "Cannot find module" or ENOENT. A bash script because every step is a process the user would type.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
version="$(node -p 'require("./package.json").version')"
started=$SECONDS

work="$(mktemp -d "${TMPDIR:-/tmp}/itc-package-XXXXXX")"
server_pid=""
npx_spec=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
  # npx keeps what it installed in npm's cache, in a folder named after a hash of the spec: remove ours.
  if [[ -n "$npx_spec" ]]; then
    grep -lF "\"$npx_spec\"" "$(npm config get cache)"/_npx/*/package.json 2>/dev/null |
      while read -r manifest; do rm -rf "$(dirname "$manifest")"; done
  fi
}
trap cleanup EXIT

# fail MESSAGE [LOG]: says what failed, with the end of that step's output.
fail() {
  echo "test:package FAILED: $1" >&2
  if [[ -n "${2:-}" && -f "$2" ]]; then
    echo "--- last lines of $(basename "$2"):" >&2
    tail -n 40 "$2" >&2
  fi
  exit 1
}

# step NAME EXPECTED_CODES PATTERN -- command...: runs the command (stdout+stderr to log/NAME), then checks that
# its exit code is one of EXPECTED_CODES (comma-separated), that PATTERN (an extended regex) matches a line of
# its output (when PATTERN is not empty), and that it never failed to find one of its own files.
step() {
  local name="$1" codes="$2" pattern="$3"
  shift 4
  local log="$work/log/$name" code=0 t0=$SECONDS
  "$@" >"$log" 2>&1 || code=$?
  [[ ",$codes," == *",$code,"* ]] || fail "$name: exit $code, expected $codes" "$log"
  ! grep -Eq "Cannot find module|ENOENT|internal error" "$log" || fail "$name: a file of the package is missing" "$log"
  [[ -z "$pattern" ]] || grep -Eq "$pattern" "$log" || fail "$name: no line matches /$pattern/" "$log"
  echo "ok   $name (exit $code, $((SECONDS - t0)) s)"
}

# documented FILE PATTERN: the first line of FILE (a doc) matching PATTERN, without its indentation: a command
# run as the doc writes it.
documented() {
  local line
  line="$(grep -m 1 -E "$2" "$root/$1" | sed -E 's/^[[:space:]]*(- )?//')" || true
  [[ -n "$line" ]] || fail "$1 shows no command matching /$2/"
  printf '%s\n' "$line"
}

mkdir -p "$work/log" "$work/pack" "$work/app" "$work/global"

echo "== npm pack (prepack builds dist/ and leaves prepare out of the packed package.json)"
manifest="$(sha256sum package.json)"
npm pack --pack-destination "$work/pack" >"$work/log/pack" 2>&1 || fail "npm pack" "$work/log/pack"
tarball="$work/pack/image-tag-conformance-$version.tgz"
[[ -f "$tarball" ]] || fail "npm pack wrote no $(basename "$tarball")" "$work/log/pack"
[[ "$(sha256sum package.json)" == "$manifest" ]] || fail "npm pack left package.json changed (postpack restores it)"
[[ ! -e "$root/package.json.backup" ]] || fail "npm pack left package.json.backup behind"
tar -xzOf "$tarball" package/package.json >"$work/packed-package.json"
node -e '
  const p = require(process.argv[1]);
  const install = ["preinstall", "install", "postinstall", "prepare"].filter((s) => p.scripts?.[s] !== undefined);
  if (install.length > 0) { console.error(`the packed package.json has ${install.join(", ")}`); process.exit(1); }
' "$work/packed-package.json" || fail "the tarball would run scripts on install"
echo "ok   $(basename "$tarball") ($(du -k "$tarball" | cut -f1) KiB, no install script)"

echo "== npm install --global ./$(basename "$tarball") (a prefix of its own), then an empty folder"
cp "$tarball" "$work/app/"
cd "$work/app"
npm_config_prefix="$work/global" npm install --global --no-audit --no-fund "./$(basename "$tarball")" \
  >"$work/log/install" 2>&1 || fail "npm install --global" "$work/log/install"
! grep -Eqi "install-scripts|prepare" "$work/log/install" || fail "installing the tarball warns about scripts" "$work/log/install"
rm "$work/app/$(basename "$tarball")"
installed="$work/global/lib/node_modules/image-tag-conformance"
[[ ! -e "$installed/src" && ! -e "$installed/test" ]] || fail "the tarball ships sources or tests"
export PATH="$work/global/bin:$PATH" npm_config_prefix="$work/global"
[[ "$(command -v image-tag-conformance)" == "$work/global/bin/image-tag-conformance" ]] ||
  fail "image-tag-conformance on PATH is not the installed one: $(command -v image-tag-conformance)"
echo "ok   installed ($((SECONDS - started)) s so far)"

itc() { image-tag-conformance "$@"; }
# Validates a report.json with the installed package's own validator and schema; prints its verdict.
validate() {
  node -e '
    const { validateReport } = require(process.argv[2] + "/dist/reports/validateReport.js");
    const report = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    const problems = validateReport(report);
    if (problems.length > 0) { console.error(problems.join("\n")); process.exit(1); }
    console.log(`valid report.json, verdict ${report.verdict}, exit ${report.exitCode}`);
  ' "$1" "$installed"
}

echo "== commands from the installed package"
step version 0 "^${version//./\\.}\$" -- itc --version
step help 0 '^Usage:' -- itc run --help

step run-embedded 0 '^verdict: conformant \(exit 0\)' -- itc run --quiet --out "$work/out/embedded"
step run-embedded-report 0 'verdict conformant, exit 0' -- validate "$work/out/embedded/report.json"

# serve on a free port, in the background: the bin itself, so that $! is the server and this script can stop
# it by its id.
"$work/global/bin/image-tag-conformance" serve --port 0 >"$work/log/serve" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(grep -Eo 'listening on http://[^ ]+' "$work/log/serve" | head -n 1 | cut -d' ' -f3 || true)"
  [[ -n "$url" ]] && break
  kill -0 "$server_pid" 2>/dev/null || fail "serve exited" "$work/log/serve"
  sleep 0.1
done
[[ -n "$url" ]] || fail "serve did not print its URL within 10 s" "$work/log/serve"
echo "ok   serve ($url)"
step run-target 0 '^verdict: conformant \(exit 0\)' -- env ITC_TOKEN=owner-token ITC_ALT_TOKEN=alt-token \
  image-tag-conformance run --target "$url" --rate 0 --quiet --out "$work/out/target"
step run-target-report 0 'verdict conformant, exit 0' -- validate "$work/out/target/report.json"
kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""

# verify-contracts: a partial run, so its exit code is the CLI's to decide (0 or 4); the contract scenarios
# themselves must all have run and passed, which needs the pact files and the verifier child of the package.
step verify-contracts 0,4 '^verdict: ' -- itc verify-contracts --quiet --out "$work/out/contracts"
step verify-contracts-report 0 '^contract scenarios: [1-9][0-9]* passed, 0 other$' -- node -e '
  const report = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  const all = report.statuses.flatMap((r) => r.scenarios);
  const passed = all.filter((s) => s.kind === "contract" && s.outcome === "pass").length;
  console.log(`contract scenarios: ${passed} passed, ${all.length - passed} other`);
' "$work/out/contracts/report.json"

step mutants 0 '^mutation score ([0-9]+)/\1 · findings detected ([0-9]+)/\2$' -- itc mutants

echo "== the docs' commands, as written, in the empty folder"
# ci.md: diff as an upgrade gate, and merge of a matrix's runs.
mkdir -p before reports/latest runs/embedded runs/target
cp "$work/out/embedded/report.json" before/report.json
cp "$work/out/embedded/report.json" reports/latest/report.json
cp "$work/out/embedded/report.json" runs/embedded/report.json
cp "$work/out/target/report.json" runs/target/report.json
step diff 0 '^no change$' -- bash -c "$(documented docs/how-to/ci.md '^image-tag-conformance diff ')"
step merge 0 '^merged: ' -- bash -c "$(documented docs/how-to/ci.md '^image-tag-conformance merge runs/')"
[[ -s merged/merged.json && -s merged/merged.md ]] || fail "merge wrote no files"
# certify-and-verify.md: the vendor's key pair, a signed run (of the embedded reference: the how-to's run needs
# a cloud), and the reviewer's verify-report line.
step genpkey 0 '' -- bash -c "$(documented docs/how-to/certify-and-verify.md '^ *openssl genpkey ')"
step pubout 0 '' -- bash -c "$(documented docs/how-to/certify-and-verify.md '^ *openssl pkey ')"
step run-signed 0 '^attestation: ' -- itc run --quiet --sign vendor-key.pem --out certification-2026.2
step verify-report 0 '^verified: ' -- \
  bash -c "$(documented docs/how-to/certify-and-verify.md '^ *image-tag-conformance verify-report ')"
# write-a-profile.md: copy a built-in profile out of the installed package.
step copy-profile 0 '' -- bash -c "$(documented docs/how-to/write-a-profile.md '^cp ')"
[[ -s example-ims.yaml ]] || fail "write-a-profile.md's cp copied nothing"

echo "== from the clone: npm install --global . and npm link (each into a prefix of its own)"
(cd "$root" && npm_config_prefix="$work/clone-global" npm install --global --no-audit --no-fund .) \
  >"$work/log/clone-install" 2>&1 || fail "npm install --global ." "$work/log/clone-install"
step clone-install 0 "^${version//./\\.}\$" -- "$work/clone-global/bin/image-tag-conformance" --version
(cd "$root" && npm_config_prefix="$work/link-global" npm link --no-audit --no-fund) >"$work/log/link" 2>&1 ||
  fail "npm link" "$work/log/link"
step link 0 '^merged: ' -- "$work/link-global/bin/image-tag-conformance" merge runs/*/report.json --out "$work/out/linked"

echo "== from a git URL: npx --yes \"git+file://...#HEAD\" merge, as the workflow example's merge job"
head="$(git -C "$root" rev-parse HEAD)"
git -C "$root" diff --quiet HEAD -- || echo "note: the work tree has uncommitted changes; the git URL builds HEAD $head"
npx_spec="git+file://$root#$head"
merge_line="$(documented docs/examples/github-workflow.yml 'npx --yes "git\+https://[^"]+" merge ')"
documented_url="git+https://github.com/your-org/image-tag-conformance.git#main"
merge_line="${merge_line/"$documented_url"/$npx_spec}"
[[ "$merge_line" == *"$npx_spec"* ]] || fail "the workflow's merge line names another URL: $merge_line"
rm -rf merged
step git-url 0 '^merged: ' -- env -u npm_config_prefix bash -c "$merge_line"
[[ -s merged/merged.md ]] || fail "the git URL's merge wrote no merged.md"

cd "$root"
echo "test:package passed in $((SECONDS - started)) s"

#!/usr/bin/env bash
# npm run test:package: the published tarball works on its own, with no clone.
#
# Packs this project (npm pack runs `prepare`, which builds dist/), installs the tarball into an EMPTY folder
# (npm init -y && npm install <tarball>, dependencies from the npm registry), and runs every command from there:
# run against the embedded reference, serve + run --target, verify-contracts, mutants, diff and merge. Each step
# checks the exit code and a line of output; a missing file in package.json "files" shows up here as
# "Cannot find module" or ENOENT. A bash script because every step is a process the user would type.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
version="$(node -p 'require("./package.json").version')"
started=$SECONDS

work="$(mktemp -d "${TMPDIR:-/tmp}/itc-package-XXXXXX")"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
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
# its output, and that it never failed to find one of its own files.
step() {
  local name="$1" codes="$2" pattern="$3"
  shift 4
  local log="$work/log/$name" code=0 t0=$SECONDS
  "$@" >"$log" 2>&1 || code=$?
  [[ ",$codes," == *",$code,"* ]] || fail "$name: exit $code, expected $codes" "$log"
  ! grep -Eq "Cannot find module|ENOENT|internal error" "$log" || fail "$name: a file of the package is missing" "$log"
  grep -Eq "$pattern" "$log" || fail "$name: no line matches /$pattern/" "$log"
  echo "ok   $name (exit $code, $((SECONDS - t0)) s)"
}

mkdir -p "$work/log" "$work/pack" "$work/app"

echo "== npm pack (builds dist/ through prepare)"
npm pack --silent --pack-destination "$work/pack" >"$work/log/pack" 2>&1 || fail "npm pack" "$work/log/pack"
tarball="$(ls "$work"/pack/*.tgz)"
echo "ok   $(basename "$tarball") ($(du -k "$tarball" | cut -f1) KiB)"

echo "== install the tarball into an empty folder"
cd "$work/app"
npm init -y >/dev/null
npm install --no-audit --no-fund --silent "$tarball" >"$work/log/install" 2>&1 || fail "npm install" "$work/log/install"
installed="$work/app/node_modules/image-tag-conformance"
[[ ! -e "$installed/src" && ! -e "$installed/test" ]] || fail "the tarball ships sources or tests"
echo "ok   installed ($((SECONDS - started)) s so far)"

itc() { npx --no -- image-tag-conformance "$@"; }
# Validates a report.json with the installed package's own validator and schema; prints its verdict.
validate() {
  node -e '
    const { validateReport } = require("image-tag-conformance/dist/reports/validateReport.js");
    const report = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    const problems = validateReport(report);
    if (problems.length > 0) { console.error(problems.join("\n")); process.exit(1); }
    console.log(`valid report.json, verdict ${report.verdict}, exit ${report.exitCode}`);
  ' "$1"
}

echo "== commands from the installed package"
step version 0 "^${version//./\\.}\$" -- itc --version
step help 0 '^Usage:' -- itc run --help

step run-embedded 0 '^verdict: conformant \(exit 0\)' -- itc run --quiet --out "$work/out/embedded"
step run-embedded-report 0 'verdict conformant, exit 0' -- validate "$work/out/embedded/report.json"

# serve on a free port, in the background: through node_modules/.bin (the same bin npx runs) so that $! is
# the server itself and this script can stop it by its id.
./node_modules/.bin/image-tag-conformance serve --port 0 >"$work/log/serve" 2>&1 &
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
  npx --no -- image-tag-conformance run --target "$url" --rate 0 --quiet --out "$work/out/target"
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

step diff 0 '^no change$' -- itc diff "$work/out/embedded/report.json" "$work/out/embedded/report.json"
step merge 0 '^merged: ' -- itc merge "$work/out/embedded/report.json" "$work/out/target/report.json" \
  --out "$work/out/merged"
[[ -s "$work/out/merged/merged.json" && -s "$work/out/merged/merged.md" ]] || fail "merge wrote no files"

cd "$root"
echo "test:package passed in $((SECONDS - started)) s"

#!/usr/bin/env bash
# Tempest's interop tag tests against the Glance and Keystone that openstack-target.sh brought up, for a side by
# side comparison with this suite (issue 12's benchmark). Debian's python3-tempest of the target's release: on the host
# for the host's release, inside the target's chroot for another (Tempest 33 on bookworm, 43 on trixie, 47 on sid),
# loopback only; through the TLS proxy with the target's private CA when the target has one.
#   tempest.sh [REGEX]   configure a Tempest workspace in $ITC_OPENSTACK_DIR/tempest (tempest init, a tempest.conf
#                        with only the image service available), run `tempest run --regex REGEX` (default
#                        'test_images_tags': tempest.api.image.v2.test_images_tags and test_images_tags_negative),
#                        print the tests run and passed and the wall time, and exit with tempest's status.
# Run `openstack-target.sh up` first, with the same ITC_OPENSTACK_DIR (Keystone's URL comes from its env file).
# Credentials (ITC_TEMPEST_CREDENTIALS):
#   accounts (default)  pre-provisioned: the owner and alt identities in accounts.yaml, as interop (RefStack)
#                       runs use them
#   dynamic             Tempest creates and deletes a project and user per test class with the admin account
# Last line, for scripts: "tempest: ran R passed P skipped S failed F wall_ms W exit E".
set -euo pipefail

DIR=${ITC_OPENSTACK_DIR:-/tmp/itc-openstack}
REGEX=${1:-test_images_tags}
CREDS=${ITC_TEMPEST_CREDENTIALS:-accounts}
WS="$DIR/tempest" # as Tempest sees it

log() { echo "tempest.sh: $*" >&2; }

if [ ! -f "$DIR/env" ]; then log "no target in $DIR: run openstack-target.sh up first (same ITC_OPENSTACK_DIR)"; exit 2; fi
case "$CREDS" in accounts | dynamic) ;; *) log "ITC_TEMPEST_CREDENTIALS must be accounts or dynamic, not '$CREDS'"; exit 2 ;; esac

# Where the target runs (openstack-target.sh's env file): Keystone's public URL, the CA, the chroot if any.
env_of() { sed -n "s/^$1=//p" "$DIR/env"; }
KS_URL=$(env_of ITC_KEYSTONE_URL)
CACERT=$(env_of ITC_CACERT)
RELEASE=$(env_of ITC_OPENSTACK_RELEASE)
if [ -d "$DIR/root" ]; then
  ROOT="$DIR/root"
  SYS=(chroot "$ROOT" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root)
  valid=()
  if [ "$RELEASE" = sid ]; then valid=(-o Acquire::Check-Valid-Until=false); fi
else
  ROOT=""
  SYS=(env)
  valid=()
fi
SD="$ROOT$DIR" # the state folder as this script sees it
CA_SEEN=${CACERT#"$ROOT"} # the CA as Tempest sees it

if ! "${SYS[@]}" sh -c 'command -v tempest' >/dev/null; then
  log "installing python3-tempest from Debian's packages${ROOT:+ ($RELEASE, in the chroot)}"
  "${SYS[@]}" sh -c 'timeout 600 apt-get "$@" update -qq' sh "${valid[@]}" >"$SD/log/tempest-apt.log" 2>&1
  "${SYS[@]}" DEBIAN_FRONTEND=noninteractive timeout 1200 apt-get "${valid[@]}" install -y -qq --no-install-recommends \
    python3-tempest >>"$SD/log/tempest-apt.log" 2>&1
fi

umask 077
if [ ! -f "$SD/tempest/.stestr.conf" ]; then
  # Everything stays in the state folder: the workspace registry, and an empty global config dir to copy from
  # (without --config-dir tempest init creates ~/.tempest/etc).
  mkdir -p "$SD/tempest-etc"
  "${SYS[@]}" tempest init --workspace-path "$DIR/tempest-workspaces.yaml" --config-dir "$DIR/tempest-etc" \
    --name "itc-$(basename "$DIR")" "$WS" >"$SD/log/tempest-init.log" 2>&1
fi

# Two projects, one per stestr worker (the two test classes run in parallel on two cores), each with its member and
# its reader: Tempest 47's image tests take a project member and a project reader of the same project, matched by the
# roles listed here (Tempest 33 and 43 take any account as primary). The passwords are the ones openstack-target.sh
# gives the identities it creates.
readers=""
if grep -q project_reader "$ROOT/usr/lib/python3/dist-packages/tempest/api/image/base.py"; then
  readers="
- {username: owner-reader, password: owner-reader-pass, project_name: owner, domain_name: Default, roles: [reader]}
- {username: alt-reader, password: alt-reader-pass, project_name: alt, domain_name: Default, roles: [reader]}"
fi
cat >"$SD/tempest/etc/accounts.yaml" <<CONF
- {username: owner, password: owner-pass, project_name: owner, domain_name: Default, roles: [member]}
- {username: alt, password: alt-pass, project_name: alt, domain_name: Default, roles: [member]}$readers
CONF

if [ "$CREDS" = dynamic ]; then
  auth="use_dynamic_credentials = true
admin_username = admin
admin_password = admin-pass
admin_project_name = admin
admin_domain_name = Default"
else
  auth="use_dynamic_credentials = false
test_accounts_file = $WS/etc/accounts.yaml"
fi

# Only the image service (and Keystone) exist: every other service is declared absent, and nothing needs a server,
# a network or an SSH validation.
cat >"$SD/tempest/etc/tempest.conf" <<CONF
[DEFAULT]
log_dir = $WS/logs
log_file = tempest.log

[oslo_concurrency]
lock_path = $WS/tempest_lock

[auth]
$auth
default_credentials_domain_name = Default
create_isolated_networks = false

[identity]
uri_v3 = $KS_URL
${CA_SEEN:+ca_certificates_file = $CA_SEEN}
auth_version = v3
region = RegionOne
v3_endpoint_type = public

[identity-feature-enabled]
api_v2 = false
api_v3 = true

[image]
region = RegionOne
endpoint_type = publicURL

[image-feature-enabled]
api_v2 = true
api_v1 = false

[service_available]
glance = true
nova = false
neutron = false
cinder = false
swift = false
horizon = false

[validation]
run_validation = false
CONF

out="$SD/log/tempest-run.log"
start=$(date +%s%N)
set +e
"${SYS[@]}" sh -c 'cd "$1" && shift && exec tempest run "$@"' sh "$WS" --config-file "$WS/etc/tempest.conf" --regex "$REGEX" >"$out" 2>&1
status=$?
set -e
wall_ms=$((($(date +%s%N) - start) / 1000000))

# stestr's totals: "Ran: 3 tests in 2.1 sec." then " - Passed: 3", " - Skipped: 0", " - Failed: 0" ...
total() { sed -n "s/^ *- $1: \([0-9]*\).*/\1/p" "$out" | tail -1; }
ran=$(sed -n 's/^Ran: \([0-9]*\) tests.*/\1/p' "$out" | tail -1)
passed=$(total Passed)
skipped=$(total Skipped)
failed=$(total Failed)
grep -E '^\{[0-9]+\} ' "$out" >&2 || true
if [ "$status" != 0 ]; then tail -n 40 "$out" >&2; fi
echo "tempest: regex '$REGEX', credentials $CREDS; ran ${ran:-0} tests, ${passed:-0} passed in $wall_ms ms (tempest run's wall time); log $out"
echo "tempest: ran ${ran:-0} passed ${passed:-0} skipped ${skipped:-0} failed ${failed:-0} wall_ms $wall_ms exit $status"
exit "$status"

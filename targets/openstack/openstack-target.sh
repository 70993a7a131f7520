#!/usr/bin/env bash
# A real OpenStack Image service on loopback: Keystone 22 and Glance 25 from Debian's packages, sqlite, no network.
#   openstack-target.sh up     install (if missing), configure, start both, create the owner and alt identities,
#                              and write $ITC_OPENSTACK_DIR/env (ITC_TARGET, ITC_TOKEN, ITC_ALT_TOKEN) and
#                              $ITC_OPENSTACK_DIR/clouds.yaml (clouds owner and alt) with their passwords in
#                              secure.yaml beside it, all mode 600
#   openstack-target.sh down   stop both and remove the state folder
#   openstack-target.sh token-lifetime S   restart Keystone issuing tokens that live S seconds (renewal tests)
# Needs root (apt-get). Ports: ITC_KEYSTONE_PORT (default 15000), ITC_GLANCE_PORT (default 19292).
set -euo pipefail

DIR=${ITC_OPENSTACK_DIR:-/tmp/itc-openstack}
KS_PORT=${ITC_KEYSTONE_PORT:-15000}
GL_PORT=${ITC_GLANCE_PORT:-19292}
KS_URL="http://127.0.0.1:${KS_PORT}/v3"
GL_URL="http://127.0.0.1:${GL_PORT}"

log() { echo "openstack-target: $*" >&2; }

wait_for() { # url seconds
  for _ in $(seq 1 "$2"); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null || [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 300 ]; then return 0; fi
    sleep 1
  done
  log "no answer from $1 after $2 s"; return 1
}

install() {
  if command -v glance-api >/dev/null && command -v keystone-wsgi-public >/dev/null && command -v openstack >/dev/null; then return; fi
  log "installing glance-api, keystone and python3-openstackclient from Debian's packages"
  # Keep the packages' own services from starting: this script runs its own on loopback.
  local added_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; added_policy=1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends glance-api keystone python3-openstackclient >/dev/null
  if [ -n "$added_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi
}

start_keystone() {
  nohup keystone-wsgi-public --host 127.0.0.1 --port "$KS_PORT" -- --config-file "$DIR/keystone.conf" >"$DIR/log/keystone.out" 2>&1 &
  echo $! >"$DIR/keystone.pid"
  wait_for "$KS_URL" 60
}

stop_pid() { if [ -f "$1" ]; then kill "$(cat "$1")" 2>/dev/null || true; rm -f "$1"; fi; }

os() { openstack --os-auth-url "$KS_URL" --os-identity-api-version 3 --os-user-domain-name Default --os-project-domain-name Default "$@"; }
admin() { os --os-username admin --os-password admin-pass --os-project-name admin "$@"; }
token_of() { os --os-username "$1" --os-password "$1-pass" --os-project-name "$1" token issue -f value -c id; }

up() {
  install
  down_quietly
  mkdir -p "$DIR"/{log,fernet-keys,credential-keys,images,tasks,staging}
  chmod 700 "$DIR"
  cat >"$DIR/keystone.conf" <<CONF
[DEFAULT]
log_dir = $DIR/log
[database]
connection = sqlite:///$DIR/keystone.db
[token]
provider = fernet
expiration = 3600
[fernet_tokens]
key_repository = $DIR/fernet-keys
[credential]
key_repository = $DIR/credential-keys
CONF
  local km=(keystone-manage --config-file "$DIR/keystone.conf")
  log "keystone: db_sync, fernet_setup, credential_setup, bootstrap"
  { "${km[@]}" db_sync && "${km[@]}" fernet_setup --keystone-user root --keystone-group root &&
    "${km[@]}" credential_setup --keystone-user root --keystone-group root &&
    "${km[@]}" bootstrap --bootstrap-password admin-pass --bootstrap-admin-url "$KS_URL/" \
      --bootstrap-public-url "$KS_URL/" --bootstrap-internal-url "$KS_URL/" --bootstrap-region-id RegionOne; } >"$DIR/log/setup.log" 2>&1
  start_keystone
  log "keystone: projects owner, alt, service; users owner, alt (member), glance (admin of service)"
  admin project create service -f value -c id >/dev/null
  for p in owner alt; do
    admin project create "$p" -f value -c id >/dev/null
    admin user create --password "$p-pass" "$p" -f value -c id >/dev/null
    admin role add --project "$p" --user "$p" member
  done
  admin user create --password glance-pass glance -f value -c id >/dev/null
  admin role add --project service --user glance admin
  # Measured: this Keystone answers 500 to a few look-ups by name, which can leave sqlite locked until a
  # restart; so restart it, then register the image service and its endpoint by POST, not by name.
  stop_pid "$DIR/keystone.pid"; sleep 1; start_keystone
  local tok sid
  tok=$(admin token issue -f value -c id)
  sid=$(curl -fsS -X POST "$KS_URL/services" -H "X-Auth-Token: $tok" -H 'Content-Type: application/json' \
    -d '{"service":{"type":"image","name":"glance"}}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["service"]["id"])')
  curl -fsS -o /dev/null -X POST "$KS_URL/endpoints" -H "X-Auth-Token: $tok" -H 'Content-Type: application/json' \
    -d "{\"endpoint\":{\"service_id\":\"$sid\",\"interface\":\"public\",\"region_id\":\"RegionOne\",\"url\":\"$GL_URL\"}}"
  cat >"$DIR/glance-api.conf" <<CONF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $GL_PORT
log_file = $DIR/log/glance-api.log
enabled_backends = fs:file
workers = 1
[database]
connection = sqlite:///$DIR/glance.db
[keystone_authtoken]
www_authenticate_uri = http://127.0.0.1:$KS_PORT
auth_url = http://127.0.0.1:$KS_PORT
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = glance
password = glance-pass
[paste_deploy]
flavor = keystone
config_file = /etc/glance/glance-api-paste.ini
[glance_store]
default_backend = fs
[fs]
filesystem_store_datadir = $DIR/images
[os_glance_tasks_store]
filesystem_store_datadir = $DIR/tasks
[os_glance_staging_store]
filesystem_store_datadir = $DIR/staging
CONF
  log "glance: db_sync, start"
  glance-manage --config-file "$DIR/glance-api.conf" db_sync >"$DIR/log/glance-manage.log" 2>&1
  nohup glance-api --config-file "$DIR/glance-api.conf" >"$DIR/log/glance.out" 2>&1 &
  echo $! >"$DIR/glance.pid"
  wait_for "$GL_URL/" 60
  umask 077
  { echo "ITC_TARGET=$GL_URL"; echo "ITC_TOKEN=$(token_of owner)"; echo "ITC_ALT_TOKEN=$(token_of alt)"; echo "ITC_KEYSTONE_URL=$KS_URL"; } >"$DIR/env"
  # The passwords go to secure.yaml, as openstacksdk users keep them; the CLI merges it over clouds.yaml.
  cat >"$DIR/clouds.yaml" <<CONF
clouds:
  owner:
    auth: {auth_url: "$KS_URL", username: owner, project_name: owner, user_domain_name: Default, project_domain_name: Default}
    region_name: RegionOne
  alt:
    auth: {auth_url: "$KS_URL", username: alt, project_name: alt, user_domain_name: Default, project_domain_name: Default}
    region_name: RegionOne
CONF
  cat >"$DIR/secure.yaml" <<CONF
clouds:
  owner: {auth: {password: owner-pass}}
  alt: {auth: {password: alt-pass}}
CONF
  log "up: Glance at $GL_URL, Keystone at $KS_URL; tokens in $DIR/env, identities in $DIR/clouds.yaml and secure.yaml"
}

down_quietly() { stop_pid "$DIR/glance.pid"; stop_pid "$DIR/keystone.pid"; rm -rf "$DIR"; }

token_lifetime() { # seconds: Keystone issues tokens that live this long from now on (restarts it)
  if ! [[ "${1:-}" =~ ^[0-9]+$ ]] || [ ! -f "$DIR/keystone.conf" ]; then
    echo "usage: $0 token-lifetime SECONDS (after up)" >&2; exit 2
  fi
  sed -i "s/^expiration = .*/expiration = $1/" "$DIR/keystone.conf"
  stop_pid "$DIR/keystone.pid"; sleep 1; start_keystone
  log "keystone: tokens now live $1 s"
}

case "${1:-}" in
  up) up ;;
  down) down_quietly; log "down" ;;
  token-lifetime) token_lifetime "${2:-}" ;;
  *) echo "usage: $0 up|down|token-lifetime SECONDS" >&2; exit 2 ;;
esac

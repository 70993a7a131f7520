#!/usr/bin/env bash
# A real OpenStack Image service on loopback from Debian's packages, no network: Keystone 22 under uwsgi
# (--http-socket, as /etc/init.d/keystone starts it) on a private MariaDB, and Glance 25 with its own eventlet
# server: one API worker on sqlite (the default: more workers on sqlite answer 500 "database is locked"), or, after
# `glance-db mariadb`, two workers on MariaDB, as a production Glance runs.
#   openstack-target.sh up     install (if missing), configure, start them, create the owner and alt identities,
#                              and write $ITC_OPENSTACK_DIR/env (ITC_TARGET, ITC_TOKEN, ITC_ALT_TOKEN) and
#                              $ITC_OPENSTACK_DIR/clouds.yaml (clouds owner and alt) with their passwords in
#                              secure.yaml beside it, all mode 600
#   openstack-target.sh down   stop MariaDB, Keystone and Glance, and remove the state folder
#   openstack-target.sh token-lifetime S   restart Keystone issuing tokens that live S seconds (renewal tests)
#   openstack-target.sh glance-db sqlite|mariadb
#                              restart Glance on that database (each keeps its images): sqlite with one worker, or
#                              MariaDB with ITC_GLANCE_WORKERS (default 2) workers and tags compared byte for byte
#   openstack-target.sh tag-collation nopad_bin|bin|general_ci
#                              (after glance-db mariadb) how MariaDB compares image tags: nopad_bin (byte for byte, the default after up);
#                              general_ci, what Glance's own migrations leave (utf8 tables), where an image that
#                              carries "X" and "x" answers 500 to deleting either (MultipleResultsFound); or bin,
#                              which still ignores trailing spaces ("x" and "x " collide the same way)
# Needs root (apt-get). Ports: ITC_KEYSTONE_PORT (default 15000), ITC_GLANCE_PORT (default 19292); Glance's API
# workers on MariaDB: ITC_GLANCE_WORKERS (default 2).
set -Eeuo pipefail

DIR=${ITC_OPENSTACK_DIR:-/tmp/itc-openstack}
KS_PORT=${ITC_KEYSTONE_PORT:-15000}
GL_PORT=${ITC_GLANCE_PORT:-19292}
KS_URL="http://127.0.0.1:${KS_PORT}/v3"
GL_URL="http://127.0.0.1:${GL_PORT}"
GL_WORKERS=${ITC_GLANCE_WORKERS:-2}
DB_SOCK="$DIR/mysql/sock"
marker=.itc-openstack-target # in every state folder this script made

log() { echo "openstack-target: $*" >&2; }

# The state folder goes into config files and a database URL (unix_socket=...), the workers into glance-api.conf.
if ! [[ "$DIR" =~ ^/[A-Za-z0-9._/-]+$ ]] || [ ${#DB_SOCK} -gt 100 ]; then
  log "ITC_OPENSTACK_DIR must be an absolute path of letters, digits, . _ - and /, under 90 characters: '$DIR'"; exit 2
fi
if ! [[ "$GL_WORKERS" =~ ^[1-9][0-9]?$ ]]; then log "ITC_GLANCE_WORKERS must be 1 to 99, not '$GL_WORKERS'"; exit 2; fi

wait_for() { # url seconds
  for _ in $(seq 1 "$2"); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null || [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 300 ]; then return 0; fi
    sleep 1
  done
  log "no answer from $1 after $2 s"; return 1
}

install() {
  if command -v glance-api >/dev/null && command -v keystone-wsgi-public >/dev/null && command -v openstack >/dev/null &&
    command -v mariadbd >/dev/null && dpkg-query -W -f='${Status}' python3-pymysql 2>/dev/null | grep -q 'ok installed'; then
    return
  fi
  log "installing glance-api, keystone, mariadb-server and python3-openstackclient from Debian's packages"
  # Keep the packages' own services from starting: this script runs its own on loopback.
  local added_policy=""
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; added_policy=1; fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends glance-api keystone python3-openstackclient \
    mariadb-server python3-pymysql >/dev/null
  if [ -n "$added_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi
}

start_keystone() {
  # As /etc/init.d/keystone runs it (uwsgi --http-socket, keystone-uwsgi.ini's settings), with fewer processes.
  # rem-header Content-Length is Debian's too: uwsgi closes every connection after its answer, and without a
  # length the answer says so (it ends at the close), so clients do not send a second request on it.
  # One thread per process: with four, a worker once died at start with "greenlet.error: cannot switch to a
  # different thread" (eventlet inside Keystone) and left requests hanging (a fresh-clone CI run, 2026-11-27).
  OS_KEYSTONE_CONFIG_FILES="$DIR/keystone.conf" nohup uwsgi --plugins python3 --http-socket "127.0.0.1:$KS_PORT" \
    --wsgi-file /usr/bin/keystone-wsgi-public --master --processes 2 --threads 1 --lazy-apps --enable-threads \
    --die-on-term --buffer-size 65535 --rem-header Content-Length --logto "$DIR/log/keystone-uwsgi.log" \
    >"$DIR/log/keystone.out" 2>&1 &
  echo $! >"$DIR/keystone.pid"
  wait_for "$KS_URL" 60
}

ours() { # pid: a process this state folder's services run (its command line names $DIR), not a reused pid
  local cmd
  cmd=$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null) || return 1
  [[ "$cmd" == *"$DIR"* ]]
}

alive() { local p; for p in "$@"; do if kill -0 "$p" 2>/dev/null; then echo "$p"; fi; done; }

exited() { # tenths pids...: wait up to that many tenths of a second for them all to exit
  local tenths=$1
  shift
  for _ in $(seq 1 "$tenths"); do
    [ -z "$(alive "$@")" ] && return 0
    sleep 0.1
  done
  return 1
}

gone() { # pids...: wait up to 15 s for them to exit, then KILL the rest; fails if any is still there
  local left
  exited 150 "$@" && return 0
  left=$(alive "$@")
  # shellcheck disable=SC2086
  log "still running after 15 s, killed:" $left
  # shellcheck disable=SC2086
  kill -KILL $left 2>/dev/null || true
  exited 50 "$@" && return 0
  # shellcheck disable=SC2046
  log "still running after SIGKILL:" $(alive "$@")
  return 1
}

stop_pid() { # pidfile: TERM the process and its children (Glance's parent does not wait for its workers)
  [ -f "$1" ] || return 0
  local pid kids="" k
  pid=$(cat "$1")
  if ! ours "$pid"; then rm -f "$1"; return 0; fi
  for k in $(pgrep -P "$pid" || true); do if ours "$k"; then kids="$kids $k"; fi; done
  # shellcheck disable=SC2086
  kill "$pid" $kids 2>/dev/null || true
  # shellcheck disable=SC2086
  gone "$pid" $kids || return 1
  rm -f "$1"
}

db() { mariadb --no-defaults -S "$DB_SOCK" -u root "$@"; }

start_mariadb() { # a private server: its own data folder and socket, no TCP
  mkdir -p "$DIR/mysql/data"
  mariadb-install-db --no-defaults --datadir="$DIR/mysql/data" --user=root --auth-root-authentication-method=socket \
    --skip-test-db >"$DIR/log/mariadb-install.log" 2>&1
  nohup mariadbd --no-defaults --datadir="$DIR/mysql/data" --socket="$DB_SOCK" --skip-networking --user=root \
    --log-error="$DIR/log/mariadb.log" --innodb-flush-log-at-trx-commit=2 >/dev/null 2>&1 &
  echo $! >"$DIR/mariadb.pid"
  for _ in $(seq 1 300); do
    if db -e 'SELECT 1' >/dev/null 2>&1; then return 0; fi
    kill -0 "$(cat "$DIR/mariadb.pid")" 2>/dev/null || break
    sleep 0.1
  done
  log "MariaDB did not start (see $DIR/log/mariadb.log)"; return 1
}

start_glance() {
  nohup glance-api --config-file "$DIR/glance-api.conf" >"$DIR/log/glance.out" 2>&1 &
  echo $! >"$DIR/glance.pid"
  wait_for "$GL_URL/" 60
}

# A live Glance has served requests before any test comes: its first authenticated request fetches Glance's own
# service token from Keystone (about 0.4 s here). One authenticated listing per worker (best effort: the kernel
# picks the worker) keeps that cost out of whichever tool is measured first (issue 12's side by side).
warm_glance() { # workers
  local token i code
  [ -f "$DIR/env" ] || return 0
  token=$(sed -n 's/^ITC_TOKEN=//p' "$DIR/env")
  for i in $(seq "$1"); do
    # Any answer will do: even a stale token (401) makes Glance fetch its own token to validate it.
    code=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' -H "X-Auth-Token: $token" "$GL_URL/v2/images?limit=1" || true)
    [ "$code" = 200 ] || log "glance: warm-up request $i answered ${code:-nothing}"
  done
}

glance_db() { # sqlite | mariadb: restart Glance on that database
  local conn workers
  case "${1:-}" in
    sqlite) conn="sqlite:///$DIR/glance.db"; workers=1 ;;
    mariadb) conn="mysql+pymysql://glance:glance-db@localhost/glance?unix_socket=$DB_SOCK\&charset=utf8"; workers=$GL_WORKERS ;;
    *) echo "usage: $0 glance-db sqlite|mariadb (after up)" >&2; exit 2 ;;
  esac
  if [ ! -f "$DIR/glance-api.conf" ]; then echo "usage: $0 glance-db sqlite|mariadb (after up)" >&2; exit 2; fi
  stop_pid "$DIR/glance.pid"
  sed -i "s|^connection = .*|connection = $conn|; s|^workers = .*|workers = $workers|" "$DIR/glance-api.conf"
  if [ "$1" = mariadb ] && [ ! -f "$DIR/glance-mariadb.synced" ]; then
    glance-manage --config-file "$DIR/glance-api.conf" db_sync >"$DIR/log/glance-manage-mariadb.log" 2>&1
    # Glance's migrations make utf8 tables, whose default collation ignores case and trailing spaces; the Image
    # API's tags are strings compared as sent, so the tag column compares bytes (tag-collation general_ci puts
    # Glance's default back).
    tag_collation nopad_bin
    touch "$DIR/glance-mariadb.synced"
  fi
  start_glance
  warm_glance "$workers"
  log "glance: on $1, $workers worker(s)"
}

tag_collation() { # nopad_bin | bin | general_ci
  case "${1:-}" in nopad_bin | bin | general_ci) ;;
    *) echo "usage: $0 tag-collation nopad_bin|bin|general_ci (after up)" >&2; exit 2 ;; esac
  db -e "ALTER TABLE glance.image_tags MODIFY value VARCHAR(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_$1 NOT NULL"
  log "glance: image tags compared with utf8mb3_$1"
}

os() { openstack --os-auth-url "$KS_URL" --os-identity-api-version 3 --os-user-domain-name Default --os-project-domain-name Default "$@"; }
admin() { os --os-username admin --os-password admin-pass --os-project-name admin "$@"; }
token_of() { os --os-username "$1" --os-password "$1-pass" --os-project-name "$1" token issue -f value -c id; }

up() {
  install
  down_quietly
  # Whatever fails from here on, nothing is left running.
  # (set -E hands the trap to command substitutions too: only the script's own shell acts on it.)
  trap '[ "$BASHPID" = "$$" ] || exit 1; trap - ERR; log "up failed; stopping what it started (logs kept in $DIR/log)"; stop_all || true' ERR
  mkdir -p "$DIR"/{log,fernet-keys,credential-keys,images,tasks,staging}
  chmod 700 "$DIR"
  touch "$DIR/$marker"
  log "mariadb: a private server for Keystone and Glance"
  start_mariadb
  local svc
  for svc in keystone glance; do
    db -e "CREATE DATABASE $svc; CREATE USER '$svc'@'localhost' IDENTIFIED BY '$svc-db';
      GRANT ALL ON $svc.* TO '$svc'@'localhost';"
  done
  cat >"$DIR/keystone.conf" <<CONF
[DEFAULT]
log_dir = $DIR/log
[database]
connection = mysql+pymysql://keystone:keystone-db@localhost/keystone?unix_socket=$DB_SOCK&charset=utf8
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
  # The image service and its endpoint are registered by POST, not by name (the client's look-ups by name
  # answer 404 first, which Keystone logs as errors).
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
# A Keystone request that hangs is given up after 10 s and sent again, instead of holding Glance's answer forever.
http_connect_timeout = 10
http_request_max_retries = 3
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
  start_glance
  umask 077
  local owner_token alt_token
  owner_token=$(token_of owner)
  alt_token=$(token_of alt)
  { echo "ITC_TARGET=$GL_URL"; echo "ITC_TOKEN=$owner_token"; echo "ITC_ALT_TOKEN=$alt_token"; echo "ITC_KEYSTONE_URL=$KS_URL"; } >"$DIR/env"
  warm_glance 1
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
  trap - ERR
  log "up: Glance at $GL_URL, Keystone at $KS_URL; tokens in $DIR/env, identities in $DIR/clouds.yaml and secure.yaml"
}

stop_all() {
  local ok=0
  stop_pid "$DIR/glance.pid" || ok=1
  stop_pid "$DIR/keystone.pid" || ok=1
  stop_pid "$DIR/mariadb.pid" || ok=1
  return $ok
}

# Only a folder this script made (it holds the marker) is ever removed, and only once nothing runs from it.
down_quietly() {
  [ -e "$DIR" ] || return 0
  if [ ! -e "$DIR/$marker" ]; then
    log "$DIR was not made by this script (no $marker in it): not touched; remove it yourself"; return 1
  fi
  if ! stop_all; then log "processes of $DIR still run: the folder is kept"; return 1; fi
  rm -rf "$DIR"
}

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
  tag-collation) tag_collation "${2:-}" ;;
  glance-db) glance_db "${2:-}" ;;
  *) echo "usage: $0 up|down|token-lifetime SECONDS|glance-db sqlite|mariadb|tag-collation nopad_bin|bin|general_ci" >&2; exit 2 ;;
esac

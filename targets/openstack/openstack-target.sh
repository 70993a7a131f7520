#!/usr/bin/env bash
# A real OpenStack Image service on loopback from Debian's packages, no network beyond Debian's archive: Keystone
# under uwsgi on a private MariaDB, and Glance of one Debian release on sqlite, MariaDB or PostgreSQL, optionally
# behind an nginx that terminates TLS with a private CA.
#   ITC_OPENSTACK_RELEASE  bookworm | trixie | sid (default: the host's own). The host's release runs on the host;
#                          another runs in a debootstrap chroot under the state folder ($ITC_OPENSTACK_DIR/root),
#                          from deb.debian.org (ITC_DEBIAN_MIRROR), with its own MariaDB and PostgreSQL.
#                          bookworm: Keystone 22 under uwsgi, Glance 25.1 with its own eventlet server (Debian 12's
#                          init script disables uwsgi for Glance); trixie (Keystone 27, Glance 30.0) and sid
#                          (Keystone 30, Glance 33.0): both under uwsgi with the packages' own ini files
#                          (/etc/keystone/keystone-uwsgi.ini, /etc/glance/glance-api-uwsgi.ini), as their init
#                          scripts run them, less AppArmor and with this layout's processes and logs.
#   ITC_GLANCE_DB          sqlite (default: one worker; more answer 500 "database is locked") | mariadb |
#                          postgresql (ITC_GLANCE_WORKERS workers, default 2)
#   ITC_OPENSTACK_TLS=1    nginx (Debian's) terminates TLS in front of Keystone and Glance with a private CA made by
#                          openssl; the catalog holds the https endpoints; the CA is $ITC_CACERT of the env file
#   openstack-target.sh up     install (if missing), configure, start them, create the owner and alt identities,
#                              and write $ITC_OPENSTACK_DIR/env (ITC_TARGET, ITC_TOKEN, ITC_ALT_TOKEN, ...) and
#                              $ITC_OPENSTACK_DIR/clouds.yaml (clouds owner and alt) with their passwords in
#                              secure.yaml beside it, all mode 600
#   openstack-target.sh down   stop everything up started (every process of the chroot too), unmount what it mounted,
#                              and remove the state folder (the chroot with it); safe twice, and after a failed up
#   openstack-target.sh token-lifetime S   restart Keystone issuing tokens that live S seconds (renewal tests)
#   openstack-target.sh glance-db sqlite|mariadb|postgresql
#                              restart Glance on that database (each keeps its images): sqlite with one worker, or
#                              MariaDB (tags compared byte for byte) or PostgreSQL with ITC_GLANCE_WORKERS workers
#   openstack-target.sh tag-collation nopad_bin|bin|general_ci|uca1400_ai_ci
#                              (after glance-db mariadb) how MariaDB compares image tags: nopad_bin (byte for byte, the
#                              default after glance-db mariadb); general_ci, what Glance's own migrations leave (utf8
#                              tables) on MariaDB 10.11, where an image that carries "X" and "x" answers 500 to deleting
#                              either (MultipleResultsFound); uca1400_ai_ci, what they leave on MariaDB 11.8 (trixie,
#                              sid; "e" and "é" collide too); or bin, which still ignores trailing spaces
# Needs root (apt-get, debootstrap, chroot, mount). Ports: ITC_KEYSTONE_PORT (default 15000), ITC_GLANCE_PORT (default
# 19292); with TLS nginx holds those and Keystone and Glance listen on the next port up. The DB servers listen on
# sockets in the state folder only (no TCP), so neither collides with a server of the host's or another copy's.
# One command at a time per state folder (no lock: an up stops what another had started there); a copy beside another
# takes its own ITC_OPENSTACK_DIR and ports.
set -Eeuo pipefail

DIR=${ITC_OPENSTACK_DIR:-/tmp/itc-openstack}
KS_PORT=${ITC_KEYSTONE_PORT:-15000}
GL_PORT=${ITC_GLANCE_PORT:-19292}
GL_WORKERS=${ITC_GLANCE_WORKERS:-2}
MIRROR=${ITC_DEBIAN_MIRROR:-http://deb.debian.org/debian}
HOST_RELEASE=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
marker=.itc-openstack-target # in every state folder this script made

log() { echo "openstack-target: $*" >&2; }

# The state folder goes into config files and database URLs (unix_socket=...), the workers into glance-api.conf.
if ! [[ "$DIR" =~ ^/[A-Za-z0-9._/-]+$ ]] || [ ${#DIR} -gt 80 ]; then
  log "ITC_OPENSTACK_DIR must be an absolute path of letters, digits, . _ - and /, under 80 characters: '$DIR'"; exit 2
fi
if ! [[ "$GL_WORKERS" =~ ^[1-9][0-9]?$ ]]; then log "ITC_GLANCE_WORKERS must be 1 to 99, not '$GL_WORKERS'"; exit 2; fi

# The layout chosen at up (release, database, TLS) is kept in the state folder: every later command reads it there.
if [ -f "$DIR/layout" ] && [ "${1:-}" != up ]; then
  # shellcheck disable=SC1091
  . "$DIR/layout"
else
  RELEASE=${ITC_OPENSTACK_RELEASE:-$HOST_RELEASE}
  GLANCE_DB=${ITC_GLANCE_DB:-sqlite}
  TLS=${ITC_OPENSTACK_TLS:-0}
fi
case "$RELEASE" in bookworm | trixie | sid) ;; *) log "ITC_OPENSTACK_RELEASE must be bookworm, trixie or sid, not '$RELEASE'"; exit 2 ;; esac
case "$GLANCE_DB" in sqlite | mariadb | postgresql) ;; *) log "ITC_GLANCE_DB must be sqlite, mariadb or postgresql, not '$GLANCE_DB'"; exit 2 ;; esac
case "$TLS" in 0 | 1) ;; *) log "ITC_OPENSTACK_TLS must be 0 or 1, not '$TLS'"; exit 2 ;; esac

# ROOT: the chroot of a release other than the host's (empty: the host itself). The services see the state folder at
# the same path $DIR inside their system; SD is that folder as the host sees it. SYS runs a command in that system.
if [ "$RELEASE" = "$HOST_RELEASE" ]; then
  ROOT=""
  SYS=(env)
else
  ROOT="$DIR/root"
  SYS=(chroot "$ROOT" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 HOME=/root)
fi
SD="$ROOT$DIR"
DB_SOCK="$DIR/mysql/sock"
PG_SOCK_DIR="$DIR/pg"
if [ "$TLS" = 1 ]; then
  KS_BPORT=$((KS_PORT + 1)) GL_BPORT=$((GL_PORT + 1)) SCHEME=https
  CACERT="$SD/tls/ca.pem"
  CURL=(curl --cacert "$CACERT")
else
  KS_BPORT=$KS_PORT GL_BPORT=$GL_PORT SCHEME=http
  CACERT=""
  CURL=(curl)
fi
KS_URL="$SCHEME://127.0.0.1:${KS_PORT}/v3" # what clients, the catalog and the env file see
GL_URL="$SCHEME://127.0.0.1:${GL_PORT}"
KS_BACK="http://127.0.0.1:${KS_BPORT}" # where Keystone and Glance themselves listen (the same without TLS)
GL_BACK="http://127.0.0.1:${GL_BPORT}"

# Debian's packages each system needs. python3-tempest is installed by tempest.sh when it is first run.
server_packages=(glance-api keystone uwsgi-core uwsgi-plugin-python3 mariadb-server python3-pymysql postgresql python3-psycopg2)

wait_for() { # url seconds
  local code
  for _ in $(seq 1 "$2"); do
    code=$("${CURL[@]}" -s --max-time 5 -o /dev/null -w '%{http_code}' "$1" 2>/dev/null || true)
    case "$code" in 2?? | 300) return 0 ;; esac
    sleep 1
  done
  log "no answer from $1 after $2 s"; return 1
}

missing_packages() { # package...: those not installed on the host
  local p
  for p in "$@"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || echo "$p"; done
}

with_policy() { # command...: run on the host with Debian's services kept from starting (this script runs its own)
  local added="" status=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; added=1; fi
  "$@" || status=$?
  if [ -n "$added" ]; then rm -f /usr/sbin/policy-rc.d; fi
  return $status
}

install_host() {
  local want=(python3-openstackclient curl openssl)
  if [ -z "$ROOT" ]; then want+=("${server_packages[@]}"); else want+=(debootstrap); fi
  if [ "$TLS" = 1 ]; then want+=(nginx); fi
  local missing
  mapfile -t missing < <(missing_packages "${want[@]}")
  [ ${#missing[@]} -gt 0 ] || return 0
  log "installing ${missing[*]} from Debian's packages"
  with_policy step - sh -c 'timeout 600 apt-get update -qq && DEBIAN_FRONTEND=noninteractive timeout 1200 apt-get install -y -qq --no-install-recommends "$@" >/dev/null' sh "${missing[@]}"
}

# ---- the chroot of another release ----------------------------------------------------------------------------

mounts_under() { # every mount point at or under the state folder, deepest first
  awk -v d="$DIR" '{ if ($5 == d || index($5, d "/") == 1) print $5 }' /proc/self/mountinfo | sort -r
}

unmount_all() { # fails if a mount point under the state folder is left
  local m
  for m in $(mounts_under); do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done
  if [ -n "$(mounts_under)" ]; then log "still mounted: $(mounts_under | tr '\n' ' ')"; return 1; fi
}

root_pids() { # every process whose root directory is the chroot: all of them this script started, by construction
  [ -d "$DIR/root" ] || return 0
  local real p
  real=$(realpath "$DIR/root")
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/root" 2>/dev/null)" = "$real" ] && echo "${p#/proc/}"
  done
  return 0
}

stop_root_pids() { # TERM whatever still runs in the chroot, then KILL; fails if anything is left
  local pids
  pids=$(root_pids | tr '\n' ' ')
  [ -n "${pids// /}" ] || return 0
  log "stopping what still runs in the chroot: $pids"
  # shellcheck disable=SC2086
  kill $pids 2>/dev/null || true
  # shellcheck disable=SC2086
  gone $pids
}

make_root() { # debootstrap the release into $ROOT, /proc mounted, its server packages installed
  log "debootstrap --variant=minbase $RELEASE into $ROOT ($MIRROR)"
  local started=$SECONDS
  step "$DIR/debootstrap.log" timeout 900 debootstrap --variant=minbase "$RELEASE" "$ROOT" "$MIRROR" ||
    { log "debootstrap failed (see $DIR/debootstrap.log)"; return 1; }
  printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
  chmod +x "$ROOT/usr/sbin/policy-rc.d"
  mount -t proc proc "$ROOT/proc"
  local valid=()
  # unstable's Release file may have expired on the archive (measured 2026-12-02)
  if [ "$RELEASE" = sid ]; then valid=(-o Acquire::Check-Valid-Until=false); fi
  log "apt-get install ${server_packages[*]} in the chroot ($((SECONDS - started)) s so far)"
  step "$DIR/apt.log" "${SYS[@]}" DEBIAN_FRONTEND=noninteractive sh -c 'timeout 600 apt-get "$@" update -qq' sh "${valid[@]}" &&
    step "$DIR/apt.log" "${SYS[@]}" DEBIAN_FRONTEND=noninteractive timeout 1200 apt-get "${valid[@]}" install -y -qq \
      --no-install-recommends "${server_packages[@]}" ||
    { log "apt-get in the chroot failed (see $DIR/apt.log)"; return 1; }
  "${SYS[@]}" apt-get clean
  log "chroot ready in $((SECONDS - started)) s: glance-api $(pkg_version glance-api), keystone $(pkg_version keystone)"
}

pkg_version() { "${SYS[@]}" dpkg-query -W -f='${Version}' "$1"; }

# A long step (debootstrap, apt-get) runs in the background and is waited for, so that a TERM or Ctrl-C reaches the
# traps at once (bash runs a trap only once its foreground command has ended); on_failure stops it.
STEP=""
step() { # log command...: its output appended to log (- : not redirected)
  local out=$1
  shift
  if [ "$out" = - ]; then "$@" & else "$@" >>"$out" 2>&1 & fi
  STEP=$!
  local status=0
  wait "$STEP" || status=$?
  STEP=""
  return $status
}

# ---- processes ----------------------------------------------------------------------------------------------------

ours() { # pid: a process this state folder's services run (its command line names $DIR), not a reused pid
  local cmd
  cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$1/cmdline") || return 1
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

stop_pid() { # pidfile [signal]: signal the process (TERM) and its children (Glance's parent does not wait for its workers)
  [ -f "$1" ] || return 0
  local pid kids="" k sig=${2:-TERM}
  pid=$(cat "$1")
  if ! ours "$pid"; then rm -f "$1"; return 0; fi
  for k in $(pgrep -P "$pid" || true); do if ours "$k"; then kids="$kids $k"; fi; done
  # shellcheck disable=SC2086
  kill -"$sig" "$pid" 2>/dev/null || true
  # shellcheck disable=SC2086
  [ -z "$kids" ] || kill $kids 2>/dev/null || true
  # shellcheck disable=SC2086
  gone "$pid" $kids || return 1
  rm -f "$1"
}

launch() { # name command...: start it in the release's system, in the background, its pid in $DIR/name.pid
  local name=$1
  shift
  nohup "${SYS[@]}" "$@" >"$SD/log/$name.out" 2>&1 &
  echo $! >"$DIR/$name.pid"
}

# ---- databases ----------------------------------------------------------------------------------------------------

db() { "${SYS[@]}" mariadb --no-defaults -S "$DB_SOCK" -u root "$@"; }

start_mariadb() { # a private server: its own data folder and socket, no TCP
  mkdir -p "$SD/mysql/data"
  "${SYS[@]}" mariadb-install-db --no-defaults --datadir="$DIR/mysql/data" --user=root --auth-root-authentication-method=socket \
    --skip-test-db >"$SD/log/mariadb-install.log" 2>&1
  launch mariadb mariadbd --no-defaults --datadir="$DIR/mysql/data" --socket="$DB_SOCK" --skip-networking --user=root \
    --log-error="$DIR/log/mariadb.log" --innodb-flush-log-at-trx-commit=2
  for _ in $(seq 1 300); do
    if db -e 'SELECT 1' >/dev/null 2>&1; then return 0; fi
    kill -0 "$(cat "$DIR/mariadb.pid")" 2>/dev/null || break
    sleep 0.1
  done
  log "MariaDB did not start (see $DIR/log/mariadb.log)"; return 1
}

pg_bin() { "${SYS[@]}" sh -c 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1'; }
# As the postgres user, from / (PostgreSQL refuses to run as root; the caller's folder may be closed to it).
as_postgres() { "${SYS[@]}" setpriv --reuid=postgres --regid=postgres --init-groups -- sh -c 'cd / && exec "$@"' sh "$@"; }
psql_admin() { as_postgres "$(pg_bin)/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCK_DIR" -U postgres -d postgres "$@"; }

start_postgresql() { # a private cluster of the release's PostgreSQL: its own data folder and socket, no TCP
  [ ! -f "$DIR/postgresql.pid" ] || return 0
  local bin
  bin=$(pg_bin)
  mkdir -p "$SD/pg"
  # The postgres user reaches its folder through the state folder (its files stay mode 600).
  chmod 711 "$SD"
  "${SYS[@]}" chown postgres:postgres "$PG_SOCK_DIR"
  chmod 700 "$SD/pg"
  as_postgres "$bin/initdb" -D "$PG_SOCK_DIR/data" -U postgres -E UTF8 --no-locale --auth-local=peer --auth-host=reject \
    >"$SD/log/postgresql-initdb.log" 2>&1
  # The superuser by peer (this script, as postgres), Glance by password, nothing over TCP.
  printf 'local all postgres peer\nlocal all all scram-sha-256\n' >"$SD/pg/data/pg_hba.conf"
  launch postgresql setpriv --reuid=postgres --regid=postgres --init-groups -- sh -c 'cd / && exec "$@"' sh "$bin/postgres" -D "$PG_SOCK_DIR/data" \
    -k "$PG_SOCK_DIR" -c listen_addresses= -c synchronous_commit=off -c dynamic_shared_memory_type=mmap \
    -c logging_collector=off
  for _ in $(seq 1 300); do
    if psql_admin -c 'SELECT 1' >/dev/null 2>&1; then
      psql_admin -c "CREATE ROLE glance LOGIN PASSWORD 'glance-db'" -c "CREATE DATABASE glance OWNER glance"
      log "postgresql: a private cluster ($(basename "$(dirname "$bin")")) for Glance"
      return 0
    fi
    kill -0 "$(cat "$DIR/postgresql.pid")" 2>/dev/null || break
    sleep 0.1
  done
  log "PostgreSQL did not start (see $DIR/log/postgresql.out)"; return 1
}

# ---- Keystone and Glance --------------------------------------------------------------------------------------------

package_ini() { # package-ini out: the package's uwsgi ini less AppArmor (no such kernel here) and the keys this layout sets
  grep -v -E '^\s*(apparmor-profile|processes|threads|logto|uid|gid)\s*=' "$ROOT$1" |
    sed -E 's/^(\s*plugins\s*=.*),\s*apparmor/\1/' >"$2"
}

start_keystone() {
  if [ "$RELEASE" = bookworm ]; then
    # As /etc/init.d/keystone runs it (uwsgi --http-socket, keystone-uwsgi.ini's settings), with fewer processes.
    # rem-header Content-Length is Debian's too: uwsgi closes every connection after its answer, and without a
    # length the answer says so (it ends at the close), so clients do not send a second request on it.
    # One thread per process: with four, a worker once died at start with "greenlet.error: cannot switch to a
    # different thread" (eventlet inside Keystone) and left requests hanging (a fresh-clone CI run, 2026-11-27).
    launch keystone OS_KEYSTONE_CONFIG_FILES="$DIR/keystone.conf" uwsgi --plugins python3 --http-socket "127.0.0.1:$KS_BPORT" \
      --wsgi-file /usr/bin/keystone-wsgi-public --master --processes 2 --threads 1 --lazy-apps --enable-threads \
      --die-on-term --buffer-size 65535 --rem-header Content-Length --logto "$DIR/log/keystone-uwsgi.log"
  else
    # As its init script runs it: uwsgi --http-socket with the package's ini; two processes of one thread (above).
    package_ini /etc/keystone/keystone-uwsgi.ini "$SD/keystone-uwsgi.ini"
    launch keystone OS_KEYSTONE_CONFIG_FILES="$DIR/keystone.conf" uwsgi --ini "$DIR/keystone-uwsgi.ini" \
      --http-socket "127.0.0.1:$KS_BPORT" --processes 2 --threads 1 --logto "$DIR/log/keystone-uwsgi.log"
  fi
  wait_for "$KS_BACK/v3" 90
}

start_glance() { # workers
  if [ "$RELEASE" = bookworm ]; then
    sed -i "s|^workers = .*|workers = $1|" "$SD/glance-api.conf"
    launch glance glance-api --config-file "$DIR/glance-api.conf"
  else
    # Glance 30 and 33 run under a WSGI server only (33: "Standalone glance-api is no longer supported"): uwsgi with
    # the package's ini, as its init script runs it, glance-api.conf found through OS_GLANCE_CONFIG_DIR. Each request
    # is logged with its start and duration in ms (glance-access.log), for the side by side figures.
    package_ini /etc/glance/glance-api-uwsgi.ini "$SD/glance-api-uwsgi.ini"
    launch glance OS_GLANCE_CONFIG_DIR="$DIR" uwsgi --ini "$DIR/glance-api-uwsgi.ini" --http-socket "127.0.0.1:$GL_BPORT" \
      --processes "$1" --threads 1 --logto "$DIR/log/glance-uwsgi.log" --plugin logfile --req-logger "file:$DIR/log/glance-access.log" \
      --logformat 'itc-access %(tmsecs) %(msecs) %(status) "%(method) %(uri)"'
  fi
  wait_for "$GL_BACK/" 90
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
    code=$("${CURL[@]}" -sS --max-time 30 -o /dev/null -w '%{http_code}' -H "X-Auth-Token: $token" "$GL_URL/v2/images?limit=1" || true)
    [ "$code" = 200 ] || log "glance: warm-up request $i answered ${code:-nothing}"
  done
}

glance_db() { # sqlite | mariadb | postgresql: (re)start Glance on that database
  local conn workers
  if [ ! -f "$SD/glance-api.conf" ]; then echo "usage: $0 glance-db sqlite|mariadb|postgresql (after up)" >&2; exit 2; fi
  case "${1:-}" in
    sqlite) conn="sqlite:///$DIR/glance.db"; workers=1 ;;
    mariadb) conn="mysql+pymysql://glance:glance-db@localhost/glance?unix_socket=$DB_SOCK\&charset=utf8"; workers=$GL_WORKERS ;;
    postgresql) start_postgresql; conn="postgresql+psycopg2://glance:glance-db@/glance?host=$PG_SOCK_DIR"; workers=$GL_WORKERS ;;
    *) echo "usage: $0 glance-db sqlite|mariadb|postgresql (after up)" >&2; exit 2 ;;
  esac
  stop_pid "$DIR/glance.pid"
  sed -i "s|^connection = .*|connection = $conn|" "$SD/glance-api.conf"
  if [ ! -f "$DIR/glance-$1.synced" ]; then
    "${SYS[@]}" glance-manage --config-file "$DIR/glance-api.conf" db_sync >"$SD/log/glance-manage-$1.log" 2>&1
    # Glance's migrations make utf8 tables, whose default collation ignores case and trailing spaces; the Image
    # API's tags are strings compared as sent, so the tag column compares bytes (tag-collation general_ci puts
    # Glance's default back).
    if [ "$1" = mariadb ]; then
      log "glance: Glance's migrations left image tags compared with $(db -N -e "SELECT COLLATION_NAME FROM information_schema.COLUMNS
        WHERE TABLE_SCHEMA = 'glance' AND TABLE_NAME = 'image_tags' AND COLUMN_NAME = 'value'")"
      tag_collation nopad_bin
    fi
    touch "$DIR/glance-$1.synced"
  fi
  start_glance "$workers"
  warm_glance "$workers"
  log "glance: on $1, $workers worker(s)"
}

tag_collation() { # nopad_bin | bin | general_ci
  case "${1:-}" in nopad_bin | bin | general_ci | uca1400_ai_ci) ;;
    *) echo "usage: $0 tag-collation nopad_bin|bin|general_ci|uca1400_ai_ci (after up)" >&2; exit 2 ;; esac
  db -e "ALTER TABLE glance.image_tags MODIFY value VARCHAR(255) CHARACTER SET utf8mb3 COLLATE utf8mb3_$1 NOT NULL"
  log "glance: image tags compared with utf8mb3_$1"
}

# ---- TLS ------------------------------------------------------------------------------------------------------------

# Python 3.13 and later verify strictly (ssl.VERIFY_X509_STRICT, sid's Python 3.14): a CA without keyUsage is refused
# ("CA cert does not include key usage extension"), so both certificates carry the extensions RFC 5280 asks for.
make_certificates() { # a private CA and a certificate for 127.0.0.1 and localhost signed by it (two days)
  local t="$SD/tls"
  mkdir -p "$t"
  {
    openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=itc-openstack test CA" \
      -addext "basicConstraints = critical, CA:TRUE" -addext "keyUsage = critical, keyCertSign, cRLSign" \
      -addext "subjectKeyIdentifier = hash" -keyout "$t/ca.key" -out "$t/ca.pem"
    openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj "/CN=127.0.0.1" -keyout "$t/server.key" \
      -out "$t/server.csr"
    printf '%s\n' "subjectAltName = IP:127.0.0.1, DNS:localhost" "basicConstraints = critical, CA:FALSE" \
      "keyUsage = critical, digitalSignature" "extendedKeyUsage = serverAuth" "subjectKeyIdentifier = hash" \
      "authorityKeyIdentifier = keyid, issuer" >"$t/server.ext"
    openssl x509 -req -in "$t/server.csr" -CA "$t/ca.pem" -CAkey "$t/ca.key" -CAcreateserial -days 2 \
      -extfile "$t/server.ext" -out "$t/server.pem"
  } >"$SD/log/openssl.log" 2>&1
  chmod 644 "$t/ca.pem"
}

start_nginx() { # on the host, whatever the release: TLS in front of both, the request passed on as sent
  local n="$SD/nginx"
  mkdir -p "$n"
  # proxy_pass without a URI passes the request line's path as the client sent it (percent-encoding untouched).
  cat >"$n/nginx.conf" <<CONF
user root;
worker_processes 1;
pid $n/nginx.pid;
error_log $SD/log/nginx-error.log;
events { worker_connections 512; }
http {
  access_log $SD/log/nginx-access.log;
  client_body_temp_path $n/body;
  proxy_temp_path $n/proxy;
  fastcgi_temp_path $n/fastcgi;
  uwsgi_temp_path $n/uwsgi;
  scgi_temp_path $n/scgi;
  client_max_body_size 0;
  ssl_certificate $SD/tls/server.pem;
  ssl_certificate_key $SD/tls/server.key;
  ssl_protocols TLSv1.2 TLSv1.3;
  proxy_set_header Host \$http_host;
  proxy_set_header X-Forwarded-Proto https;
  proxy_set_header X-Forwarded-For \$remote_addr;
  proxy_read_timeout 120s;
  server { listen 127.0.0.1:$KS_PORT ssl; location / { proxy_pass $KS_BACK; } }
  server { listen 127.0.0.1:$GL_PORT ssl; location / { proxy_pass $GL_BACK; proxy_request_buffering off; } }
}
CONF
  nohup nginx -c "$n/nginx.conf" -g 'daemon off;' >"$SD/log/nginx.out" 2>&1 &
  echo $! >"$DIR/nginx.pid"
  log "nginx: TLS on $KS_PORT (Keystone) and $GL_PORT (Glance), private CA $CACERT"
}

# ---- up and down ----------------------------------------------------------------------------------------------------

os() {
  openstack --os-auth-url "$KS_URL" --os-identity-api-version 3 --os-user-domain-name Default \
    --os-project-domain-name Default ${CACERT:+--os-cacert "$CACERT"} "$@"
}
admin() { os --os-username admin --os-password admin-pass --os-project-name admin "$@"; }
ks_id() { # token path key: the id of the only entry Keystone lists at $KS_URL/path
  "${CURL[@]}" -fsS "$KS_URL/$2" -H "X-Auth-Token: $1" | python3 -c "import json,sys; [e] = json.load(sys.stdin)['$3']; print(e['id'])"
}
token_of() { os --os-username "$1" --os-password "$1-pass" --os-project-name "$1" token issue -f value -c id; }

on_failure() {
  trap - ERR INT TERM
  log "up failed; stopping what it started (logs kept in $DIR/log)"
  if [ -n "$STEP" ]; then pkill -TERM -P "$STEP" 2>/dev/null || true; kill "$STEP" 2>/dev/null || true; fi
  stop_all || true
}

up() {
  install_host
  down_quietly
  # Whatever fails from here on, nothing is left running and nothing mounted.
  # (set -E hands the trap to command substitutions too: only the script's own shell acts on it.)
  trap '[ "$BASHPID" = "$$" ] || exit 1; on_failure' ERR
  trap 'on_failure; exit 130' INT TERM
  umask 077
  mkdir -p "$DIR"
  chmod 700 "$DIR"
  touch "$DIR/$marker"
  printf 'RELEASE=%s\nGLANCE_DB=%s\nTLS=%s\n' "$RELEASE" "$GLANCE_DB" "$TLS" >"$DIR/layout"
  if [ -n "$ROOT" ]; then
    make_root
    mkdir -p "$SD"
    ln -s "root$DIR/log" "$DIR/log"
  fi
  mkdir -p "$SD"/{log,fernet-keys,credential-keys,images,tasks,staging}
  chmod 700 "$SD"
  if [ -n "$ROOT" ]; then mv "$DIR/debootstrap.log" "$DIR/apt.log" "$SD/log/"; fi
  if [ "$TLS" = 1 ]; then make_certificates; start_nginx; fi
  log "mariadb: a private server for Keystone and Glance ($RELEASE)"
  start_mariadb
  local svc
  for svc in keystone glance; do
    db -e "CREATE DATABASE $svc; CREATE USER '$svc'@'localhost' IDENTIFIED BY '$svc-db';
      GRANT ALL ON $svc.* TO '$svc'@'localhost';"
  done
  cat >"$SD/keystone.conf" <<CONF
[DEFAULT]
log_dir = $DIR/log
${CACERT:+public_endpoint = https://127.0.0.1:$KS_PORT}
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
  local km=("${SYS[@]}" keystone-manage --config-file "$DIR/keystone.conf")
  log "keystone $(pkg_version keystone): db_sync, fernet_setup, credential_setup, bootstrap"
  { "${km[@]}" db_sync && "${km[@]}" fernet_setup --keystone-user root --keystone-group root &&
    "${km[@]}" credential_setup --keystone-user root --keystone-group root &&
    "${km[@]}" bootstrap --bootstrap-password admin-pass --bootstrap-admin-url "$KS_URL/" \
      --bootstrap-public-url "$KS_URL/" --bootstrap-internal-url "$KS_URL/" --bootstrap-region-id RegionOne; } >"$SD/log/setup.log" 2>&1
  start_keystone
  if [ "$TLS" = 1 ]; then wait_for "$KS_URL" 30; fi
  log "keystone: projects owner, alt, service; users owner, alt (member), owner-reader, alt-reader (reader), glance (admin of service)"
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
  sid=$("${CURL[@]}" -fsS -X POST "$KS_URL/services" -H "X-Auth-Token: $tok" -H 'Content-Type: application/json' \
    -d '{"service":{"type":"image","name":"glance"}}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["service"]["id"])')
  "${CURL[@]}" -fsS -o /dev/null -X POST "$KS_URL/endpoints" -H "X-Auth-Token: $tok" -H 'Content-Type: application/json' \
    -d "{\"endpoint\":{\"service_id\":\"$sid\",\"interface\":\"public\",\"region_id\":\"RegionOne\",\"url\":\"$GL_URL\"}}"
  # Readers of each project for Tempest 47, whose image tests take a project member and a reader of the same project
  # (pre-provisioned accounts are locked per user, so the reader is a user of its own): owner-reader, alt-reader.
  local rid pid uid
  rid=$(ks_id "$tok" "roles?name=reader" roles)
  for p in owner alt; do
    pid=$(ks_id "$tok" "projects?name=$p" projects)
    uid=$("${CURL[@]}" -fsS -X POST "$KS_URL/users" -H "X-Auth-Token: $tok" -H 'Content-Type: application/json' \
      -d "{\"user\":{\"name\":\"$p-reader\",\"password\":\"$p-reader-pass\",\"domain_id\":\"default\"}}" |
      python3 -c 'import json,sys; print(json.load(sys.stdin)["user"]["id"])')
    "${CURL[@]}" -fsS -o /dev/null -X PUT "$KS_URL/projects/$pid/users/$uid/roles/$rid" -H "X-Auth-Token: $tok"
  done
  # Glance reaches Keystone on loopback (auth_url); the 401's WWW-Authenticate names the public one.
  cat >"$SD/glance-api.conf" <<CONF
[DEFAULT]
bind_host = 127.0.0.1
bind_port = $GL_BPORT
log_file = $DIR/log/glance-api.log
enabled_backends = fs:file
workers = 1
${CACERT:+public_endpoint = $GL_URL}
[database]
connection = sqlite:///$DIR/glance.db
[keystone_authtoken]
www_authenticate_uri = $SCHEME://127.0.0.1:$KS_PORT
auth_url = $KS_BACK
${CACERT:+cafile = $DIR/tls/ca.pem}
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
  local owner_token alt_token
  owner_token=$(token_of owner)
  alt_token=$(token_of alt)
  {
    echo "ITC_TARGET=$GL_URL"
    echo "ITC_TOKEN=$owner_token"
    echo "ITC_ALT_TOKEN=$alt_token"
    echo "ITC_KEYSTONE_URL=$KS_URL"
    echo "ITC_CACERT=$CACERT"
    echo "ITC_GLANCE_PLAIN=$GL_BACK"
    echo "ITC_KEYSTONE_PLAIN=$KS_BACK/v3"
    echo "ITC_OPENSTACK_RELEASE=$RELEASE"
    echo "ITC_GLANCE_VERSION=$(pkg_version glance-api)"
    echo "ITC_KEYSTONE_VERSION=$(pkg_version keystone)"
  } >"$DIR/env"
  log "glance $(pkg_version glance-api): db_sync, start"
  glance_db "$GLANCE_DB"
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
  trap - ERR INT TERM
  log "up: Glance $(pkg_version glance-api) ($RELEASE, $GLANCE_DB${CACERT:+, TLS}) at $GL_URL, Keystone at $KS_URL; tokens in $DIR/env, identities in $DIR/clouds.yaml and secure.yaml"
}

stop_all() { # every process up started, then every mount; fails if a process or a mount is left
  local ok=0
  stop_pid "$DIR/nginx.pid" || ok=1
  stop_pid "$DIR/glance.pid" || ok=1
  stop_pid "$DIR/keystone.pid" || ok=1
  stop_pid "$DIR/postgresql.pid" INT || ok=1 # PostgreSQL's fast shutdown
  stop_pid "$DIR/mariadb.pid" || ok=1
  stop_root_pids || ok=1
  unmount_all || ok=1
  return $ok
}

# Only a folder this script made (it holds the marker) is ever removed, and only once nothing runs from it and
# nothing is mounted under it.
down_quietly() {
  [ -e "$DIR" ] || return 0
  if [ ! -e "$DIR/$marker" ]; then
    log "$DIR was not made by this script (no $marker in it): not touched; remove it yourself"; return 1
  fi
  local started=$SECONDS
  if ! stop_all; then log "processes or mounts of $DIR are left: the folder is kept"; return 1; fi
  local stopped=$SECONDS
  rm -rf --one-file-system "$DIR"
  log "stopped in $((stopped - started)) s, $DIR removed in $((SECONDS - stopped)) s"
}

token_lifetime() { # seconds: Keystone issues tokens that live this long from now on (restarts it)
  if ! [[ "${1:-}" =~ ^[0-9]+$ ]] || [ ! -f "$SD/keystone.conf" ]; then
    echo "usage: $0 token-lifetime SECONDS (after up)" >&2; exit 2
  fi
  sed -i "s/^expiration = .*/expiration = $1/" "$SD/keystone.conf"
  stop_pid "$DIR/keystone.pid"; sleep 1; start_keystone
  log "keystone: tokens now live $1 s"
}

case "${1:-}" in
  up) up ;;
  down) down_quietly; log "down" ;;
  token-lifetime) token_lifetime "${2:-}" ;;
  tag-collation) tag_collation "${2:-}" ;;
  glance-db) glance_db "${2:-}" ;;
  *) echo "usage: $0 up|down|token-lifetime SECONDS|glance-db sqlite|mariadb|postgresql|tag-collation nopad_bin|bin|general_ci|uca1400_ai_ci" >&2; exit 2 ;;
esac

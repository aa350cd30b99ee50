#!/usr/bin/env bash
# The Debian package's life on this machine (issue 25): build it with scripts/build-deb, install it with dpkg -i
# (and apt-get install -f), start the server exactly as the installed unit says, create data with the CLI as the
# service user, edit the settings, upgrade to a newer version, restart, check that data, settings and schema
# survived, then purge and check that the package left nothing of its own and took nothing else. Needs root;
# systemd need not be PID 1 (Tests/package/as-service runs the unit's ExecStart= as its User= with its
# EnvironmentFile=). Any earlier install of qbbridge is purged first.
#
#   Tests/package/run.sh [RELEASE_BIN_DIR]     # default: build it with scripts/build-release
#
# QBBRIDGE_PACKAGE_PUBLIC_URL   if set, written into /etc/qbbridge/qbbridge.env as QBBRIDGE_PUBLIC_URL before the
#                               server first starts (what an admin does); default https://qbbridge.example.com
# QBBRIDGE_PACKAGE_HOOK         if set, an executable run after the upgrade while the installed server runs; the
#                               script fails if it fails. It gets QBBRIDGE_PACKAGE_UPSTREAM (host:port the server
#                               listens on), QBBRIDGE_PACKAGE_CLI (a shell-quoted command prefix running
#                               /usr/bin/qbbridge as the service would: `$QBBRIDGE_PACKAGE_CLI company list`),
#                               QBBRIDGE_PACKAGE_CADDYFILE (the installed Caddyfile) and QBBRIDGE_PACKAGE_ENV_FILE.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)
started=$SECONDS

log() { printf '\n== %s\n' "$*"; }
fail() { echo "package test: $*" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || fail "run it as root: it installs and purges a package"

unit=/lib/systemd/system/qbbridge.service
env_file=/etc/qbbridge/qbbridge.env
caddyfile=/etc/qbbridge/Caddyfile
as_service="$repo/Tests/package/as-service"
public_url=${QBBRIDGE_PACKAGE_PUBLIC_URL:-https://qbbridge.example.com}
export DEBIAN_FRONTEND=noninteractive

# 1. Tools: dpkg-shlibdeps (dpkg-dev) for the Depends line, systemd-analyze (systemd) for the unit, curl.
missing=()
command -v dpkg-shlibdeps >/dev/null 2>&1 || missing+=(dpkg-dev)
command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v objcopy >/dev/null 2>&1 || missing+=(binutils)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/qbbridge-package.XXXXXX)
server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
cleanup() {
  local status=$?
  stop_server
  if [ $status -ne 0 ] && [ -f "$work/server.log" ]; then
    echo "--- server log ---" >&2
    tail -n 40 "$work/server.log" >&2
  fi
  rm -rf "$work"
}
trap cleanup EXIT

# 2. A leftover install (an earlier run that stopped half-way) goes first.
#    A server it started and could not stop (the script was killed) runs as the user qbbridge.
for pid in $(pgrep -u qbbridge -x qbbridge 2>/dev/null || true); do
  echo "stopping a qbbridge server (pid $pid) left by an earlier run"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
done
if dpkg-query -W -f='${Status}' qbbridge 2>/dev/null | grep -qv '^unknown ok not-installed$'; then
  log "purging the qbbridge package left by an earlier run"
  dpkg --purge qbbridge >/dev/null
fi
if getent passwd qbbridge >/dev/null || [ -e /var/lib/qbbridge ] || [ -e /etc/qbbridge ]; then
  fail "the user qbbridge, /var/lib/qbbridge or /etc/qbbridge exists without the package: not made by it, so not removed"
fi

# 3. Two packages of the same release binary: the version to install and a higher one to upgrade to.
bin_dir=${1:-}
if [ -z "$bin_dir" ]; then
  log "release build"
  bin_dir=$(scripts/build-release | tail -n 1)
fi
log "building the packages"
deb1=$(scripts/build-deb --bin-dir "$bin_dir" --output "$work/v1" | tail -n 1)
base_version=$(dpkg-deb -f "$deb1" Version)
new_version="$base_version+upgrade1"
deb2=$(scripts/build-deb --bin-dir "$bin_dir" --output "$work/v2" --version "$new_version" | tail -n 1)
dpkg --compare-versions "$new_version" gt "$base_version" || fail "$new_version is not above $base_version"
depends=$(dpkg-deb -f "$deb1" Depends)
echo "$(basename "$deb1"): $(du -h "$deb1" | cut -f1); Depends: $depends"
dpkg-deb --contents "$deb1"

# 4. Every package that holds a shared library the binary links (ldd, then dpkg -S) is in Depends.
log "runtime dependencies"
depends_names=$(tr ',|' '\n\n' <<<"$depends" | sed -E 's/^ *([^ (]+).*/\1/')
while read -r library; do
  owner=$(dpkg -S "$(readlink -f "$library")" 2>/dev/null | head -n 1 | cut -d: -f1) ||
    owner=$(dpkg -S "$library" | head -n 1 | cut -d: -f1)
  [ -n "$owner" ] || fail "no package holds $library"
  grep -qxF "$owner" <<<"$depends_names" || fail "$library is in $owner, which Depends does not name: $depends"
  echo "$library: $owner"
done < <(for needed in $(readelf -d "$bin_dir/qbbridge" | sed -nE 's/.*\(NEEDED\).*\[(.*)\]/\1/p'); do
           ldd "$bin_dir/qbbridge" | awk -v lib="$needed" '$1 == lib { print $3 }'
         done)
# A binary with packed relative relocations starts only with glibc 2.36 or later (scripts/build-release).
if readelf -d "$bin_dir/qbbridge" | grep -q '(RELR)'; then
  libc_minimum=$(tr ',' '\n' <<<"$depends" | sed -nE 's/^ *libc6 \(>= ([^)]+)\)$/\1/p')
  dpkg --compare-versions "${libc_minimum:-0}" ge 2.36 || fail "the binary uses RELR, but Depends allows libc6 ${libc_minimum:-of any version}"
fi
for package in libxml2 libsqlite3-0 adduser; do
  grep -qxF "$package" <<<"$depends_names" || fail "Depends lacks $package: $depends"
done

# 5. What the package must not touch: a listing of the places it writes, and the users, before it comes.
snapshot() {
  find /etc /lib/systemd /usr/lib/systemd /usr/bin /usr/sbin /usr/share/doc /var/lib \
    \( -path /var/lib/dpkg -o -path /var/lib/apt -o -path /var/lib/ucf -o -path /etc/ld.so.cache \
       -o -path /var/lib/postgresql -o -path /var/lib/caddy -o -path /var/lib/systemd/timers \) -prune -o -print 2>/dev/null | sort
}
snapshot > "$work/before.files"
cut -d: -f1 /etc/passwd | sort > "$work/before.users"
cut -d: -f1 /etc/group | sort > "$work/before.groups"

# 6. Install; what dpkg cannot satisfy from this machine apt-get brings.
log "dpkg -i $(basename "$deb1")"
if ! dpkg -i "$deb1"; then
  apt-get install -f -y -qq >/dev/null
fi
[ "$(dpkg-query -W -f='${Status} ${Version}' qbbridge)" = "install ok installed $base_version" ] ||
  fail "qbbridge $base_version is not installed: $(dpkg-query -W -f='${Status} ${Version}' qbbridge)"

log "the installed layout"
account=$(getent passwd qbbridge) || fail "no user qbbridge"
IFS=: read -r _ _ uid _ _ home shell <<<"$account"
[ "$uid" -lt 1000 ] && [ "$home" = /var/lib/qbbridge ] && [[ $shell == */nologin ]] ||
  fail "qbbridge is not a system user with home /var/lib/qbbridge and no shell: $account"
[ "$(stat -c '%a %U %G' /var/lib/qbbridge)" = "700 qbbridge qbbridge" ] ||
  fail "/var/lib/qbbridge is $(stat -c '%a %U %G' /var/lib/qbbridge), not 700 qbbridge qbbridge"
[ "$(stat -c '%a %U %G' "$env_file")" = "640 root qbbridge" ] ||
  fail "$env_file is $(stat -c '%a %U %G' "$env_file"), not 640 root qbbridge"
[ -x /usr/bin/qbbridge ] || fail "no /usr/bin/qbbridge"
[ "$(dpkg-query -W -f='${Conffiles}' qbbridge | awk 'NF {print $1}' | sort | tr '\n' ' ')" = "$caddyfile $env_file " ] ||
  fail "the conffiles are not $env_file and $caddyfile: $(dpkg-query -W -f='${Conffiles}' qbbridge)"
# Every QBBRIDGE_ variable serve reads (its own and the shared database and logging options) is in the env file.
for variable in $(grep -ohE 'Environment\.value\("QBBRIDGE_[A-Z_]+"\)' Sources/qbbridge/ServeCommand.swift Sources/qbbridge/Options.swift |
                  sed -E 's/.*"(QBBRIDGE_[A-Z_]+)".*/\1/' | sort -u); do
  grep -qE "^#?$variable=" "$env_file" || fail "$env_file does not list $variable"
done
for line in 'QBBRIDGE_HOST=127.0.0.1' 'QBBRIDGE_PORT=8080' 'QBBRIDGE_DATABASE=/var/lib/qbbridge/qbbridge.sqlite'; do
  grep -qx "$line" "$env_file" || fail "$env_file does not set $line"
done
grep -qE '^qbbridge\.example\.com \{' "$caddyfile" && grep -qE '^\s*reverse_proxy 127\.0\.0\.1:8080$' "$caddyfile" ||
  fail "$caddyfile does not proxy qbbridge.example.com to 127.0.0.1:8080"
if command -v caddy >/dev/null 2>&1; then
  caddy adapt --config "$caddyfile" --adapter caddyfile >/dev/null || fail "caddy cannot read $caddyfile"
fi
for option in Restart=always User=qbbridge StateDirectory=qbbridge NoNewPrivileges=yes ProtectSystem=strict \
              ProtectHome=yes PrivateTmp=yes EnvironmentFile=$env_file; do
  grep -qx "$option" "$unit" || fail "$unit lacks $option"
done

log "systemd-analyze verify $unit"
# The unit as installed, its ExecStart binary in place; "verify" also loads the units it names (network-online).
systemd-analyze verify "$unit"
echo "no complaints"

# 7. Start it as the unit does, with the public address an admin sets.
port=$(sed -nE 's/^QBBRIDGE_PORT=([0-9]+)$/\1/p' "$env_file")
host=$(sed -nE 's/^QBBRIDGE_HOST=(.+)$/\1/p' "$env_file")
upstream="$host:$port"
if curl -s -o /dev/null "http://$upstream/" 2>/dev/null; then
  fail "something already listens on $upstream, where the package's server must"
fi
set_env() { # NAME VALUE: replace the line, commented out or not, as an admin's editor would
  grep -qE "^#?$1=" "$env_file" || fail "$env_file has no $1 line"
  local value
  value=$(printf '%s' "$2" | sed -e 's/[\\|&]/\\&/g')
  sed -i -E "s|^#?$1=.*|$1=$value|" "$env_file"
}
set_env QBBRIDGE_PUBLIC_URL "$public_url"

start_server() {
  "$as_service" "$unit" >>"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 150); do
    if curl -fsS -o /dev/null "http://$upstream/healthz" 2>/dev/null; then return 0; fi
    kill -0 "$server_pid" 2>/dev/null || fail "the server stopped while starting"
    sleep 0.2
  done
  fail "the server did not answer http://$upstream/healthz within 30 s"
}
log "starting the server: $(sed -n 's/^ExecStart=//p' "$unit") as user qbbridge with $env_file"
start_server
curl -fsS "http://$upstream/healthz"; echo
grep -q 'created an admin API token' "$work/server.log" || fail "the first start printed no admin token"
curl -fsS "http://$upstream/qbwc?wsdl" | grep -qF "$public_url/qbwc" || fail "the WSDL does not carry $public_url"
[ "$(stat -c '%U %a' /var/lib/qbbridge/qbbridge.sqlite)" = "qbbridge 600" ] ||
  fail "the database is $(stat -c '%U %a' /var/lib/qbbridge/qbbridge.sqlite), not qbbridge 600"

# 8. Data, through the CLI as the service user with the package's settings.
cli=("$as_service" "$unit" /usr/bin/qbbridge)
log "creating a company with the qbbridge CLI"
echo 'package-test-web-connector-password' |
  "${cli[@]}" company add --name "Package Test Plumbing" --username pkgtest --password-stdin
"${cli[@]}" company list | tee "$work/companies-before"
grep -q pkgtest "$work/companies-before" || fail "company list does not show the new company"
"${cli[@]}" qwc pkgtest | grep -qF "<AppURL>$public_url/qbwc</AppURL>" || fail "the .qwc does not name $public_url/qbwc"

# 9. The admin edits the settings; then the upgrade, with the server running, and a restart (what the
#    postinst does under systemd).
log "editing $env_file, then dpkg -i $(basename "$deb2")"
set_env QBBRIDGE_LOG_LEVEL debug
cp "$env_file" "$work/env-before-upgrade"
dpkg -i "$deb2"
[ "$(dpkg-query -W -f='${Status} ${Version}' qbbridge)" = "install ok installed $new_version" ] ||
  fail "qbbridge $new_version is not installed"
cmp "$env_file" "$work/env-before-upgrade" || fail "the upgrade changed $env_file"
[ "$(stat -c '%a %U %G' "$env_file")" = "640 root qbbridge" ] || fail "the upgrade changed $env_file's owner or mode"
[ "$(stat -c '%a %U %G' /var/lib/qbbridge)" = "700 qbbridge qbbridge" ] || fail "the upgrade changed /var/lib/qbbridge"
stop_server
: >"$work/server.log"
start_server
log "after the upgrade"
curl -fsS -o /dev/null "http://$upstream/healthz"
grep -q 'created an admin API token' "$work/server.log" && fail "the upgraded server made a new admin token: the database was not kept"
grep -qE 'debug.*healthz' "$work/server.log" || fail "QBBRIDGE_LOG_LEVEL=debug did not survive: no debug line for /healthz"
"${cli[@]}" company list > "$work/companies-after"
cmp "$work/companies-before" "$work/companies-after" || fail "the companies changed across the upgrade"
echo "company list: the same as before"
"${cli[@]}" migrate | tee "$work/migrate"
grep -q 'schema already at version' "$work/migrate" || fail "the upgraded server left migrations to apply"
curl -fsS "http://$upstream/qbwc?wsdl" | grep -qF "$public_url/qbwc" || fail "the WSDL lost $public_url"

# 10. The optional hook (the HTTPS end-to-end test), against the installed, running server.
if [ -n "${QBBRIDGE_PACKAGE_HOOK:-}" ]; then
  [ -x "$QBBRIDGE_PACKAGE_HOOK" ] || fail "QBBRIDGE_PACKAGE_HOOK=$QBBRIDGE_PACKAGE_HOOK is not executable"
  log "hook: $QBBRIDGE_PACKAGE_HOOK"
  QBBRIDGE_PACKAGE_UPSTREAM=$upstream \
  QBBRIDGE_PACKAGE_CLI=$(printf '%q ' "${cli[@]}") \
  QBBRIDGE_PACKAGE_CADDYFILE=$caddyfile \
  QBBRIDGE_PACKAGE_ENV_FILE=$env_file \
    "$QBBRIDGE_PACKAGE_HOOK" || fail "the hook $QBBRIDGE_PACKAGE_HOOK failed"
fi

# 11. Purge (the prerm stops the service under systemd; here the script does), asking nothing.
log "dpkg --purge qbbridge"
stop_server
dpkg --purge qbbridge </dev/null
dpkg-query -W -f='${Status}' qbbridge 2>/dev/null | grep -qv '^unknown ok not-installed$' && fail "qbbridge is still known to dpkg"
getent passwd qbbridge >/dev/null && fail "the user qbbridge is still there"
getent group qbbridge >/dev/null && fail "the group qbbridge is still there"
for path in /var/lib/qbbridge /etc/qbbridge /usr/bin/qbbridge "$unit" /usr/share/doc/qbbridge; do
  [ -e "$path" ] && fail "$path is still there"
done
snapshot > "$work/after.files"
comm -23 "$work/before.files" "$work/after.files" > "$work/removed"
[ ! -s "$work/removed" ] || { cat "$work/removed" >&2; fail "the package took away what was there before it"; }
# What is new is only what packages apt-get brought in own, never the package's own leftovers.
cat /var/lib/dpkg/info/*.list | sort -u > "$work/owned"
comm -13 "$work/before.files" "$work/after.files" | comm -23 - "$work/owned" > "$work/left"
[ ! -s "$work/left" ] || { cat "$work/left" >&2; fail "the purge left files behind"; }
cut -d: -f1 /etc/passwd | sort | comm -23 "$work/before.users" - | grep . && fail "a user that was there before is gone"
cut -d: -f1 /etc/group | sort | comm -23 "$work/before.groups" - | grep . && fail "a group that was there before is gone"
echo "user, group, /var/lib/qbbridge and /etc/qbbridge gone; nothing else removed"

log "package test passed in $((SECONDS - started)) s"

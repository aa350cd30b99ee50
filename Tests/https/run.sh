#!/usr/bin/env bash
# The HTTPS end-to-end test (docs/operations.md, "The HTTPS end-to-end test"): Debian's pebble (an ACME test
# authority, PEBBLE_VA_ALWAYS_VALID=1 so no DNS is needed) issues Caddy a certificate for qbbridge.test; Caddy proxies
# to QBBridge; a simulated Web Connector that trusts only pebble's root (beside the system's) completes a session that
# posts a payment over https://qbbridge.test/qbwc, resolved to 127.0.0.1 by the client itself; the same client with the
# system's trust store alone is refused (the QBWC1048 situation), and `qbbridge doctor` reports it.
#
# Standalone (default): starts its own `qbbridge serve` from $QBBRIDGE_BIN_DIR (default .build/debug) on a free port with
# a temporary SQLite file. Package mode: QBBRIDGE_PACKAGE_UPSTREAM=127.0.0.1:8080 names an installed server already
# running with QBBRIDGE_PUBLIC_URL=https://qbbridge.test, and QBBRIDGE_PACKAGE_CLI the command prefix that runs its
# `qbbridge` (as its user, with its settings). Run as root on Debian bookworm; installs pebble and caddy if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
started=$(date +%s)

host=qbbridge.test
bin_dir=${QBBRIDGE_BIN_DIR:-.build/debug}
bin_dir=$(cd "$bin_dir" && pwd)
for binary in qbbridge qbbridge-bench; do
  [ -x "$bin_dir/$binary" ] || { echo "https test: $bin_dir/$binary is missing; build first (swift build) or set QBBRIDGE_BIN_DIR" >&2; exit 1; }
done

log() { printf '\n== https: %s\n' "$*"; }
fail() { echo "https test FAILED: $*" >&2; exit 1; }

missing=()
for package in pebble caddy curl openssl; do dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package"); done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

work=$(mktemp -d /tmp/qbbridge-https.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  status=$?
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ "$status" -ne 0 ]; then
    for file in pebble.log caddy.log qbbridge.log; do
      [ -f "$work/$file" ] || continue
      echo "---- last lines of $file ----" >&2
      tail -n 40 "$work/$file" >&2
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
port_free() { python3 -c "import socket,sys; s=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(('0.0.0.0', $1)); s.close()" 2>/dev/null; }
# wait_for SECONDS WHAT COMMAND...: retries COMMAND every half second.
wait_for() {
  local seconds=$1 what=$2; shift 2
  local deadline=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    [ "$(date +%s)" -lt "$deadline" ] || fail "timed out after ${seconds}s waiting for $what"
    sleep 0.5
  done
}

# Caddy on 443/80 where they are free (the package mode's public URL is https://qbbridge.test), else on free high ports.
if port_free 443 && port_free 80; then
  https_port=443; http_port=80; public_url="https://$host"
else
  [ -z "${QBBRIDGE_PACKAGE_UPSTREAM:-}" ] || fail "package mode needs ports 443 and 80 free for Caddy (the server's public URL is https://$host)"
  https_port=$(free_port); http_port=$(free_port); public_url="https://$host:$https_port"
fi
resolve="$host:$https_port:127.0.0.1"

# 1. pebble, with its own TLS certificate for 127.0.0.1 from a throw-away "minica" made here (Debian ships none).
log "starting pebble"
acme_port=$(free_port); management_port=$(free_port)
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/minica.key" -out "$work/minica.pem" \
  -days 2 -subj "/CN=pebble test minica" 2>/dev/null
openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$work/pebble.key" -out "$work/pebble.csr" \
  -subj "/CN=localhost" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > "$work/pebble.ext"
openssl x509 -req -in "$work/pebble.csr" -CA "$work/minica.pem" -CAkey "$work/minica.key" -CAcreateserial \
  -days 2 -extfile "$work/pebble.ext" -out "$work/pebble.pem" 2>/dev/null
cat > "$work/pebble.json" <<JSON
{"pebble": {"listenAddress": "127.0.0.1:$acme_port", "managementListenAddress": "127.0.0.1:$management_port",
  "certificate": "$work/pebble.pem", "privateKey": "$work/pebble.key", "httpPort": $http_port, "tlsPort": $https_port,
  "ocspResponderURL": "", "externalAccountBindingRequired": false}}
JSON
PEBBLE_VA_ALWAYS_VALID=1 PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 pebble -config "$work/pebble.json" >"$work/pebble.log" 2>&1 &
pids+=($!)
wait_for 30 "pebble's management port" curl -sf --cacert "$work/minica.pem" "https://127.0.0.1:$management_port/roots/0"
# The root pebble issues under (not the minica, which only signs pebble's own HTTPS): what the Web Connector must trust.
curl -sf --cacert "$work/minica.pem" "https://127.0.0.1:$management_port/roots/0" > "$work/pebble-root.pem"
chmod 644 "$work/pebble-root.pem"
grep -q "BEGIN CERTIFICATE" "$work/pebble-root.pem" || fail "pebble's /roots/0 gave no certificate"

# 2. QBBridge: our own on a free port, or the installed one.
if [ -n "${QBBRIDGE_PACKAGE_UPSTREAM:-}" ]; then
  mode=package
  upstream=$QBBRIDGE_PACKAGE_UPSTREAM
  read -r -a cli <<< "${QBBRIDGE_PACKAGE_CLI:?package mode needs QBBRIDGE_PACKAGE_CLI, the command prefix that runs the installed qbbridge}"
  doctor_database=()
  log "package mode: QBBridge at $upstream, CLI: ${cli[*]}"
else
  mode=standalone
  qb_port=$(free_port)
  upstream="127.0.0.1:$qb_port"
  database="$work/qbbridge.sqlite"
  cli=("$bin_dir/qbbridge")
  doctor_database=(--database "$database")
  log "starting qbbridge serve on $upstream (public URL $public_url)"
  QBBRIDGE_DATABASE="$database" QBBRIDGE_PUBLIC_URL="$public_url" QBBRIDGE_PORT="$qb_port" QBBRIDGE_HOST=127.0.0.1 \
    "$bin_dir/qbbridge" serve >"$work/qbbridge.log" 2>&1 &
  pids+=($!)
  export QBBRIDGE_DATABASE="$database"
fi
wait_for 60 "QBBridge at $upstream" curl -sf "http://$upstream/healthz"

# 3. Caddy: an ACME certificate for qbbridge.test from pebble, and a reverse proxy to QBBridge.
log "starting caddy on https port $https_port"
mkdir -p "$work/caddy-home"
cat > "$work/Caddyfile" <<CADDY
{
	admin off
	http_port $http_port
	https_port $https_port
	skip_install_trust
	storage file_system $work/caddy-data
	acme_ca https://127.0.0.1:$acme_port/dir
	acme_ca_root $work/minica.pem
	ocsp_stapling off
}

$host {
	reverse_proxy $upstream
}
CADDY
HOME="$work/caddy-home" XDG_DATA_HOME="$work/caddy-home/data" XDG_CONFIG_HOME="$work/caddy-home/config" \
  caddy run --config "$work/Caddyfile" --adapter caddyfile >"$work/caddy.log" 2>&1 &
pids+=($!)
wait_for 120 "Caddy's certificate from pebble (https://$host:$https_port)" \
  curl -sf --cacert "$work/pebble-root.pem" --resolve "$resolve" "https://$host:$https_port/qbwc"
echo "Caddy serves $host with a certificate from pebble"

# 4. A company with a password, and a payment whose invoice is in the simulated company file.
user="https-e2e-$(date +%s)-$$"
password="https-e2e-password-$$"
log "company $user and a payment"
printf '%s\n' "$password" | "${cli[@]}" company add --name "HTTPS e2e $user" --username "$user" --password-stdin >/dev/null
"$bin_dir/qbbridge-bench" connect --print-payment "$user-payment" | "${cli[@]}" enqueue payment - --company "$user"

# 5. The Web Connector that trusts pebble's root completes a session and the payment is posted.
log "simulated Web Connector trusting pebble's root"
"$bin_dir/qbbridge-bench" connect --url "https://$host:$https_port/qbwc" --resolve "$resolve" --ca-file "$work/pebble-root.pem" \
  --user "$user" --password "$password" --expect-payment \
  || fail "the Web Connector trusting pebble's root did not complete a session posting the payment"

# 6. The same client with the system's trust store alone is refused: the QBWC1048 situation.
log "simulated Web Connector with the system's trust store only"
set +e
refused=$("$bin_dir/qbbridge-bench" connect --url "https://$host:$https_port/qbwc" --resolve "$resolve" \
  --user "$user" --password "$password" 2>&1)
status=$?
set -e
echo "$refused"
[ "$status" -ne 0 ] || fail "the client without pebble's root was not refused"
grep -q "QBWC1048" <<< "$refused" || fail "the refusal does not name the QBWC1048 situation"

# 7. The doctor: ✘ on the certificate with the system's roots, ✔ on HTTPS with pebble's root added.
log "qbbridge doctor, system trust store"
set +e
doctor=$("${cli[@]}" doctor "${doctor_database[@]}" --public-url "$public_url" --resolve "$resolve" 2>&1)
status=$?
set -e
echo "$doctor"
[ "$status" -ne 0 ] || fail "doctor exited 0 although the certificate is not trusted by the system"
grep -q "^✘ Certificate chain" <<< "$doctor" || fail "doctor did not report the certificate chain as ✘"

log "qbbridge doctor --ca-file pebble's root"
set +e
doctor=$("${cli[@]}" doctor "${doctor_database[@]}" --public-url "$public_url" --resolve "$resolve" --ca-file "$work/pebble-root.pem" 2>&1)
status=$?
set -e
echo "$doctor"
for check in "Answer on" "Certificate chain" "Certificate expiry"; do
  grep -q "^✔ $check" <<< "$doctor" || fail "doctor with pebble's root did not pass \"$check\""
done
grep -q "Extra trust roots" <<< "$doctor" || fail "doctor did not say that extra trust roots were used"
if [ "$mode" = standalone ] && [ "$status" -ne 0 ]; then fail "doctor with pebble's root exited $status in standalone mode"; fi

echo
echo "https end-to-end ($mode): passed in $(( $(date +%s) - started )) s"

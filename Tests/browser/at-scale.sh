#!/usr/bin/env bash
# The admin web UI on an installation in operation (issue 26; docs/operations.md, "Lists at scale"): seeds a fresh
# SQLite database with `qbbridge seed --operations` (500 companies, 1,000,000 jobs, 20,000 failure records by
# default), starts `qbbridge serve` on it, and has headless Chromium open and time the dashboard, failures,
# activity and payments pages (Tests/browser/ui_at_scale.py). Screenshots go to screenshots/scale-*.png.
#
#   Tests/browser/at-scale.sh [bin-dir]        # default: swift build's debug directory; CI passes the release one
#   QBBRIDGE_SCALE_JOBS=100000 Tests/browser/at-scale.sh    # a smaller data set
set -euo pipefail
cd "$(dirname "$0")/../.."

log() { printf '\n== %s\n' "$*"; }

bin_dir=${1:-$(swift build --show-bin-path)}
bin="$bin_dir/qbbridge"
[ -x "$bin" ] || { echo "no qbbridge in $bin_dir: build it first" >&2; exit 1; }
companies=${QBBRIDGE_SCALE_COMPANIES:-500}
jobs=${QBBRIDGE_SCALE_JOBS:-1000000}
failures=${QBBRIDGE_SCALE_FAILURES:-20000}
command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 && python3 -c "import selenium" 2>/dev/null || {
  echo "chromium, chromedriver and selenium are needed: Tests/browser/run.sh installs them" >&2; exit 1; }

work=$(mktemp -d /tmp/qbbridge-scale.XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
database="$work/qbbridge.sqlite"
password="scale-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"

log "seeding $companies companies, $jobs jobs, $failures failure records"
"$bin" seed --operations --companies "$companies" --jobs "$jobs" --failures "$failures" --database "$database" --log-level warning
printf '%s\n' "$password" | "$bin" user add --username support --password-stdin --bcrypt-cost 10 --database "$database" --log-level warning >/dev/null
ls -l "$database" | awk '{ printf "database: %.0f MB\n", $5 / 1048576 }'

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log "qbbridge serve on 127.0.0.1:$port"
"$bin" serve --port "$port" --database "$database" --log-level warning >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 150); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/healthz', timeout=1)" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/serve.log" >&2; echo "the server stopped" >&2; exit 1; fi
  sleep 0.2
done

log "the web UI at scale"
mkdir -p screenshots
if ! QBBRIDGE_UI_PASSWORD="$password" python3 Tests/browser/ui_at_scale.py --base-url "http://127.0.0.1:$port" --username support \
     --screenshots screenshots --companies "$companies"; then
  echo "--- server log ---" >&2
  tail -n 50 "$work/serve.log" >&2
  exit 1
fi

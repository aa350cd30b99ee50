#!/usr/bin/env bash
# Browser walkthrough of the admin web UI (issue 8): headless Chromium, driven by Selenium, signs in to a
# `qbbridge demo --serve` server, opens a failure, dismisses it with a reason, downloads a .qwc and checks
# it, and saves a screenshot of every page to screenshots/. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/../.."

log() { printf '\n== %s\n' "$*"; }

# 1. What a fresh machine lacks: Debian's chromium and its driver, and Python's selenium.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root=""
  [ "$(id -u)" -eq 0 ] || as_root="sudo"
  $as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! python3 -c "import selenium" >/dev/null 2>&1; then
  log "installing selenium"
  python3 -m pip install --quiet selenium
fi

# 2. The server binary (incremental; nothing to do after `swift test` built it).
log "building qbbridge"
swift build --product qbbridge
bin="$(swift build --show-bin-path)/qbbridge"

# 3. A demo server with its failures, in a temporary directory (no admin user yet).
work=$(mktemp -d /tmp/qbbridge-browser.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
password="walkthrough-$(python3 -c 'import secrets; print(secrets.token_hex(8))')"
database="$work/qbbridge.sqlite"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

log "demo server on 127.0.0.1:$port, and a set-up link for its first admin user"
(cd "$work" && exec "$bin" demo --port "$port" --serve --database "$database" >"$work/demo.log" 2>&1) &
server_pid=$!
for _ in $(seq 1 100); do
  if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$port/healthz', timeout=1)" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then cat "$work/demo.log" >&2; echo "the demo server stopped" >&2; exit 1; fi
  sleep 0.2
done

setup_link=$("$bin" user setup-link --public-url "http://127.0.0.1:$port" --database "$database" | tail -n 1 | tr -d ' ')

# 4. The walkthrough, from an empty user table: the set-up link creates the admin user it signs in with.
log "browser walkthrough"
mkdir -p screenshots
if ! QBBRIDGE_UI_PASSWORD="$password" python3 Tests/browser/ui_walkthrough.py --base-url "http://127.0.0.1:$port" --username admin --setup-link "$setup_link" \
     --screenshots screenshots --downloads "$work/downloads"; then
  echo "--- demo server log ---" >&2
  cat "$work/demo.log" >&2
  exit 1
fi

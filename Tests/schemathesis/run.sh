#!/usr/bin/env bash
# Property-based contract test of the JSON API: schemathesis reads GET /api/v1/openapi.json from a
# real `qbbridge serve` (the debug build `swift test` leaves in .build/debug) and sends generated
# requests to every operation; it fails on any 5xx and on any answer the document does not describe
# (status code, content type, headers, body schema), and on accepted invalid input.
#
#   Tests/schemathesis/run.sh                     # bounded: SCHEMATHESIS_EXAMPLES (default 30) per operation
#   QBBRIDGE_BINARY=.build-release/release/qbbridge Tests/schemathesis/run.sh
#
# Needs schemathesis from PyPI (.ci/run installs the pinned 4.32.5). One worker: with two threads, Python
# 3.11.7's ast module can fail with "AST constructor recursion depth mismatch" inside schemathesis.
set -euo pipefail
cd "$(dirname "$0")/../.."

binary=${QBBRIDGE_BINARY:-.build/debug/qbbridge}
examples=${SCHEMATHESIS_EXAMPLES:-30}
[ -x "$binary" ] || { echo "no qbbridge binary at $binary: run 'swift build' (or swift test) first, or set QBBRIDGE_BINARY" >&2; exit 2; }
command -v schemathesis >/dev/null || { echo "schemathesis is not installed: python3 -m pip install 'schemathesis==4.32.5'" >&2; exit 2; }

work=$(mktemp -d /tmp/qbbridge-schemathesis.XXXXXX)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
database="$work/contract.sqlite"

# A company (so that /companies/{id}/… has something real to find) and an API token.
echo 'a-long-web-connector-password' | "$binary" company add --name "Contract Co" --username contract \
  --password-stdin --database "$database" --log-level error >/dev/null
token=$("$binary" token create --label schemathesis --database "$database" --log-level error | tail -n 1)

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$binary" serve --port "$port" --database "$database" --log-level error >"$work/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 1 200); do
  curl -fsS "$base/healthz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { echo "qbbridge serve exited:" >&2; cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done

# The served document must be valid OpenAPI 3.1 (openapi-spec-validator, pinned in .ci/run).
echo "== openapi-spec-validator on $base/api/v1/openapi.json"
curl -fsS "$base/api/v1/openapi.json" -o "$work/openapi.json"
if command -v openapi-spec-validator >/dev/null; then
  openapi-spec-validator "$work/openapi.json"
else
  echo "openapi-spec-validator is not installed: python3 -m pip install 'openapi-spec-validator==0.9.0'" >&2
  exit 2
fi

echo "== schemathesis against $base (max $examples examples per operation)"
status=0
# From the temporary directory, so that schemathesis' example cache (.schemathesis/) stays out of the tree.
config="$PWD/Tests/schemathesis/schemathesis.toml"
(cd "$work" && schemathesis --config-file "$config" run "$base/api/v1/openapi.json" \
  --header "Authorization: Bearer $token" \
  --checks all \
  --max-examples "$examples" \
  --seed 20261124 \
  --request-timeout 10 \
  --workers 1 \
  --no-color \
  --report junit --report-dir "$work/report") || status=$?

if grep -qE "Fatal|panic|Crash" "$work/server.log"; then
  echo "!! the server logged a crash:" >&2
  grep -E "Fatal|panic|Crash" "$work/server.log" | head -n 20 >&2
  status=1
fi
kill -0 "$server_pid" 2>/dev/null || { echo "!! qbbridge serve died during the run" >&2; status=1; }
exit $status

#!/bin/bash
# Records the functions the release server runs, in the order it first calls them, into
# Sources/qbbridge/hot-functions.order: the release link places them first and together (Package.swift,
# releaseServerLinking), which keeps the server's resident code small. Re-run it after changes that move
# the server's work to new functions; the load benchmark's memory lines show when it is due.
#
# The server runs with fncov.c preloaded, starting and then serving the load benchmark: 20 Web
# Connectors for 30 s, companies and payments made through the JSON API, on SQLite; then, with
# QBBRIDGE_PROFILE_POSTGRES_URL naming an empty PostgreSQL database, the same on PostgreSQL, whose
# functions not already listed follow the SQLite run's.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${QBBRIDGE_RELEASE_SCRATCH:-$root/.build}
cd "$root"
swift build -c release --scratch-path "$scratch" --product qbbridge
swift build -c release --scratch-path "$scratch" --product qbbridge-bench
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
compiler=$(command -v cc || command -v clang) || { echo "no C compiler (cc or the Swift toolchain's clang) on PATH" >&2; exit 1; }
"$compiler" -O2 -Wall -Wextra -shared -fPIC -o "$work/fncov.so" Tests/hot-functions/fncov.c -lpthread
cp "$bin/qbbridge" "$work/qbbridge-traced"
cp "$bin/qbbridge-bench" "$work/"
# The benchmark starts the `qbbridge` next to it; only its `serve` is traced.
cat > "$work/qbbridge" <<WRAPPER
#!/bin/bash
if [ "\$1" = serve ]; then
  export SWIFT_BACKTRACE=enable=no FNCOV_OUT="$work/order.\$\$.txt" LD_PRELOAD="$work/fncov.so"
fi
exec "$work/qbbridge-traced" "\$@"
WRAPPER
chmod +x "$work/qbbridge"
# One traced server run of the load benchmark (label, then extra benchmark options): its list in $work/<label>.list.
profile() {
  local label=$1; shift
  (cd "$work" && ./qbbridge-bench load --companies 20 --seconds 30 --quickbooks-ms 100 --payments-per-company 1 "$@" \
    | grep -E '^(checks|session errors)')
  local orders=("$work"/order.*.txt)
  [ ${#orders[@]} -eq 1 ] && [ -s "${orders[0]}" ] || { echo "expected one non-empty function list, got: ${orders[*]}" >&2; exit 1; }
  mv "${orders[0]}" "$work/$label.list"
}
profile sqlite
cp "$work/sqlite.list" "$work/order"
if [ -n "${QBBRIDGE_PROFILE_POSTGRES_URL:-}" ]; then
  profile postgres --database "$QBBRIDGE_PROFILE_POSTGRES_URL"
  awk 'NR == FNR { seen[$0] = 1; next } !seen[$0]++' "$work/sqlite.list" "$work/postgres.list" >> "$work/order"
fi
cp "$work/order" Sources/qbbridge/hot-functions.order
# SwiftPM does not know the link reads the list: remove the binary so that the next build links again.
rm -f "$bin/qbbridge"
echo "Sources/qbbridge/hot-functions.order: $(wc -l < Sources/qbbridge/hot-functions.order) functions; 'swift build -c release' links with it"

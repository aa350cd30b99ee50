#!/usr/bin/env bash
# Builds the libFuzzer harnesses (Sources/QBBridgeFuzz) with SwiftPM's --sanitize=fuzzer plus
# AddressSanitizer (leak checks on), then runs each one for a bounded time over the committed seed corpus.
#
#   Tests/fuzz/run.sh                 # every harness, 60 s each
#   FUZZ_SECONDS=600 Tests/fuzz/run.sh soap
#
# New inputs libFuzzer finds go to a scratch copy of the corpus, not into the repository; a crash
# leaves its input in .build-fuzz/findings/<harness>/ and fails the script. Replay one with
#   QBBRIDGE_FUZZ_TARGET=<harness> .build-fuzz/debug/qbbridge-fuzz <file>
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${FUZZ_SECONDS:-60}
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(soap qbxml)
scratch=.build-fuzz

echo "== building qbbridge-fuzz (libFuzzer + AddressSanitizer) in $scratch"
# --sanitize=fuzzer makes SwiftPM link libFuzzer's main; the sanitizers themselves are passed as ONE
# -sanitize= flag, because swiftc keeps only the last -sanitize= it is given, and SwiftPM's own
# "--sanitize=fuzzer --sanitize=address" comes out in either order (then coverage may be silently off).
swift build --scratch-path "$scratch" --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address \
  -Xswiftc -DQBBRIDGE_FUZZ --product qbbridge-fuzz 2>&1 | grep -v "ld.gold: warning: Cannot export local symbol" | tail -n 3
# No coverage counters means libFuzzer would mutate blindly and prove nothing: refuse to run.
objdump -h "$scratch/debug/QBXML.build/XMLStreamReader.swift.o" | grep __sancov_cntrs >/dev/null \
  || { echo "the fuzz build has no coverage instrumentation; check the -sanitize flags" >&2; exit 1; }
binary="$scratch/debug/qbbridge-fuzz"

status=0
for harness in "${harnesses[@]}"; do
  seeds="Tests/fuzz/corpus/$harness"
  [ -d "$seeds" ] || { echo "no seed corpus $seeds for harness '$harness'" >&2; exit 2; }
  work="$scratch/corpus/$harness"
  findings="$scratch/findings/$harness"
  mkdir -p "$work" "$findings"
  echo "== fuzzing $harness for ${seconds}s (seeds: $(ls "$seeds" | wc -l) files)"
  # -rss_limit_mb: the readers stream in flat memory, so a big footprint is itself a finding.
  # -timeout: one input taking seconds means a super-linear path.
  if ! QBBRIDGE_FUZZ_TARGET="$harness" "$binary" "$work" "$seeds" \
      -dict=Tests/fuzz/xml.dict -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$findings/" -print_final_stats=1 > "$scratch/$harness.log" 2>&1; then
    echo "!! $harness: libFuzzer found a problem; input saved under $findings/" >&2
    grep -E "ERROR|Fatal error|SUMMARY|==[0-9]+==" "$scratch/$harness.log" | head -n 20 >&2 || true
    status=1
  fi
  grep -E "^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)|^#[0-9]+.*DONE" "$scratch/$harness.log" || true
done
exit $status

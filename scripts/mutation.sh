#!/usr/bin/env bash
# Mutation testing (Stryker.NET, a local tool in .config/dotnet-tools.json) over the pure, fast-tested code:
#   grains    login state machine, check_event filter, message and contact mappers   (tests/Grains.UnitTests)
#   protocol  message parser, content parsing, JSON/text answer readers             (tests/Protocol.Tests, Parser + Driver)
#   webfront  Mojo JSON mapping and request parameters                              (tests/WebFront.Tests)
# Configs live in stryker/<target>.json; reports go to artifacts/mutation/<target>/reports (html and json).
# Usage: bash scripts/mutation.sh [target...]   (default: all three)
# Prints one line per target and exits non-zero if a target scores under its break threshold.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

declare -A test_dirs=(
  [grains]=tests/Grains.UnitTests
  [protocol]=tests/Protocol.Tests
  [webfront]=tests/WebFront.Tests
)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(grains protocol webfront)
for target in "${targets[@]}"; do
  [ -n "${test_dirs[$target]:-}" ] || { echo "unknown target: $target (known: ${!test_dirs[*]})"; exit 2; }
done

command -v jq >/dev/null 2>&1 || { echo "jq is needed to read the Stryker reports (apt-get install jq)"; exit 2; }
dotnet tool restore >/dev/null || { echo "dotnet tool restore failed"; exit 2; }

summary=()
failed=0
for target in "${targets[@]}"; do
  config="$root/stryker/$target.json"
  output="$root/artifacts/mutation/$target"
  report="$output/reports/mutation-report.json"
  rm -rf "$output"
  start=$SECONDS
  # Stryker runs from the test project folder: at the repository root it would pick up the solution instead.
  (cd "${test_dirs[$target]}" && dotnet stryker --config-file "$config" --output "$output" --skip-version-check)
  rc=$?
  elapsed=$((SECONDS - start))
  printf '== %s: stryker exit %d after %dm%02ds\n' "$target" "$rc" $((elapsed / 60)) $((elapsed % 60))
  breakAt=$(jq -r '."stryker-config".thresholds.break' "$config")
  if [ ! -f "$report" ]; then
    summary+=("mutation score $target: no report (stryker exit $rc) threshold $breakAt %")
    failed=1
    continue
  fi
  # Score as Stryker computes it: (killed + timeout) / (killed + timeout + survived + no coverage).
  read -r killed survived timeout nocov < <(jq -r '[.files[].mutants[].status] as $s
    | [("Killed", "Survived", "Timeout", "NoCoverage") as $k | [$s[] | select(. == $k)] | length] | @tsv' "$report")
  line=$(awk -v k="$killed" -v s="$survived" -v t="$timeout" -v n="$nocov" -v b="$breakAt" -v name="$target" 'BEGIN {
    valid = k + s + t + n; score = valid == 0 ? 0 : 100 * (k + t) / valid
    printf "mutation score %s: %.1f %% (killed %d, survived %d, timeout %d, no coverage %d) threshold %s %%\n",
      name, score, k, s, t, n, b
    exit (score < b ? 1 : 0) }')
  [ $? -eq 0 ] || failed=1
  summary+=("$line")
done

echo
printf '%s\n' "${summary[@]}"
exit "$failed"

#!/usr/bin/env bash
# Tests the text of .ci/run itself: a failing step must fail CI and stop it there.
# A copy of the real .ci/run runs in a skeleton of the repository where every step it can call
# (.ci/setup, every script under Tests/ and docs/, Benchmarks/report, and the `swift` and `python3` commands) is a stub that
# logs its call. With no stub failing, .ci/run must exit 0 after at least $minimum_steps steps;
# then for each step k, making call k fail must make .ci/run exit non-zero after exactly k calls.
# PATH holds only the stubs and the tools listed in `tools`: a new command in .ci/run makes the
# first run fail here until it is stubbed or listed, so this test never runs a real CI step.
set -euo pipefail
cd "$(dirname "$0")/../.."
minimum_steps=26  # the steps .ci/run has today: removing one is a decision, made here too
tools=(bash dirname)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
skeleton="$work/repository"
shims="$work/bin"
mkdir -p "$skeleton/.ci" "$shims"
cp .ci/run "$skeleton/.ci/run"

# Logs "<step> <arguments>" and fails when it is call number $FAIL_AT. Bash built-ins only.
stub='#!/usr/bin/env bash
step="$0"
case "$step" in "$STUB_BIN"/*) step="${step##*/}" ;; esac
echo "$step $*" >> "$STEP_LOG"
mapfile -t calls < "$STEP_LOG"
if [ "${#calls[@]}" -eq "$FAIL_AT" ]; then
  exit 1
fi'
stubbed=(.ci/setup)
while IFS= read -r script; do
  stubbed+=("$script")
done < <(find Tests docs \( -name '*.sh' -o -name '*.py' \); echo Benchmarks/report)
for path in "${stubbed[@]}"; do
  mkdir -p "$skeleton/$(dirname "$path")"
  printf '%s\n' "$stub" > "$skeleton/$path"
  chmod +x "$skeleton/$path"
done
for command in swift python3; do
  printf '%s\n' "$stub" > "$shims/$command"
  chmod +x "$shims/$command"
done
for tool in "${tools[@]}"; do
  ln -s "$(command -v "$tool")" "$shims/$tool"
done

log="$work/steps.log"
# Runs the copy of .ci/run with call number $1 failing (0: none); sets `status` and `steps`.
run_ci() {
  rm -f "$log"
  touch "$log"
  status=0
  env -i PATH="$shims" STUB_BIN="$shims" STEP_LOG="$log" FAIL_AT="$1" CI=true "$skeleton/.ci/run" \
    > "$work/output" 2>&1 || status=$?
  mapfile -t steps < "$log"
}

run_ci 0
if [ "$status" -ne 0 ]; then
  cat "$work/output" >&2
  echo "ci-run test: .ci/run exited $status with every step passing (after ${#steps[@]} steps)." >&2
  echo "  If .ci/run calls a new command, stub it or add it to 'tools' in $0." >&2
  exit 1
fi
total=${#steps[@]}
if [ "$total" -lt "$minimum_steps" ]; then
  echo "ci-run test: .ci/run ran $total steps, fewer than the $minimum_steps expected: ${steps[*]}" >&2
  exit 1
fi

failures=0
for failing in $(seq 1 "$total"); do
  run_ci "$failing"
  if [ "$status" -eq 0 ] || [ "${#steps[@]}" -ne "$failing" ]; then
    failures=$((failures + 1))
    echo "ci-run test: with step $failing failing, .ci/run exited $status after ${#steps[@]} steps; want non-zero after $failing:" >&2
    printf '  %s\n' "${steps[@]}" >&2
  fi
done
stopped=$((total - failures))
echo "ci-run test: .ci/run runs $total steps; a failure at each step stops it with a non-zero exit: $stopped/$total"
if [ "$failures" -ne 0 ]; then
  exit 1
fi

#!/usr/bin/env bash
# Tests the text of .ci/setup: it runs with stubs for dpkg-query (every package missing, or every
# package installed), apt-get (logs its call, fails the subcommand named in $FAIL_SUBCOMMAND) and id.
# A failed `apt-get update` or `apt-get install` must fail setup; a passing install must be asked
# for every package setup looked up; nothing missing must mean no apt-get at all.
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shims="$work/bin"
mkdir -p "$shims"
cat > "$shims/dpkg-query" <<'STUB'
#!/usr/bin/env bash
echo "lookup ${*: -1}" >> "$CALL_LOG"
if [ "$INSTALLED" = yes ]; then
  printf 'install ok installed'
  exit 0
fi
exit 1
STUB
cat > "$shims/apt-get" <<'STUB'
#!/usr/bin/env bash
echo "apt-get $*" >> "$CALL_LOG"
if [ "$1" = "$FAIL_SUBCOMMAND" ]; then
  exit 100
fi
STUB
printf '#!/usr/bin/env bash\necho 0\n' > "$shims/id"
chmod +x "$shims"/*
for tool in bash env; do
  ln -s "$(command -v "$tool")" "$shims/$tool"
done

log="$work/calls.log"
failures=0
# Runs .ci/setup; $1: packages installed (yes/no), $2: apt-get subcommand that fails; sets status, calls.
run_setup() {
  rm -f "$log"
  touch "$log"
  status=0
  env -i PATH="$shims" CALL_LOG="$log" INSTALLED="$1" FAIL_SUBCOMMAND="$2" .ci/setup > "$work/output" 2>&1 || status=$?
  mapfile -t calls < "$log"
}
fail() {
  failures=$((failures + 1))
  echo "ci-setup test: $*" >&2
  printf '  %s\n' "${calls[@]}" >&2
}

run_setup no none
lookups=()
for call in "${calls[@]}"; do
  case "$call" in lookup\ *) lookups+=("${call#lookup }") ;; esac
done
install="apt-get install -y -qq ${lookups[*]}"
if [ "$status" -ne 0 ]; then
  fail "setup exited $status although apt-get succeeded"
fi
if [ "${#lookups[@]}" -lt 3 ]; then
  fail "setup looked up ${#lookups[@]} packages, fewer than the 3 meshreg links or its tests use"
fi
if [ "${calls[-1]}" != "$install" ]; then
  fail "setup's last call is not '$install'"
fi

run_setup no update
if [ "$status" -eq 0 ] || [ "${calls[-1]}" != "apt-get update -qq" ]; then
  fail "with 'apt-get update' failing, setup exited $status; want non-zero right after the update"
fi

run_setup no install
if [ "$status" -eq 0 ]; then
  fail "with 'apt-get install' failing, setup exited 0"
fi

run_setup yes none
if [ "$status" -ne 0 ] || [ "${#calls[@]}" -ne "${#lookups[@]}" ]; then
  fail "with every package installed, setup exited $status after ${#calls[@]} calls; want 0 after the ${#lookups[@]} lookups"
fi

echo "ci-setup test: ${#lookups[@]} packages looked up; 4 cases (install passes, update fails, install fails, nothing missing), $failures failed"
if [ "$failures" -ne 0 ]; then
  exit 1
fi

#!/usr/bin/env bash
# Plan or apply a domain repository's documents against the central meshreg registry.
#
#   meshreg-ci.sh plan  [tree...]   on a pull request: writes the plan as markdown to
#                                   $MESHREG_PLAN_FILE (default meshreg-plan.md) for a PR comment
#   meshreg-ci.sh apply [tree...]   on the main branch: applies the tree in one transaction
#
# The tree defaults to the repository's domain directory ($MESHREG_TREE, default "domains").
# Environment: MESHREG_URL (the registry, https://…), and the team's token in MESHREG_TOKEN or
# in a file named by MESHREG_TOKEN_FILE (mode 0600). MESHREG_PRUNE=1 also retires what the
# tree's domains no longer hold. MESHREG_TIMEOUT bounds each request (seconds, default 30).
#
# Exit status: 0 the plan or apply succeeded, 1 something was refused, 2 bad input or the
# registry could not be reached. On a refused plan the markdown is still written.
set -euo pipefail

action="${1:-}"
shift || true
[ "$#" -gt 0 ] || set -- "${MESHREG_TREE:-domains}"
: "${MESHREG_URL:?set MESHREG_URL to the registry, e.g. https://meshreg.example.com}"

options=(--server "$MESHREG_URL" --timeout "${MESHREG_TIMEOUT:-30}")
if [ -n "${MESHREG_TOKEN_FILE:-}" ]; then
  options+=(--token-file "$MESHREG_TOKEN_FILE")
elif [ -z "${MESHREG_TOKEN:-}" ]; then
  echo "meshreg-ci: set MESHREG_TOKEN or MESHREG_TOKEN_FILE to the team's token" >&2
  exit 2
fi
[ "${MESHREG_PRUNE:-0}" = 1 ] && options+=(--prune)

case "$action" in
  plan)
    plan_file="${MESHREG_PLAN_FILE:-meshreg-plan.md}"
    status=0
    meshreg plan "$@" "${options[@]}" --format markdown > "$plan_file" || status=$?
    cat "$plan_file"
    exit "$status"
    ;;
  apply)
    meshreg apply "$@" "${options[@]}"
    ;;
  *)
    echo "usage: meshreg-ci.sh plan|apply [tree...]" >&2
    exit 2
    ;;
esac

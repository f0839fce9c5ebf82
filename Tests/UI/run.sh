#!/usr/bin/env bash
# Browser test of the web UI: starts `meshreg serve` on a fresh database (Tests/Interop/serve.sh)
# and drives headless Chromium (Debian's chromium and chromium-driver, installed by .ci/setup)
# with Selenium and axe-core; screenshots go to docs/screenshots/ when SCREENSHOTS=1.
set -euo pipefail
source "$(dirname "$0")/../Interop/serve.sh"
start_meshreg run-ui selenium==4.27.1 axe-selenium-python==2.1.6
screenshots=()
if [ "${SCREENSHOTS:-0}" = "1" ]; then
  screenshots=(--screenshots docs/screenshots)
fi
"$venv/bin/python" Tests/UI/ui_browser_test.py --url "$url" --admin-token "$admin_token" --meshreg "$binary" --database "$database" "${screenshots[@]}"

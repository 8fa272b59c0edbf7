#!/usr/bin/env bash
# Installs the system tools the test suite checks exports with: gettext (msgfmt -c)
# and chromium (the HTML report screenshot). Skips what is already there.
set -euo pipefail
need=()
command -v msgfmt >/dev/null 2>&1 || need+=(gettext)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
((${#need[@]})) || exit 0
if [ "$(id -u)" -eq 0 ]; then SUDO=(); elif command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
  echo "system-deps: cannot install ${need[*]} (not root, no sudo); the tests that need them will be skipped" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: no apt-get; install ${need[*]} by hand; the tests that need them will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq >/dev/null
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null

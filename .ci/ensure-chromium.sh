#!/usr/bin/env bash
# The browser tests (test/browser) drive Debian's Chromium with playwright-core; no browser download
# works on CI machines, so the browser comes from the distribution's packages.
# CHROMIUM_PATH names another Chromium binary (default /usr/bin/chromium).
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then exit 0; fi
if [ -n "${CHROMIUM_PATH:-}" ]; then
  echo "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file. Point it at a Chromium binary, or unset it to use Debian's /usr/bin/chromium." >&2
  exit 1
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: the browser tests need it at /usr/bin/chromium." >&2
  echo "Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary, and run again." >&2
  exit 1
fi
echo "Chromium is missing: installing Debian's chromium package for the browser tests..." >&2
install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; }
# The package lists are refreshed only when the installed ones do not know the package.
if ! apt-cache policy chromium 2>/dev/null | grep -q 'Candidate: [0-9]'; then
  apt-get update -qq
fi
install
if [ ! -x /usr/bin/chromium ]; then
  echo "apt-get installed chromium but /usr/bin/chromium is still missing; install it by hand and run again." >&2
  exit 1
fi

#!/usr/bin/env bash
# Installs everything the tests need on a fresh Debian machine (Node 20 present), then runs the
# whole suite. `.ci/run` calls exactly this. Safe to run again: installs are skipped when present.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v qpdf >/dev/null || need+=(qpdf)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
# grep without -q: -q stops at the first match, fc-list then dies of SIGPIPE and pipefail reads a failure.
fc-list 2>/dev/null | grep -i 'Noto Sans CJK' >/dev/null || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  echo "Installing Debian packages: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

# The Electron binary cannot be downloaded here: its types are enough to type-check the shell.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
npm ci --no-audit --no-fund
npm test

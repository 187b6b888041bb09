#!/usr/bin/env bash
# Installs the OS packages the app needs at run time. Idempotent: when they are
# all present, apt-get is not touched at all (no root, no network needed).
#   - GTK 3: OpenCvSharp's native Linux runtime (libOpenCvSharpExtern.so)
#     links against it and fails to load without it.
#   - libdrm2, libatomic1: also linked directly by libOpenCvSharpExtern.so,
#     but not among GTK's required dependencies: a minimal machine or
#     container lacks them.
#   - DejaVu fonts: a minimal machine may have no font at all, and any text
#     rendered into images needs one.
set -euo pipefail
cd "$(dirname "$0")/.."
. infra/lib.sh

missing=()
# GTK is installed under either name (libgtk-3-0 on Debian 12, libgtk-3-0t64
# on Ubuntu 24.04+); only pick the name to install when neither is present.
if ! pkg_installed libgtk-3-0 && ! pkg_installed libgtk-3-0t64; then
  missing+=(gtk)
fi
for p in libdrm2 libatomic1 fonts-dejavu-core; do
  pkg_installed "$p" || missing+=("$p")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "setup: OS packages already installed"
  exit 0
fi

# The package lists must be current before apt-cache can tell which GTK name
# exists on this release.
apt_update_once
pkgs=()
for p in "${missing[@]}"; do
  if [ "$p" = gtk ]; then pkgs+=("$(gtk_pkg_name)"); else pkgs+=("$p"); fi
done
apt_install "${pkgs[@]}"
echo "setup: installed ${pkgs[*]}"

#!/usr/bin/env bash
# Derives assets/fonts/ from Debian's fonts-dejavu-core package (DejaVu fonts 2.37,
# Bitstream Vera / DejaVu licence, a permissive free licence: see assets/fonts/LICENSE).
# The maps embed these fonts so that text renders identically on every machine.
# Usage: scripts/fetch-fonts.sh   (needs apt-get download; run from the repository root)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download fonts-dejavu-core >/dev/null
deb=$(ls fonts-dejavu-core_*.deb)
dpkg-deb -x "$deb" extracted
mkdir -p "$root/assets/fonts"
for f in DejaVuSans.ttf DejaVuSans-Bold.ttf; do
  cp "extracted/usr/share/fonts/truetype/dejavu/$f" "$root/assets/fonts/$f"
done
cp extracted/usr/share/doc/fonts-dejavu-core/copyright "$root/assets/fonts/LICENSE"
echo "fonts from $deb:"
sha256sum "$root"/assets/fonts/*.ttf

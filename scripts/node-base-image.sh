#!/usr/bin/env bash
# A stand-in for the container image's base (node:20-bookworm-slim, Dockerfile) where its registry is
# out of reach but Debian's mirror is not: a minimal Debian 12 root, this machine's Node.js and npm
# under /usr/local, the `node` user (uid 1000) and this machine's certificate authorities, imported
# into the engine under the name given (docs/deploy.md "Container image").
#
#   scripts/node-base-image.sh podman localhost/portico-node:20
#
# Needs root, debootstrap and Node.js 20 on the host; DEBIAN_MIRROR overrides Debian's mirror.
set -euo pipefail
engine=${1:?usage: node-base-image.sh <docker|podman> <image name>}
image=${2:?usage: node-base-image.sh <docker|podman> <image name>}

node_version=$(node --version)
case "$node_version" in v20.*) ;; *) echo "The image runs Node.js 20; this machine has $node_version." >&2; exit 1 ;; esac
npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
certificates=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase bookworm "$root" "${DEBIAN_MIRROR:-http://deb.debian.org/debian}" >/dev/null

mkdir -p "$root/usr/local/bin" "$root/usr/local/lib/node_modules" "$root/etc/ssl/certs"
cp "$(command -v node)" "$root/usr/local/bin/node"
cp -a "$npm_dir" "$root/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$root/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$root/usr/local/bin/npx"
# The registry may be reached through a certificate authority only this machine trusts.
cp "$certificates" "$root/etc/ssl/certs/ca-certificates.crt"
chroot "$root" groupadd --gid 1000 node
chroot "$root" useradd --uid 1000 --gid node --create-home --shell /bin/sh node
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*

if ! imported=$(tar -C "$root" -c . | "$engine" import \
  --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' --change 'CMD ["node"]' - "$image" 2>&1); then
  echo "$imported" >&2
  exit 1
fi
echo "$image: Debian 12 with Node.js $node_version"

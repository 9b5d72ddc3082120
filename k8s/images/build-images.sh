#!/usr/bin/env bash
# Builds the five service images as docker-archive tarballs, with neither a Docker daemon nor a reachable container
# registry, from Debian's packages and Maven Central alone:
#   1. a base image (Debian bookworm, openjdk-17-jre-headless, ca-certificates) made by mmdebstrap and wrapped as a
#      docker-archive, which Jib reads as `tar://` (made once, kept in $OUT/base);
#   2. Jib through Quarkus (`-Pimages`, quarkus-container-image-jib) puts each service's fast-jar on it and pushes to
#      a registry on 127.0.0.1 (Debian's docker-registry): Quarkus's Jib writes to a registry or a daemon, not a file;
#   3. skopeo copies each image from there into $OUT/<service>-<tag>.tar, named <HEARKEN_IMAGE_REGISTRY>/<service>:<tag>,
#      the names the chart runs (image.registry, image.tag).
# Load them with `skopeo copy docker-archive:$OUT/gateway-0.1.0.tar docker://registry.example.com/hearken/gateway:0.1.0`,
# `kind load image-archive …` or `ctr -n k8s.io images import …`.
#
# Needs root (mmdebstrap, apt-get): the first run installs mmdebstrap, docker-registry and skopeo with apt-get.
# Usage: k8s/images/build-images.sh [service ...]   (default: all five)
# Env:   HEARKEN_IMAGE_TAG (0.1.0), HEARKEN_IMAGE_REGISTRY (ghcr.io/hearken), HEARKEN_IMAGES_DIR (target/images),
#        HEARKEN_IMAGES_REGISTRY_PORT (55000)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${HEARKEN_IMAGES_DIR:-$ROOT/target/images}
TAG=${HEARKEN_IMAGE_TAG:-0.1.0}
NAME_PREFIX=${HEARKEN_IMAGE_REGISTRY:-ghcr.io/hearken}
PORT=${HEARKEN_IMAGES_REGISTRY_PORT:-55000}
SERVICES=("$@")
((${#SERVICES[@]})) || SERVICES=(gateway survey-service profile-service insight-service webhook-service)
BASE=$OUT/base/debian-bookworm-openjdk-17-jre.tar

die() { echo "build-images: $*" >&2; exit 1; }
missing=()
for tool in mmdebstrap docker-registry skopeo python3; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if ((${#missing[@]})); then
  ((EUID == 0)) || die "${missing[*]} missing: run as root once (this script installs them with apt-get)"
  echo "build-images: installing ${missing[*]} with apt-get" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null \
    || { DEBIAN_FRONTEND=noninteractive apt-get update -q >/dev/null \
         && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null; } \
    || die "could not install ${missing[*]}"
fi
mkdir -p "$OUT/base" "$OUT/work"

# 1. The base image: the JRE and CA certificates of Debian bookworm, nothing else (no shell is needed at run time,
#    but minbase keeps one for debugging with kubectl exec).
if [[ ! -s $BASE ]]; then
  echo "build-images: making the base image (mmdebstrap, a few minutes)"
  # (man pages stay: the JRE's post-install script links into /usr/share/man and fails without it)
  mmdebstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    bookworm "$OUT/work/rootfs.tar"
  python3 "$ROOT/k8s/images/docker_archive.py" "$OUT/work/rootfs.tar" "$BASE" "hearken/base-jre:17"
  rm -f "$OUT/work/rootfs.tar"
fi

# 2. A registry on the loopback, for the run only.
cat >"$OUT/work/registry.yml" <<EOF
version: 0.1
storage:
  filesystem:
    rootdirectory: $OUT/work/registry
http:
  addr: 127.0.0.1:$PORT
EOF
docker-registry serve "$OUT/work/registry.yml" >"$OUT/work/registry.log" 2>&1 &
REGISTRY_PID=$!
trap 'kill "$REGISTRY_PID" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fs "http://127.0.0.1:$PORT/v2/" >/dev/null && break
  sleep 0.2
done
curl -fs "http://127.0.0.1:$PORT/v2/" >/dev/null || die "the local registry did not start: $OUT/work/registry.log"

# Jib through Quarkus. User 185 is the one the chart runs as (podSecurityContext.runAsUser).
MODULES=$(IFS=,; echo "${SERVICES[*]}")
(cd "$ROOT" && ./mvnw -B -Dstyle.color=never -Pimages -pl "$MODULES" -am package -DskipTests \
  -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true \
  -Dquarkus.container-image.registry="127.0.0.1:$PORT" -Dquarkus.container-image.insecure=true \
  -Dquarkus.container-image.group=hearken -Dquarkus.container-image.tag="$TAG" \
  -Dquarkus.jib.base-jvm-image="tar://$BASE" -Dquarkus.jib.user=185)

# 3. Out of the registry into one tarball per service.
for service in "${SERVICES[@]}"; do
  rm -f "$OUT/$service-$TAG.tar"
  skopeo copy --src-tls-verify=false "docker://127.0.0.1:$PORT/hearken/$service:$TAG" \
    "docker-archive:$OUT/$service-$TAG.tar:$NAME_PREFIX/$service:$TAG"
  echo "build-images: $OUT/$service-$TAG.tar ($NAME_PREFIX/$service:$TAG)"
done

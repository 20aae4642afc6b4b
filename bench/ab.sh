#!/usr/bin/env bash
# Before and after: the offer path of the build at BASE (a git revision) against this working tree's,
# both serving one synthetic shop from one Redis, wrk alternating between them in ROUNDS rounds of
# SECONDS s (after a warm-up round each), so that a slower minute of this shared machine hits both
# sides. Prints each round's throughput and the ratio after / before; the median ratio is the figure.
# Not part of the tests.
#   bench/ab.sh BASE [ROUNDS=4] [SECONDS=10]   (e.g. bench/ab.sh f18bbad)
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?a git revision to compare with}; rounds=${2:-4}; seconds=${3:-10}
products=${PRODUCTS:-20000}; connections=${CONNECTIONS:-32}
port_base=${BENCH_PORT:-18380}; port_now=$((port_base + 1)); redis_port=${BENCH_REDIS_PORT:-16679}
command -v wrk > /dev/null || { echo "installing wrk (Debian)..."; apt-get install -y -q wrk > /dev/null; }
work=$(mktemp -d)
git worktree add -q --detach "$work/base" "$base"
echo "building $base and the working tree..."
(cd "$work/base" && ./mvnw -B -q -o package -DskipTests > "$work/build-base.log" 2>&1 || ./mvnw -B -q package -DskipTests > "$work/build-base.log" 2>&1)
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
unzip -p target/quarkus-app/lib/main/com.github.codemonstur.embedded-redis-*.jar \
  "redis-server-6.2.6-v5-linux-$([ "$(uname -m)" = aarch64 ] && echo arm64 || echo amd64)" > "$work/redis-server"
chmod +x "$work/redis-server"
"$work/redis-server" --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no > "$work/redis.log" 2>&1 &
pids=($!)
cleanup() { kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null || true; git worktree remove --force "$work/base"; rm -rf "$work"; }
trap cleanup EXIT
serve() { # app dir, port
  QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$redis_port" QUARKUS_HTTP_PORT=$2 TRIAD_ADMIN_KEY=bench-operator \
    java -XX:+UseSerialGC -jar "$1/target/quarkus-app/quarkus-run.jar" > "$work/server-$2.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$2/q/health/ready" > /dev/null && return; sleep 0.2; done
  echo "server on $2 did not start"; exit 1
}
serve "$work/base" "$port_base"
serve . "$port_now"
shop=bench-ab.example
key=$(curl -sf -X PUT "http://127.0.0.1:$port_now/admin/v1/shops/$shop" -H 'Authorization: Bearer bench-operator' \
  -H 'Content-Type: application/json' -d '{"platform":"shopify","settings":{"freeShippingThreshold":"150.00"}}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["publishableKey"])')
java bench/SyntheticCatalog.java "$products" > "$work/catalog.ndjson"
curl -sf -X POST "http://127.0.0.1:$port_now/admin/v1/shops/$shop/catalog" -H 'Authorization: Bearer bench-operator' \
  -H 'Content-Type: application/x-ndjson' --data-binary "@$work/catalog.ndjson" > /dev/null
# Both must answer with offers (a build that cannot read the other's data would answer "degraded", fast).
for p in "$port_base" "$port_now"; do
  echo "server on $p answers: $(java bench/OfferLoad.java size "http://127.0.0.1:$p" "$shop" "$key" "$products") (bytes, offers on average)"
done
java bench/OfferLoad.java wrk-script "$shop" "$key" "$products" "$work/offers.lua"
rps() { wrk -t2 -c"$connections" -d"${1}s" -s "$work/offers.lua" "http://127.0.0.1:$2" | awk '/Requests\/sec/ { print $2 }'; }
echo "warm-up..."; rps "$seconds" "$port_base" > /dev/null; rps "$seconds" "$port_now" > /dev/null
echo "round | before ($base) req/s | after req/s | after / before"
for round in $(seq 1 "$rounds"); do
  b=$(rps "$seconds" "$port_base"); a=$(rps "$seconds" "$port_now")
  echo "$round | $b | $a | $(python3 -c "print(f'{$a / $b:.2f}')")" | tee -a "$work/rounds.txt"
done
python3 - "$work/rounds.txt" <<'PY'
import statistics, sys
ratios = [float(line.rsplit("|", 1)[1]) for line in open(sys.argv[1])]
print(f"median after / before: {statistics.median(ratios):.2f}")
PY

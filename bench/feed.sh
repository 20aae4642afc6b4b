#!/usr/bin/env bash
# The add-on feed a Klaviyo web feed fetches (GET /feeds/v1/{shop}/{key}/add-ons.json), for a shop of
# PRODUCTS products with full sheets (SyntheticCatalog.java: 20 pinned complements each), against Klaviyo's
# documented limits (answer within 5 s, at most about 3.3 MB, no redirect) and against a floor measured in
# the same run: the same server's trivial endpoint answering a body of the same size (/bench/v1/fixed).
# ROUNDS fetches of each, alternating; medians and their ratio. Not part of the tests.
#   PRODUCTS=50000 ROUNDS=7 [ADD_ONS=3] bench/feed.sh
set -euo pipefail
cd "$(dirname "$0")/.."
products=${PRODUCTS:-50000}; rounds=${ROUNDS:-7}; add_ons=${ADD_ONS:-3}
port=${BENCH_PORT:-18381}; redis_port=${BENCH_REDIS_PORT:-16680}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d)
unzip -p target/quarkus-app/lib/main/com.github.codemonstur.embedded-redis-*.jar \
  "redis-server-6.2.6-v5-linux-$([ "$(uname -m)" = aarch64 ] && echo arm64 || echo amd64)" > "$work/redis-server"
chmod +x "$work/redis-server"
"$work/redis-server" --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no > "$work/redis.log" 2>&1 &
redis=$!
QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$redis_port" QUARKUS_HTTP_PORT=$port TRIAD_ADMIN_KEY=bench-operator \
  TRIAD_BENCH_ENABLED=true java -XX:+UseSerialGC -jar target/quarkus-app/quarkus-run.jar > "$work/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" "$redis" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && break; sleep 0.2; done
base="http://127.0.0.1:$port"; shop=bench-feed.example; auth='Authorization: Bearer bench-operator'
curl -sf -X PUT "$base/admin/v1/shops/$shop" -H "$auth" -H 'Content-Type: application/json' -d '{"platform":"shopify"}' > /dev/null
echo "loading $products products with full sheets..."
java bench/SyntheticCatalog.java "$products" > "$work/catalog.ndjson"
curl -sf -X POST "$base/admin/v1/shops/$shop/catalog" -H "$auth" -H 'Content-Type: application/x-ndjson' \
  --data-binary "@$work/catalog.ndjson" \
  | python3 -c 'import json,sys; r=json.load(sys.stdin); print("catalog: %d products, %d sheets in %d ms" % (r["productsTaken"], r["rebuild"]["sheets"], r["millis"]))'
feed=$(curl -sf -X POST "$base/admin/v1/shops/$shop/feed-key" -H "$auth" | python3 -c 'import json,sys; print(json.load(sys.stdin)["path"])')"?addOns=$add_ons"

# One fetch: "<seconds> <bytes> <status>"; the body is kept for the checks below.
fetch() { curl -s -o "$work/body" -w '%{time_total} %{size_download} %{http_code}\n' "$@"; }
fetch "$base$feed" > /dev/null # warm-up: the first build loads classes
fetch "$base$feed" > /dev/null
read -r _ size status < <(fetch "$base$feed")
python3 - "$work/body" "$size" "$status" <<'PY'
import json, sys
body, size, status = sys.argv[1], int(sys.argv[2]), sys.argv[3]
feed = json.load(open(body, 'rb'))
print("feed: HTTP %s (no redirect), %s bytes (limit 3,300,000: %s), %d of %d products with add-ons, truncated: %s"
      % (status, format(size, ','), "within" if size <= 3_300_000 else "OVER", feed["productsWithAddOns"],
         feed["productCount"], json.dumps(feed["truncated"])))
PY
: > "$work/feed.txt"; : > "$work/fixed.txt"
for _ in $(seq 1 "$rounds"); do
  fetch "$base$feed" | awk '{ print $1 }' >> "$work/feed.txt"
  fetch -X POST "$base/bench/v1/fixed?bytes=$size" | awk '{ print $1 }' >> "$work/fixed.txt"
done
median() { sort -g "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
feed_s=$(median "$work/feed.txt"); fixed_s=$(median "$work/fixed.txt")
python3 -c "import sys; f, x = float(sys.argv[1]), float(sys.argv[2]); print('feed build and answer: median %.0f ms of %s (Klaviyo allows 5,000 ms); floor, the same bytes from the trivial endpoint: %.1f ms; ratio %.0fx' % (f * 1000, sys.argv[3], x * 1000, f / x))" "$feed_s" "$fixed_s" "$rounds"

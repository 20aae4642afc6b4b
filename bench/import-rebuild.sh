#!/usr/bin/env bash
# Import and rebuild speed: a synthetic history of ORDERS orders (1-10 lines, Zipf popularity over
# PRODUCTS products) and the UCI Online Retail file, each into a fresh shop of the packaged server
# running with a 2 GB heap cap. Prints orders per second, rebuild time and the server's peak heap
# (jstat samples every 250 ms). Then LATER more synthetic orders into the rebuilt synthetic shop: orders
# arriving after a rebuild go through the incremental update (counts, re-mined and re-scored sheets).
# Not part of the test suite.
#   bench/import-rebuild.sh [ORDERS=1000000] [PRODUCTS=50000] [LATER=50000]
set -euo pipefail
cd "$(dirname "$0")/.."
orders=${1:-1000000}
products=${2:-50000}
later=${3:-50000}
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
port=${BENCH_PORT:-18280}
redis_port=${BENCH_REDIS_PORT:-16579}
work=$(mktemp -d)
echo "generating $orders synthetic orders over $products products..."
java bench/SyntheticOrders.java "$((orders + later))" "$products" \
  | awk -F, -v n="$orders" -v a="$work/orders.csv" -v b="$work/later.csv" \
      'NR == 1 { print > a; print > b; next } { if (substr($1, 2) + 0 < n) print > a; else print > b }'
TRIAD_LOCAL_REDIS_PORT=$redis_port QUARKUS_HTTP_PORT=$port TRIAD_DEMO_ENABLED=false TRIAD_ADMIN_KEY=bench-operator \
  java -Xmx2g -Dquarkus.profile=local -jar target/quarkus-app/quarkus-run.jar > "$work/server.log" 2>&1 &
server=$!
sampler=""
trap 'kill $server $sampler 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && break; sleep 0.2; done
jstat -gc "$server" 250 > "$work/heap.txt" &
sampler=$!

import() { # shop, file, content-encoding
  local shop=$1 file=$2 encoding=${3:-identity}
  curl -sf -X PUT "http://127.0.0.1:$port/admin/v1/shops/$shop" -H 'Authorization: Bearer bench-operator' \
    -H 'Content-Type: application/json' -d '{"platform":"shopify"}' > /dev/null
  local start end
  start=$(date +%s%N)
  curl -sf -X POST "http://127.0.0.1:$port/admin/v1/shops/$shop/orders" -H 'Authorization: Bearer bench-operator' \
    -H 'Content-Type: text/csv' -H "Content-Encoding: $encoding" --data-binary "@$file" > "$work/$shop.json"
  end=$(date +%s%N)
  python3 - "$work/$shop.json" "$start" "$end" "$shop" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); seconds = (int(sys.argv[3]) - int(sys.argv[2])) / 1e9
b = r.get("rebuild")
if b is None:
    print(f"{sys.argv[4]} after the rebuild ({r['update']}): {r['ordersTaken']:,} orders, {r['linesTaken']:,} lines "
          f"in {seconds:.1f} s ({r['ordersTaken'] / seconds:,.0f} orders/s)")
    sys.exit()
print(f"{sys.argv[4]}: {r['ordersTaken']:,} orders, {r['linesTaken']:,} lines, {b['products']:,} products, "
      f"{b['pairs']:,} pairs; import + rebuild {seconds:.1f} s ({r['ordersTaken'] / seconds:,.0f} orders/s); "
      f"rebuild alone {b['millis'] / 1000:.1f} s")
PY
}
import synthetic "$work/orders.csv"
[ "$later" -gt 0 ] && import synthetic "$work/later.csv"
if [ -f ../shared/data/online-retail.csv.gz ]; then
  import online-retail ../shared/data/online-retail.csv.gz gzip
else
  echo "online-retail: skipped, ../shared/data/online-retail.csv.gz is absent"
fi
kill $sampler
python3 - "$work/heap.txt" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1]) if l.strip() and not l.lstrip().startswith("S0C")]
used = [float(r[2]) + float(r[3]) + float(r[5]) + float(r[7]) for r in rows if len(r) > 7]
print(f"peak heap used: {max(used) / 1024:,.0f} MB of a 2,048 MB cap ({len(used)} samples)")
PY

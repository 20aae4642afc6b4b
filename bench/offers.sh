#!/usr/bin/env bash
# Offer-path benchmark, on loopback, against floors measured in the same run:
#   (a) constant rate (default 2,000 req/s for 60 s), latency from the intended send time;
#   (b) maximum throughput with wrk; (c) the same server's trivial endpoint returning a body of the
#   same size, alternating with (b) in ROUNDS pairs; system calls per offer request (perf, if present); (d) redis-benchmark MGET of the same number of keys at the same concurrency;
#   Redis commands per offer request from INFO commandstats; start-up to first offer.
# A synthetic shop of PRODUCTS products with full sheets is loaded first. Not part of the tests.
#   RATE=2000 SECONDS_AT_RATE=60 MAX_SECONDS=15 ROUNDS=3 CONNECTIONS=32 PRODUCTS=100000 bench/offers.sh
# SERVER_NATIVE=target/native/triad-<version>-runner measures the native executable (bench/native.sh) instead
# of the jar; resident memory is read after start-up and at the end of the throughput rounds either way.
# The measured server runs with SERVER_JAVA_OPTS (default -XX:+UseSerialGC: the collector the JVM
# picks itself on Lambda, below 2 vCPUs, and the kind Native Image uses; see docs/performance.md for G1's figures).
set -euo pipefail
cd "$(dirname "$0")/.."
products=${PRODUCTS:-100000}; rate=${RATE:-2000}; at_rate=${SECONDS_AT_RATE:-60}
max_seconds=${MAX_SECONDS:-15}; connections=${CONNECTIONS:-32}
port=${BENCH_PORT:-18380}; redis_port=${BENCH_REDIS_PORT:-16679}
if ! command -v wrk > /dev/null || ! command -v redis-benchmark > /dev/null; then
  echo "installing wrk and redis-tools (Debian)..."; apt-get install -y -q wrk redis-tools > /dev/null
fi
[ -f target/quarkus-app/app-cds.jsa ] || ./mvnw -B -q package -DskipTests
work=$(mktemp -d)
# Redis runs beside the server (not started by it), so that its data outlives server restarts.
unzip -p target/quarkus-app/lib/main/com.github.codemonstur.embedded-redis-*.jar \
  "redis-server-6.2.6-v5-linux-$([ "$(uname -m)" = aarch64 ] && echo arm64 || echo amd64)" > "$work/redis-server" 2>/dev/null \
  || unzip -p target/quarkus-app/lib/main/com.github.codemonstur.embedded-redis-*.jar redis-server-6.2.7-linux-arm64 > "$work/redis-server"
chmod +x "$work/redis-server"
nice -n "${REDIS_NICE:-0}" "$work/redis-server" --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no > "$work/redis.log" 2>&1 &
redis=$!
native=${SERVER_NATIVE:+$(realpath "$SERVER_NATIVE")}
run_server() { # java binary, extra options... (or the native executable, when SERVER_NATIVE is set)
  local java=$1; shift
  if [ -n "$native" ]; then
    QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$redis_port" QUARKUS_HTTP_PORT=$port TRIAD_ADMIN_KEY=bench-operator \
      TRIAD_BENCH_ENABLED=true "$native" >> "$work/server.log" 2>&1 &
  else
    QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$redis_port" QUARKUS_HTTP_PORT=$port TRIAD_ADMIN_KEY=bench-operator \
      TRIAD_BENCH_ENABLED=true "$java" "$@" -jar target/quarkus-app/quarkus-run.jar >> "$work/server.log" 2>&1 &
  fi
  server=$!
}
rss() { awk '/VmRSS/ { printf "%.0f MB", $2 / 1024 }' "/proc/$server/status"; }
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; kill "$redis" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
server_opts=${SERVER_JAVA_OPTS--XX:+UseSerialGC}
aot="n/a"
run_server java $server_opts
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && break; sleep 0.2; done
rss_started=$(rss)
shop=bench-offers.example
key=$(curl -sf -X PUT "http://127.0.0.1:$port/admin/v1/shops/$shop" -H 'Authorization: Bearer bench-operator' \
  -H 'Content-Type: application/json' -d '{"platform":"shopify","settings":{"freeShippingThreshold":"150.00"}}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["publishableKey"])')
echo "loading $products products with full sheets..."
java bench/SyntheticCatalog.java "$products" > "$work/catalog.ndjson"
curl -sf -X POST "http://127.0.0.1:$port/admin/v1/shops/$shop/catalog" -H 'Authorization: Bearer bench-operator' \
  -H 'Content-Type: application/x-ndjson' --data-binary "@$work/catalog.ndjson" \
  | python3 -c 'import json,sys; r=json.load(sys.stdin); print("catalog: %d products, %d sheets in %d ms" % (r["productsTaken"], r["rebuild"]["sheets"], r["millis"]))'
load() { java bench/OfferLoad.java "$@"; }
read -r bytes offers_per_answer < <(load size "http://127.0.0.1:$port" "$shop" "$key" "$products")
echo "answers: $bytes bytes, $offers_per_answer offers on average"
echo "warm-up (20 s at 1,000/s)..."; load rate "http://127.0.0.1:$port" "$shop" "$key" "$products" 1000 20 > /dev/null

echo "== (a) constant rate"
load rate "http://127.0.0.1:$port" "$shop" "$key" "$products" "$rate" "$at_rate" | tee "$work/rate.txt"

# "total/mget": every command Redis ran (scripts' inner commands included), and the MGETs alone.
commands() { redis-cli -p "$redis_port" INFO commandstats | tr -d '\r' \
  | awk -F'[:=,]' '/^cmdstat_/ && $1 != "cmdstat_info" { total += $3 } $1 == "cmdstat_mget" { mget = $3 }
      END { print total "/" mget }'; }
echo "== (a') floor: the same constant rate on the trivial endpoint"
java -Dpath="/bench/v1/fixed?bytes=$bytes" bench/OfferLoad.java rate "http://127.0.0.1:$port" "$shop" "$key" "$products" \
  "$rate" "$at_rate" | tee "$work/rate-fixed.txt"
load wrk-script "$shop" "$key" "$products" "$work/offers.lua"
sed "s#/v1/shops/$shop/offers#/bench/v1/fixed?bytes=$bytes#" "$work/offers.lua" > "$work/fixed.lua"
# (b) and (c) alternate in ROUNDS pairs, so that a slower minute of this shared machine hits both
# sides of the ratio instead of one; the ratio is the median of the pairs' ratios.
rounds=${ROUNDS:-3}
before=$(commands)
offers_total=0
for round in $(seq 1 "$rounds"); do
  echo "== (b) maximum throughput, offers ($connections connections, $max_seconds s), round $round of $rounds"
  wrk -t2 -c"$connections" -d"${max_seconds}s" --latency -s "$work/offers.lua" "http://127.0.0.1:$port" | tee "$work/wrk-offers.txt"
  awk '/Requests\/sec/ { print $2 }' "$work/wrk-offers.txt" >> "$work/offers-rps.txt"
  offers_total=$((offers_total + $(awk '/requests in/ { print $1 }' "$work/wrk-offers.txt")))
  echo "== (c) floor: trivial endpoint of the same server, $bytes-byte body, round $round of $rounds"
  wrk -t2 -c"$connections" -d"${max_seconds}s" -s "$work/fixed.lua" "http://127.0.0.1:$port" | tee "$work/wrk-fixed.txt"
  awk '/Requests\/sec/ { print $2 }' "$work/wrk-fixed.txt" >> "$work/fixed-rps.txt"
done
after=$(commands)
rss_loaded=$(rss)
offers_rps=$(paste -sd, "$work/offers-rps.txt")
fixed_rps=$(paste -sd, "$work/fixed-rps.txt")
syscalls="n/a"
if command -v perf > /dev/null && perf stat -e syscalls:sys_enter_write -- true > /dev/null 2>&1; then
  echo "== system calls per offer request at full load (perf tracepoints, 10 s; not a throughput run)"
  perf stat -x, -e syscalls:sys_enter_read,syscalls:sys_enter_write,syscalls:sys_enter_writev \
    -p "$server" -o "$work/perf-server.txt" -- sleep 10 &
  perf_server=$!
  perf stat -x, -e syscalls:sys_enter_read,syscalls:sys_enter_write -p "$redis" -o "$work/perf-redis.txt" -- sleep 10 &
  perf_redis=$!
  perf_requests=$(wrk -t2 -c"$connections" -d10s -s "$work/offers.lua" "http://127.0.0.1:$port" | awk '/requests in/ { print $1 }')
  wait "$perf_server" "$perf_redis" || true
  per_request() { awk -F, -v n="$perf_requests" '/syscalls:/ { sub(/.*sys_enter_/, "", $3); printf "%s%s %.2f", sep, $3, $1 / n; sep=", " }' "$1"; }
  syscalls="server: $(per_request "$work/perf-server.txt"); Redis: $(per_request "$work/perf-redis.txt")"
  echo "$syscalls"
fi
echo "== (d) floor: redis-benchmark MGET of a shop record and 3 sheets"
redis_rps=$(redis-benchmark -p "$redis_port" -c "$connections" -n 300000 -q \
  MGET "triad:{$shop}:shop" "triad:{$shop}:sheet:p0" "triad:{$shop}:sheet:p1" "triad:{$shop}:sheet:p2" \
  | tr '\r' '\n' | grep -oE '[0-9.]+ requests per second' | tail -1 | awk '{ print $1 }')
echo "MGET: $redis_rps requests/s"

echo "== start-up to first offer (three starts each; the median counts)"
kill "$server"; wait "$server" 2>/dev/null || true; server=""
first_offer() { # java, options... — started in target/quarkus-app (a class-data archive is only
  # mapped for the class path it was written with) and polled from one small process, so that the
  # poller (no curl spawned every few milliseconds) takes next to no CPU from the start-up it measures
  local command=("$@" -jar quarkus-run.jar)
  [ -n "$native" ] && command=("$native")
  (cd target/quarkus-app && QUARKUS_REDIS_HOSTS="redis://127.0.0.1:$redis_port" QUARKUS_HTTP_PORT=$port \
    TRIAD_ADMIN_KEY=bench-operator python3 - "$port" "$shop" "$key" "$work/server.log" "${command[@]}" <<'PY'
import http.client, json, subprocess, sys, time
port, shop, key, log = sys.argv[1:5]
body = json.dumps({"placement": "cart", "currency": "USD",
                   "cart": [{"productId": "p1", "quantity": 1, "price": "5.00"}]})
start = time.monotonic()
server = subprocess.Popen(sys.argv[5:], stdout=open(log, "a"), stderr=subprocess.STDOUT)
while True:
    try:
        c = http.client.HTTPConnection("127.0.0.1", int(port), timeout=5)
        c.request("POST", f"/v1/shops/{shop}/offers", body, {"X-Triad-Key": key, "Content-Type": "application/json"})
        if '"tier"' in c.getresponse().read().decode():
            break
    except OSError:
        pass
    time.sleep(0.002)
print(round((time.monotonic() - start) * 1000))
server.terminate()
server.wait()
PY
  )
}
starts() { # label, java, options...: three starts, "median (all)"
  local label=$1; shift
  local runs=() r
  for _ in 1 2 3; do r=$(first_offer "$@"); runs+=("$r"); done
  local median; median=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n 2p)
  echo "$label: $median ms (${runs[*]})" >&2
  echo "$median (${runs[*]// /, })"
}
if [ -n "$native" ]; then
  jvm17=$(starts "native executable" "$native")
  cds="n/a"
  jdk25=""
else
jvm17=$(starts "JDK 17 jar" java $server_opts)
# The archive the build trained (src/build/TrainClassArchive.java): the jar as shipped.
cds=$(starts "JDK 17 jar with the build's class-data archive" java $server_opts -XX:SharedArchiveFile=app-cds.jsa)
jdk25=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1 || true)
aot="n/a"
if [ -n "$jdk25" ]; then
  first_offer "$jdk25/bin/java" $server_opts -XX:AOTCacheOutput="$work/triad.aot" > /dev/null
  aot=$(starts "JDK 25 jar with an AOT cache (trained by one start)" "$jdk25/bin/java" $server_opts -XX:AOTCache="$work/triad.aot")
fi
fi

python3 - "$work/rate.txt" "$offers_rps" "$fixed_rps" "$redis_rps" "$before" "$after" "$offers_total" \
  "$jvm17 / $cds" "$aot" "$rate" "$work/rate-fixed.txt" "$syscalls" "$rss_started / $rss_loaded" \
  "${native:+native executable}" <<'PY'
import re, statistics, sys
rate_txt = open(sys.argv[1]).read()
p = dict(re.findall(r"(p50|p90|p99|p99\.9|max) ([\d.]+)", rate_txt))
offers_runs = [float(x) for x in sys.argv[2].split(",")]
fixed_runs = [float(x) for x in sys.argv[3].split(",")]
ratios = [o / f for o, f in zip(offers_runs, fixed_runs)]
offers, fixed, mget = statistics.median(offers_runs), statistics.median(fixed_runs), float(sys.argv[4])
runs = lambda values: ", ".join(f"{v:,.0f}" for v in values)
(total_before, mget_before), (total_after, mget_after) = (map(int, a.split("/")) for a in sys.argv[5:7])
per_request = (mget_after - mget_before) / int(sys.argv[7])
background = (total_after - total_before - (mget_after - mget_before)) / int(sys.argv[7])
print("\n| figure | value |\n| --- | --- |")
print(f"| latency at {sys.argv[10]} req/s: p50 / p90 / p99 / p99.9 | {p['p50']} / {p['p90']} / {p['p99']} / {p['p99.9']} ms |")
f = dict(re.findall(r"(p50|p90|p99|p99\.9|max) ([\d.]+)", open(sys.argv[11]).read()))
print(f"| floor: trivial endpoint at the same rate | {f['p50']} / {f['p90']} / {f['p99']} / {f['p99.9']} ms |")
print(f"| max throughput, offers (median of {len(offers_runs)} rounds) | {offers:,.0f} req/s ({runs(offers_runs)}) |")
print(f"| floor: trivial endpoint, same body size, alternating with it | {fixed:,.0f} req/s ({runs(fixed_runs)}) |")
print(f"| floor: redis-benchmark MGET (4 keys) | {mget:,.0f} req/s |")
print(f"| offers / trivial endpoint (median of the rounds' ratios) | {statistics.median(ratios):.2f} "
      f"({', '.join(f'{r:.2f}' for r in ratios)}) |")
print(f"| offers / Redis MGET | {offers / mget:.2f} |")
print(f"| Redis round trips per offer request (MGET) | {per_request:.3f} |")
print(f"| background commands per offer request (session tally script, not waited for) | {background:.3f} |")
print(f"| system calls per offer request at full load | {sys.argv[12]} |")
if sys.argv[14]:
    print(f"| start-up to first offer, median of 3 (all): native executable | {sys.argv[8].split(' / ')[0]} ms |")
else:
    print(f"| start-up to first offer, median of 3 (all): JDK 17 jar / with the build's class-data archive / JDK 25 + AOT cache | {sys.argv[8]} / {sys.argv[9]} ms |")
print(f"| resident memory after start-up / after the throughput rounds | {sys.argv[13]} |")
PY

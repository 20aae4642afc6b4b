#!/usr/bin/env bash
# Offline evaluation: hit rate at 3 and catalog coverage of Triad's offers (anonymous, and for
# logged-in customers with their purchase history) against popularity and raw co-occurrence, on
# Online Retail and the Instacart sample (../shared/data), through the real offer path.
# Starts the packaged server with its own Redis on loopback, runs bench/Evaluate.java, stops both.
#   [EVAL_QUERIES=3000 test orders] [EVAL_HIDE=one|every] [EVAL_SETTINGS='{"ownedWindowDays":0}'] bench/evaluate.sh [online-retail|instacart ...]   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
datasets=("${@:-online-retail instacart}")
[ -f target/quarkus-app/quarkus-run.jar ] || ./mvnw -B -q package -DskipTests
port=${EVAL_PORT:-18180}
redis_port=${EVAL_REDIS_PORT:-16479}
export TRIAD_SHOPIFY_API_SECRET=${TRIAD_SHOPIFY_API_SECRET:-eval-app-proxy-secret}
TRIAD_LOCAL_REDIS_PORT=$redis_port QUARKUS_HTTP_PORT=$port TRIAD_DEMO_ENABLED=false TRIAD_ADMIN_KEY=eval-operator \
  java -Xmx2g -Dquarkus.profile=local -jar target/quarkus-app/quarkus-run.jar > target/evaluate-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/q/health/ready" > /dev/null && break; sleep 0.2; done
for dataset in ${datasets[@]}; do
  java -Xmx6g -cp target/quarkus-app/lib/main/de.siegmar.fastcsv-4.0.0.jar bench/Evaluate.java "$dataset" \
    "http://127.0.0.1:$port" eval-operator "${EVAL_QUERIES:-3000}" "${EVAL_HIDE:-one}"
done

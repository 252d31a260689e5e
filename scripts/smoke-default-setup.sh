#!/usr/bin/env bash
# Starts `npm start` with no DATABASE_URL or REDIS_URL (embedded PostgreSQL), waits until ready,
# queries `platforms`, then stops it with SIGTERM and checks it exits cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${SMOKE_PORT:-4400}"
log="$(mktemp)"
setsid env -u DATABASE_URL -u REDIS_URL PORT="$port" EMBEDDED_PG_PORT="${SMOKE_PG_PORT:-5499}" EMBEDDED_PG_DIR=.data/smoke-postgres \
  LOG_LEVEL=${SMOKE_LOG_LEVEL:-info} npm start >"$log" 2>&1 &
pid=$!
# npm does not pass SIGTERM on to its script: signal the gateway process itself, as a supervisor would.
stop() { pkill -TERM -g "$pid" -f '^node dist/src/main.js' 2>/dev/null || true; }
trap 'stop; sleep 2; kill -KILL -- -$pid 2>/dev/null || true' EXIT
start=$(date +%s)
until curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
  if ! kill -0 "$pid" 2>/dev/null || [ $(( $(date +%s) - start )) -gt 240 ]; then
    echo "the default setup did not become ready; log:"; tail -50 "$log"; exit 1
  fi
  sleep 1
done
echo "ready after $(( $(date +%s) - start ))s (build + embedded PostgreSQL + migrations + demo seed)"
answer=$(curl -fsS "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' \
  --data '{"query":"{ platforms { slug } products(first: 3) { totalCount edges { node { sku } } } }"}')
echo "$answer"
echo "$answer" | grep -q '"slug":"stockx"' || { echo "platforms query failed"; exit 1; }
stop
wait "$pid" || { echo "npm start did not exit cleanly on SIGTERM; log:"; tail -30 "$log"; exit 1; }
trap - EXIT
grep -q '"msg":"stopped"' "$log" && echo "stopped cleanly"

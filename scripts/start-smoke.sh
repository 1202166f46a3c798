#!/usr/bin/env bash
# Start smoke, as a newcomer would try it: `npm start` in this checkout → GET /api/health answers
# 200 → Ctrl-C (SIGINT to the whole process group, as a terminal sends it) → everything stopped,
# no PostgreSQL left running on this checkout's data. Used by .ci/run as root and as another user.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${PORT:-$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Job control gives npm start a process group of its own (so the SIGINT below reaches npm, tsx,
# Next and PostgreSQL alike, as a terminal's Ctrl-C does) and keeps SIGINT from being ignored, as it
# is for background commands of a script without it.
set -m
PORT=$port npm start >"$log" 2>&1 &
pid=$!
set +m

healthy=""
for _ in $(seq 1 900); do
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  if [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health")" = 200 ]; then
    healthy=yes
    break
  fi
  sleep 1
done
if [ -z "$healthy" ]; then
  echo "start smoke: /api/health never answered 200 as $(id -un); npm start said:"
  cat "$log"
  kill -INT -- "-$pid" 2>/dev/null || true
  exit 1
fi
echo "start smoke: /api/health 200 as $(id -un) in $(pwd)"

kill -INT -- "-$pid"
for _ in $(seq 1 60); do
  kill -0 "$pid" 2>/dev/null || break
  sleep 1
done
if kill -0 "$pid" 2>/dev/null; then
  echo "start smoke: npm start still running 60 s after Ctrl-C"
  cat "$log"
  kill -KILL -- "-$pid" || true
  exit 1
fi

data_dir=$(sed -n 's/.*Embedded PostgreSQL on port [0-9]* (data in \(.*\))$/\1/p' "$log" | tail -1)
if [ -z "$data_dir" ]; then
  echo "start smoke: npm start did not say where its data lives"
  cat "$log"
  exit 1
fi
case "$data_dir" in /*) ;; *) data_dir="$(pwd)/$data_dir" ;; esac
if pgrep -f -- "postgres -D $data_dir( |$)" >/dev/null || pgrep -g "$pid" >/dev/null; then
  echo "start smoke: processes left after Ctrl-C:"
  pgrep -af -- "postgres -D $data_dir" || true
  pgrep -ag "$pid" || true
  exit 1
fi
echo "start smoke: Ctrl-C stopped the app and PostgreSQL (data in $data_dir)"

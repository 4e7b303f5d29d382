#!/usr/bin/env bash
# Writes the SIPp injection file of the REGISTER benchmark: COUNT distinct users u00001..uNNNNN, one
# "user;password" line each, after SIPp's SEQUENTIAL header (SIPp cycles through the lines in order).
#
#   bench/generate-users.sh [--count N] [--out FILE] [--seed WORD]
#
# Defaults: 10000 users, bench/users.csv. Passwords are derived from the seed (default: a random one),
# so one file serves every peer of a run; regenerate it for each run.
set -euo pipefail

count=10000
out="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/users.csv"
seed=$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
while [ $# -gt 0 ]; do
  case "$1" in
    --count) count=${2:?--count needs a number}; shift ;;
    --out) out=${2:?--out needs a file}; shift ;;
    --seed) seed=${2:?--seed needs a word}; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "generate-users.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
case "$count" in ''|*[!0-9]*) echo "generate-users.sh: --count must be a number" >&2; exit 2 ;; esac
[ "$count" -ge 1 ] && [ "$count" -le 99999 ] || { echo "generate-users.sh: --count must be 1..99999" >&2; exit 2; }

{
  echo SEQUENTIAL
  awk -v n="$count" -v seed="$seed" 'BEGIN { for (i = 1; i <= n; i++) printf "u%05d;pw-%s-%05d\n", i, seed, i }'
} >"$out.tmp"
mv "$out.tmp" "$out"
echo "generate-users.sh: $count users in $out" >&2

#!/usr/bin/env bash
# Turns the benchmark's users.csv (SIPp injection file: SEQUENTIAL header, then "user;password") into the
# db_text database that bench/kamailio/kamailio.cfg loads at start:
#
#   DIR/subscriber_pw   username(str) password(str)   -> loaded into the in-memory htable "pw"
#   DIR/version         db_text's table of table versions
#
#   bench/kamailio/generate-db.sh USERS_CSV DIR
set -euo pipefail

csv=${1:?usage: generate-db.sh USERS_CSV DIR}
dir=${2:?usage: generate-db.sh USERS_CSV DIR}
mkdir -p "$dir"

{
  echo 'username(str) password(str)'
  # db_text separates columns with ':'; escape it (and '\') in values
  awk -F';' 'NR > 1 && NF >= 2 { u = $1; p = $2; gsub(/\\/, "\\\\", u); gsub(/:/, "\\:", u); gsub(/\\/, "\\\\", p); gsub(/:/, "\\:", p); print u ":" p }' "$csv"
} >"$dir/subscriber_pw"

{
  echo 'table_name(str) table_version(int)'
  echo 'subscriber_pw:2'
} >"$dir/version"

echo "generate-db.sh: $(($(wc -l <"$dir/subscriber_pw") - 1)) users in $dir/subscriber_pw" >&2

#!/usr/bin/env bash
# Creates an SQLite file for Kamailio with Kamailio 5.6's own schema scripts (Debian package
# kamailio-sqlite-modules), the tables of the modules named:
#
#   standard-create.sql   table "version" and its own row (always)
#   MODULE-create.sql     each MODULE's tables and their "version" rows (the modules check them at start):
#                         usrloc (location, location_attrs) for the durable registrar of register-bench.sh;
#                         auth_db (subscriber) and presence (presentity, active_watchers, watchers, xcap,
#                         pua) for presence-bench.sh
#
#   bench/kamailio/create-sqlite-db.sh FILE MODULE...
#
# An existing FILE (and its -wal/-shm files) is replaced: every run starts empty.
#
# The file is switched to WAL here already (the mode is stored in the file). Kamailio's db_set_journal_mode
# asks for WAL too, but from every process at once as they start: switching a rollback-journal file to WAL
# takes an exclusive lock, Kamailio 5.6's db_sqlite sets no busy timeout, and a process that finds the
# lock taken fails its start ("database is locked", "cannot fork ... timer process"), now and then.
set -euo pipefail

db=${1:?usage: create-sqlite-db.sh FILE MODULE...}
shift
[ $# -gt 0 ] || { echo "usage: create-sqlite-db.sh FILE MODULE..." >&2; exit 2; }
schema=${KAMAILIO_SQLITE_SCHEMA:-/usr/share/kamailio/db_sqlite}
command -v sqlite3 >/dev/null 2>&1 || { echo "create-sqlite-db.sh: sqlite3 not found (Debian package sqlite3)" >&2; exit 1; }
for m in standard "$@"; do
  [ -f "$schema/$m-create.sql" ] || { echo "create-sqlite-db.sh: $schema/$m-create.sql missing (Debian package kamailio-sqlite-modules)" >&2; exit 1; }
done

mkdir -p "$(dirname "$db")"
rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
for m in standard "$@"; do
  sqlite3 -bail "$db" <"$schema/$m-create.sql"
done
mode=$(sqlite3 "$db" "PRAGMA journal_mode=WAL")
[ "$mode" = wal ] || { echo "create-sqlite-db.sh: $db: journal mode $mode, not wal" >&2; exit 1; }
echo "create-sqlite-db.sh: $db (WAL): $(sqlite3 "$db" "SELECT group_concat(table_name || ' ' || table_version, ', ') FROM version")" >&2

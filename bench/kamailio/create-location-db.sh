#!/usr/bin/env bash
# Creates the SQLite file that the durable Kamailio peer (bench/kamailio/kamailio.cfg with DURABLE) writes its
# bindings to, with Kamailio 5.6's own schema scripts (Debian package kamailio-sqlite-modules):
#
#   standard-create.sql  table "version" and its own row
#   usrloc-create.sql    tables "location" and "location_attrs" and their "version" rows (usrloc checks
#                        location's version, 9, at start)
#
#   bench/kamailio/create-location-db.sh FILE
#
# An existing FILE (and its -wal/-shm files) is replaced: every run starts without bindings.
#
# The file is switched to WAL here already (the mode is stored in the file). Kamailio's db_set_journal_mode
# asks for WAL too, but from every process at once as they start: switching a rollback-journal file to WAL
# takes an exclusive lock, Kamailio 5.6's db_sqlite sets no busy timeout, and a process that finds the
# lock taken fails its start ("database is locked", "cannot fork ... timer process"), now and then.
set -euo pipefail

db=${1:?usage: create-location-db.sh FILE}
schema=${KAMAILIO_SQLITE_SCHEMA:-/usr/share/kamailio/db_sqlite}
command -v sqlite3 >/dev/null 2>&1 || { echo "create-location-db.sh: sqlite3 not found (Debian package sqlite3)" >&2; exit 1; }
for f in standard-create.sql usrloc-create.sql; do
  [ -f "$schema/$f" ] || { echo "create-location-db.sh: $schema/$f missing (Debian package kamailio-sqlite-modules)" >&2; exit 1; }
done

mkdir -p "$(dirname "$db")"
rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
sqlite3 -bail "$db" <"$schema/standard-create.sql"
sqlite3 -bail "$db" <"$schema/usrloc-create.sql"
mode=$(sqlite3 "$db" "PRAGMA journal_mode=WAL")
[ "$mode" = wal ] || { echo "create-location-db.sh: $db: journal mode $mode, not wal" >&2; exit 1; }
echo "create-location-db.sh: $db (WAL): $(sqlite3 "$db" "SELECT group_concat(table_name || ' ' || table_version, ', ') FROM version")" >&2

#!/usr/bin/env bash
# Backs up DVK's whole database (DVK's tables, Flyway's history and the engine's ACT_* tables) into
# one file in pg_dump's custom format. docs/operations.md, "Backup and restore".
#
#   ops/backup.sh FILE
#
# The database is named by libpq's environment variables: PGHOST, PGPORT, PGUSER, PGPASSWORD (or
# ~/.pgpass), PGDATABASE. pg_dump must be at least the server's major version; this script checks.
# Taken while DVK runs: pg_dump reads one consistent snapshot.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 FILE   (database from PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE)" >&2
  exit 2
fi
file=$1

for tool in pg_dump psql; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$0: $tool not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client)" >&2
    exit 1
  fi
done

client_major=$(pg_dump --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')
server_num=$(psql -X -A -t -v ON_ERROR_STOP=1 -c 'show server_version_num')
server_major=$((server_num / 10000))
if [ "$client_major" -lt "$server_major" ]; then
  echo "$0: pg_dump is version $client_major, the server is $server_major: pg_dump must be at least the" \
       "server's major version (docs/operations.md, \"Backup and restore\")" >&2
  exit 1
fi

tmp="$file.partial"
# -Fc: compressed custom format, restored with pg_restore (selectively if need be);
# --no-owner/--no-privileges: restorable into a database owned by another role
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$tmp"
mv "$tmp" "$file"
echo "backup: ${PGDATABASE:-(default database)} on ${PGHOST:-(local socket)}:${PGPORT:-5432} -> $file ($(wc -c <"$file") bytes, pg_dump $client_major, server $server_major)"

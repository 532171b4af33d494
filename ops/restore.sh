#!/usr/bin/env bash
# Restores a backup of ops/backup.sh into a new, empty database. docs/operations.md, "Backup and restore".
#
#   ops/restore.sh FILE DATABASE
#
# The server and the role are named by libpq's environment variables (PGHOST, PGPORT, PGUSER,
# PGPASSWORD or ~/.pgpass); the role must be allowed to create databases. DATABASE is created and
# must not exist yet: a restore never overwrites a database. Everything is restored in one
# transaction: on any error nothing is left but the empty database. Then point DVK at it
# (SPRING_DATASOURCE_URL=jdbc:postgresql://HOST:PORT/DATABASE) and start it.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 FILE DATABASE   (server from PGHOST, PGPORT, PGUSER, PGPASSWORD)" >&2
  exit 2
fi
file=$1
database=$2

for tool in pg_restore psql createdb; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$0: $tool not found: install PostgreSQL's client tools (Debian: apt-get install postgresql-client)" >&2
    exit 1
  fi
done
if [ ! -s "$file" ]; then
  echo "$0: $file: no such backup" >&2
  exit 1
fi

exists=$(psql -X -A -t -v ON_ERROR_STOP=1 -d postgres \
  -c "select count(*) from pg_database where datname = '${database//\'/\'\'}'")
if [ "$exists" != "0" ]; then
  echo "$0: database $database exists already: restore into a new database (then rename it if need be)" >&2
  exit 1
fi

createdb --encoding=UTF8 --template=template0 "$database"
pg_restore --dbname="$database" --no-owner --no-privileges --single-transaction --exit-on-error "$file"

tables=$(psql -X -A -t -v ON_ERROR_STOP=1 -d "$database" \
  -c "select count(*) from information_schema.tables where table_schema = 'public'")
migrations=$(psql -X -A -t -v ON_ERROR_STOP=1 -d "$database" \
  -c "select version from flyway_schema_history where success order by installed_rank desc limit 1")
registrations=$(psql -X -A -t -v ON_ERROR_STOP=1 -d "$database" -c "select count(*) from registration")
echo "restore: $file -> $database ($tables tables, Flyway version $migrations, $registrations registrations)"

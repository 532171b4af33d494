#!/bin/sh
# Keycloak's own role and database beside DVK's, in the compose file's postgres service.
# The postgres image runs this once, when its volume is first initialised; a later change of
# KEYCLOAK_DB_PASSWORD in .env needs `ALTER ROLE keycloak PASSWORD ...` (docs/compose.md).
set -eu
psql -v ON_ERROR_STOP=1 -v kc_password="$KEYCLOAK_DB_PASSWORD" \
  --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'EOSQL'
CREATE ROLE keycloak LOGIN PASSWORD :'kc_password';
CREATE DATABASE keycloak OWNER keycloak;
EOSQL

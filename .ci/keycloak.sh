#!/usr/bin/env bash
# Runs a real Keycloak for DVK from the Maven Central distribution, with the realm of
# config/keycloak/dvk-realm.json. See docs/keycloak.md.
#
#   bash .ci/keycloak.sh start   fetch (once), unzip (once), start on 127.0.0.1:$KEYCLOAK_PORT, wait
#   bash .ci/keycloak.sh wait    wait until the realm answers (after start)
#   bash .ci/keycloak.sh stop    stop the Keycloak this script started
#
# Environment (all optional):
#   KEYCLOAK_PORT              HTTP port on 127.0.0.1 (default 8180)
#   DVK_PORTAL_CLIENT_SECRET   secret of the client dvk-portal  (default: random, new on every start)
#   DVK_ENGINE_CLIENT_SECRET   secret of the client dvk-engine  (default: random, new on every start)
#   KEYCLOAK_ADMIN_PASSWORD    password of the temporary master-realm admin "admin" (default: random)
#   KEYCLOAK_WAIT_SECONDS      how long start/wait wait for the realm (default 180)
#   KEYCLOAK_JAVA_HOME         a Java 21+ JDK (default: the newest 21+ under /usr/lib/jvm)
# The values in use are written to target/keycloak/keycloak.env (mode 600) for the application and
# the tests: `source target/keycloak/keycloak.env`.
#
# The database is in memory (--db=dev-mem): every start imports the current realm file afresh.
set -euo pipefail
cd "$(dirname "$0")/.."

KC_VERSION=26.5.6 # pinned: camunda-platform-7-keycloak's password check breaks on >= 26.6
KC_ARTIFACT="org.keycloak:keycloak-quarkus-dist:${KC_VERSION}:zip"
KC_DIR=target/keycloak
KC_ZIP="$KC_DIR/keycloak-quarkus-dist-${KC_VERSION}.zip"
KC_HOME="$KC_DIR/keycloak-${KC_VERSION}"
KC_PID="$KC_DIR/keycloak.pid"
KC_LOG="$KC_DIR/keycloak.log"
KC_ENV="$KC_DIR/keycloak.env"
REALM_FILE=config/keycloak/dvk-realm.json
PORT="${KEYCLOAK_PORT:-8180}"
WAIT_SECONDS="${KEYCLOAK_WAIT_SECONDS:-180}"
BASE_URL="http://127.0.0.1:${PORT}"
READY_URL="${BASE_URL}/realms/dvk/.well-known/openid-configuration"

log() { echo "== keycloak: $*"; }
fail() { echo "== keycloak: ERROR: $*" >&2; exit 1; }

running() {
  [ -f "$KC_PID" ] && kill -0 "$(cat "$KC_PID")" 2>/dev/null
}

random_secret() {
  od -An -N24 -tx1 /dev/urandom | tr -d ' \n'
}

# the JAVA_VERSION of a JDK's `release` file, major part only ("21.0.5" -> 21, "1.8.0" -> 8)
java_major() {
  local version
  version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$1/release" 2>/dev/null || true)
  version=${version#1.}
  echo "${version%%[.+-]*}"
}

find_java() {
  if [ -n "${KEYCLOAK_JAVA_HOME:-}" ]; then
    local major
    major=$(java_major "$KEYCLOAK_JAVA_HOME")
    [ -n "$major" ] && [ "$major" -ge 21 ] || fail "KEYCLOAK_JAVA_HOME=$KEYCLOAK_JAVA_HOME is not a Java 21+ JDK"
    echo "$KEYCLOAK_JAVA_HOME"
    return
  fi
  local best="" best_major=0 jdk major
  for jdk in /usr/lib/jvm/*/; do
    jdk=${jdk%/}
    [ -L "$jdk" ] && continue
    [ -x "$jdk/bin/java" ] || continue
    major=$(java_major "$jdk")
    [[ "$major" =~ ^[0-9]+$ ]] || continue
    if [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$jdk
      best_major=$major
    fi
  done
  [ -n "$best" ] || fail "Keycloak ${KC_VERSION} needs Java 21 or newer; none found under /usr/lib/jvm (install e.g. openjdk-21-jdk or Temurin 21/25, or set KEYCLOAK_JAVA_HOME)"
  echo "$best"
}

fetch() {
  if [ ! -f "$KC_ZIP" ]; then
    log "fetching ${KC_ARTIFACT} from Maven Central"
    ./mvnw -q -B dependency:copy -Dartifact="$KC_ARTIFACT" -DoutputDirectory="$KC_DIR"
  fi
  if [ ! -x "$KC_HOME/bin/kc.sh" ]; then
    log "unzipping $KC_ZIP"
    rm -rf "$KC_HOME"
    unzip -q -o "$KC_ZIP" -d "$KC_DIR"
  fi
}

wait_ready() {
  local start=$SECONDS
  log "waiting for ${READY_URL} (up to ${WAIT_SECONDS} s)"
  until curl -fsS -o /dev/null "$READY_URL" 2>/dev/null; do
    if ! running; then
      tail -n 40 "$KC_LOG" >&2 || true
      fail "Keycloak exited during start-up (log: $KC_LOG)"
    fi
    if [ $((SECONDS - start)) -ge "$WAIT_SECONDS" ]; then
      tail -n 40 "$KC_LOG" >&2 || true
      fail "the realm dvk did not answer within ${WAIT_SECONDS} s (log: $KC_LOG)"
    fi
    sleep 1
  done
  log "realm dvk ready at ${BASE_URL}/realms/dvk after $((SECONDS - start)) s of waiting"
}

start() {
  if running; then
    log "already running (pid $(cat "$KC_PID"))"
    wait_ready
    return
  fi
  [ -f "$REALM_FILE" ] || fail "$REALM_FILE is missing"
  fetch
  local java_home
  java_home=$(find_java)
  log "Java: $java_home ($("$java_home/bin/java" -version 2>&1 | head -1))"

  mkdir -p "$KC_HOME/data/import"
  rm -f "$KC_HOME"/data/import/*.json
  cp "$REALM_FILE" "$KC_HOME/data/import/dvk-realm.json"

  local portal_secret="${DVK_PORTAL_CLIENT_SECRET:-$(random_secret)}"
  local engine_secret="${DVK_ENGINE_CLIENT_SECRET:-$(random_secret)}"
  local admin_password="${KEYCLOAK_ADMIN_PASSWORD:-$(random_secret)}"
  (
    umask 077
    cat >"$KC_ENV" <<EOF
# written by .ci/keycloak.sh start; valid while this Keycloak runs
export KEYCLOAK_URL=${BASE_URL}
export KEYCLOAK_ISSUER_URI=${BASE_URL}/realms/dvk
export DVK_PORTAL_CLIENT_SECRET=${portal_secret}
export DVK_ENGINE_CLIENT_SECRET=${engine_secret}
export KEYCLOAK_ADMIN_USERNAME=admin
export KEYCLOAK_ADMIN_PASSWORD=${admin_password}
EOF
  )

  log "starting Keycloak ${KC_VERSION} on ${BASE_URL} (log: $KC_LOG)"
  # setsid: its own process group, so stop can end kc.sh and its JVM together
  JAVA_HOME="$java_home" \
    DVK_PORTAL_CLIENT_SECRET="$portal_secret" \
    DVK_ENGINE_CLIENT_SECRET="$engine_secret" \
    KC_BOOTSTRAP_ADMIN_USERNAME=admin \
    KC_BOOTSTRAP_ADMIN_PASSWORD="$admin_password" \
    setsid "$KC_HOME/bin/kc.sh" start-dev --import-realm --db=dev-mem \
      --http-host=127.0.0.1 --http-port="$PORT" --hostname-strict=false \
      </dev/null >"$KC_LOG" 2>&1 &
  echo $! >"$KC_PID"
  wait_ready
}

stop() {
  if ! running; then
    log "not running"
    rm -f "$KC_PID"
    return
  fi
  local pid
  pid=$(cat "$KC_PID")
  log "stopping pid $pid"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "still running after 30 s, killing"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid"
  fi
  rm -f "$KC_PID"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  wait) running || fail "not running (start it with: bash .ci/keycloak.sh start)"; wait_ready ;;
  stop) stop ;;
  *) echo "usage: bash .ci/keycloak.sh start|wait|stop" >&2; exit 2 ;;
esac

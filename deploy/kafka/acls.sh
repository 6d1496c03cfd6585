#!/usr/bin/env bash
# Applies PathTrack's Kafka ACLs (acls.tsv, next to this script) to a cluster with Kafka's own kafka-acls.sh and,
# for each user given a password, sets its SCRAM-SHA-512 credential with kafka-configs.sh. See README.md.
#
#   BOOTSTRAP=kafka-0.kafka:9093 COMMAND_CONFIG=admin.properties deploy/kafka/acls.sh
#
#   BOOTSTRAP               the cluster's bootstrap servers (required)
#   COMMAND_CONFIG          the administrator's client settings: security.protocol, sasl.*, ssl.truststore.* (required)
#   ACLS                    the ACL list (default: acls.tsv next to this script)
#   KAFKA_BIN               the directory of kafka-acls.sh and kafka-configs.sh (default: found on PATH)
#   SCRAM_PASSWORD_<USER>   optional, e.g. SCRAM_PASSWORD_RESULTS_SERVICE for User:results-service: creates or
#                           updates that user's SCRAM-SHA-512 credential (letters, digits and - _ . ~ only)
#   DRY_RUN=1               prints the commands instead of running them (passwords masked)
#
# Adding is idempotent: run it after every change of acls.tsv. It never removes an ACL; to withdraw a grant, remove
# its line and run kafka-acls.sh --remove with the same arguments (DRY_RUN=1 on the old file prints them).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
ACLS="${ACLS:-$here/acls.tsv}"
: "${BOOTSTRAP:?set BOOTSTRAP to the bootstrap servers of the cluster}"
: "${COMMAND_CONFIG:?set COMMAND_CONFIG to the client properties file of the administrator}"
SCRAM_ITERATIONS=8192

tool() { if [[ -n "${KAFKA_BIN:-}" ]]; then echo "$KAFKA_BIN/$1"; else echo "$1"; fi; }
refuse() { echo "acls.sh: $ACLS line $1: $2" >&2; exit 1; }
run() {
  if [[ "${DRY_RUN:-}" == 1 ]]; then
    printf '%q ' "$@" | sed -E 's/password=[^],]*/password=****/g'
    echo
  else
    "$@"
  fi
}
# DESCRIBE_CONFIGS -> DescribeConfigs, the spelling kafka-acls.sh reads.
pascal() {
  local part result=""
  IFS=_ read -ra parts <<<"${1,,}"
  for part in "${parts[@]}"; do result+="${part^}"; done
  echo "$result"
}

users=()
number=0
while IFS= read -r line || [[ -n "$line" ]]; do
  number=$((number + 1))
  [[ "$line" =~ ^[[:space:]]*(#|$) ]] && continue
  read -r principal type pattern name operations extra <<<"$line"
  [[ -z "${operations:-}" || -n "${extra:-}" ]] \
    && refuse "$number" "expected principal, resource type, pattern type, resource name and operations"
  [[ "$principal" == *:* ]] || refuse "$number" "expected a principal such as User:lis"
  case "$type" in
    TOPIC) resource=(--topic "$name") ;;
    GROUP) resource=(--group "$name") ;;
    TRANSACTIONAL_ID) resource=(--transactional-id "$name") ;;
    CLUSTER) resource=(--cluster) ;;
    *) refuse "$number" "unknown resource type $type" ;;
  esac
  case "$pattern" in
    LITERAL | PREFIXED) ;;
    *) refuse "$number" "pattern type must be LITERAL or PREFIXED, not $pattern" ;;
  esac
  grants=()
  IFS=, read -ra ops <<<"$operations"
  for op in "${ops[@]}"; do grants+=(--operation "$(pascal "$op")"); done
  run "$(tool kafka-acls.sh)" --bootstrap-server "$BOOTSTRAP" --command-config "$COMMAND_CONFIG" --add \
    --allow-principal "$principal" --allow-host '*' --resource-pattern-type "${pattern,,}" "${resource[@]}" "${grants[@]}"
  if [[ "$principal" == User:* && " ${users[*]} " != *" ${principal#User:} "* ]]; then
    users+=("${principal#User:}")
  fi
done <"$ACLS"

for user in "${users[@]}"; do
  variable="SCRAM_PASSWORD_$(tr 'a-z.-' 'A-Z__' <<<"$user")"
  password="${!variable:-}"
  [[ -z "$password" ]] && continue
  [[ "$password" =~ ^[A-Za-z0-9._~-]+$ ]] || { echo "acls.sh: $variable holds characters other than letters, digits and - _ . ~" >&2; exit 1; }
  run "$(tool kafka-configs.sh)" --bootstrap-server "$BOOTSTRAP" --command-config "$COMMAND_CONFIG" --alter \
    --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[iterations=$SCRAM_ITERATIONS,password=$password]"
done

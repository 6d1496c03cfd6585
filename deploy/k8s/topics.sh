#!/usr/bin/env bash
# Creates PathTrack's topics on a Kafka cluster with the same partition count (co-partitioned by
# accession) and replication factor 3. Usage: BOOTSTRAP=kafka-0.kafka:9092 PARTITIONS=12 deploy/k8s/topics.sh
# On a secured cluster, COMMAND_CONFIG names the administrator's client settings (deploy/kafka/README.md); the
# services may not create these topics themselves.
set -euo pipefail
: "${BOOTSTRAP:?set BOOTSTRAP to the bootstrap servers of the cluster}"
PARTITIONS="${PARTITIONS:-12}"
login=()
if [[ -n "${COMMAND_CONFIG:-}" ]]; then login=(--command-config "$COMMAND_CONFIG"); fi
# The largest record a service may write: an 8 MiB report event and its headers (RecordSizes in the contract).
MAX_MESSAGE_BYTES=8912896
for topic in pathology.reports.inbound pathology.reports.inbound.dlq pathology.reports.classified \
    pathology.specimens pathology.sla.events pathology.notifications pathology.notifications.acks \
    pathology.notifications.dlq pathology.audit pathology.specimens.dlq; do
  kafka-topics.sh --bootstrap-server "$BOOTSTRAP" "${login[@]}" --create --if-not-exists --topic "$topic" \
    --partitions "$PARTITIONS" --replication-factor 3 --config min.insync.replicas=2 \
    --config max.message.bytes="$MAX_MESSAGE_BYTES"
done

#!/usr/bin/env bash
# Creates PathTrack's topics on a Kafka cluster with the same partition count (co-partitioned by
# accession) and replication factor 3. Usage: BOOTSTRAP=kafka-0.kafka:9092 PARTITIONS=12 deploy/k8s/topics.sh
set -euo pipefail
: "${BOOTSTRAP:?set BOOTSTRAP to the cluster's bootstrap servers}"
PARTITIONS="${PARTITIONS:-12}"
for topic in pathology.reports.inbound pathology.reports.inbound.dlq pathology.reports.classified \
    pathology.specimens pathology.sla.events pathology.notifications pathology.notifications.acks \
    pathology.notifications.dlq pathology.audit; do
  kafka-topics.sh --bootstrap-server "$BOOTSTRAP" --create --if-not-exists --topic "$topic" \
    --partitions "$PARTITIONS" --replication-factor 3 --config min.insync.replicas=2
done

package io.pathtrack.notify.domain;

import java.time.Instant;
import java.util.Optional;

/** A turnaround warning or breach from specimen-service, read from the SLA event's headers. */
public record SlaAlert(boolean breach, String accession, Instant dueAt, Optional<String> orderingPractitioner, String eventId) {}

package io.pathtrack.specimen.domain;

import java.time.Instant;

/** One line of a specimen's timeline: what happened and when. */
public record TimelineEntry(Instant at, String event, String detail) {}

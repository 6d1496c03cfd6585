package io.pathtrack.results.ingest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.r4.model.DiagnosticReport;

/**
 * Reports a channel of this instance assessed before writing them to the inbound topic, so that the pipeline,
 * reading the same bytes back, publishes what the sender was answered instead of reading and classifying them a
 * second time. Keyed by the SHA-256 of the exact bytes written and their content type: a record whose bytes differ
 * in any way, or one this instance did not write (another instance, before a restart, a LIS writing to the topic
 * directly), is simply not found and is assessed as usual. Each entry is taken once; the map is bounded in entries,
 * in bytes and in age, so a backlog longer than it, or a burst of large reports, only costs the second assessment.
 * An entry keeps the published JSON and what the event's headers are made of, not the parsed report.
 */
public final class RecentAssessments {
  /** Reports larger than this (as published) are not kept: they are rare, and would crowd out the rest. */
  static final int MAX_ENTRY_BYTES = 256 * 1024;
  /** The published JSON kept in all, at most. */
  static final long MAX_BYTES = 16L * 1024 * 1024;

  private final int capacity;
  private final Duration maxAge;
  private long bytes;
  private final Clock clock;
  private final Map<String, Entry> entries;
  private final AtomicLong reused = new AtomicLong();
  private final AtomicLong missed = new AtomicLong();

  private record Entry(Instant at, List<ClassifiedReport> reports, long bytes) {}

  /** @param capacity at most this many kept (0: none, every record is assessed again) */
  public RecentAssessments(int capacity, Duration maxAge, Clock clock) {
    if (capacity < 0 || maxAge.isNegative()) {
      throw new IllegalArgumentException("capacity and age must not be negative");
    }
    this.capacity = capacity;
    this.maxAge = maxAge;
    this.clock = clock;
    this.entries = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
        if (size() > RecentAssessments.this.capacity) {
          bytes -= eldest.getValue().bytes();
          return true;
        }
        return false;
      }
    };
  }

  /** Nothing kept: every record is assessed where it is read. */
  public static RecentAssessments none() {
    return new RecentAssessments(0, Duration.ZERO, Clock.systemUTC());
  }

  /** Keeps what {@code written} was assessed as, until the pipeline reads it back. */
  public void remember(byte[] written, String contentType, List<ClassifiedReport> reports) {
    if (capacity == 0) {
      return;
    }
    long size = reports.stream().mapToLong(r -> r.json().length).sum();
    if (size > MAX_ENTRY_BYTES) {
      return;
    }
    List<ClassifiedReport> kept = reports.stream().map(RecentAssessments::withoutParsedReport).toList();
    String key = key(written, contentType);
    synchronized (entries) {
      Entry before = entries.put(key, new Entry(clock.instant(), kept, size));
      bytes += size - (before == null ? 0 : before.bytes());
      // the oldest go first: while over the byte budget, and any past their age (an entry another instance's pipeline
      // took over is never read back here, and a report's text is not kept longer than it is of use)
      Instant oldest = clock.instant().minus(maxAge);
      var eldest = entries.entrySet().iterator();
      while (eldest.hasNext()) {
        Entry e = eldest.next().getValue();
        if (bytes <= MAX_BYTES && !e.at().isBefore(oldest)) {
          break;
        }
        bytes -= e.bytes();
        eldest.remove();
      }
    }
  }

  /**
   * The assessment with, in place of the parsed report (many times the size of its JSON), a report holding only what
   * the event's headers read from it: its status and issue time.
   */
  private static ClassifiedReport withoutParsedReport(ClassifiedReport r) {
    DiagnosticReport slim = new DiagnosticReport();
    slim.setStatus(r.report().getStatus());
    slim.setIssuedElement(r.report().getIssuedElement().copy());
    slim.getExtension().addAll(ReportCuesAnnotator.extensions(r.report()));
    return new ClassifiedReport(r.accession(), r.reportId(), r.version(), r.contentHash(), slim, r.classification(),
        r.orderingPractitioner(), r.procedureType(), r.copiesTo(), r.json());
  }

  /** What these exact bytes were assessed as by a channel of this instance, taken out; empty when unknown. */
  public Optional<List<ClassifiedReport>> take(byte[] read, String contentType) {
    if (capacity == 0) {
      return Optional.empty();
    }
    String key = key(read, contentType);
    Entry entry;
    synchronized (entries) {
      entry = entries.remove(key);
      if (entry != null) {
        bytes -= entry.bytes();
      }
    }
    if (entry == null || entry.at().plus(maxAge).isBefore(clock.instant())) {
      missed.incrementAndGet();
      return Optional.empty();
    }
    reused.incrementAndGet();
    return Optional.of(entry.reports());
  }

  /** Records read back whose assessment was reused. */
  public long reused() {
    return reused.get();
  }

  /** The published JSON kept now, in bytes. */
  long keptBytes() {
    synchronized (entries) {
      return bytes;
    }
  }

  /** Records written by a channel that had to be assessed again (not kept, too old, another instance). */
  public long missed() {
    return missed.get();
  }

  private static String key(byte[] bytes, String contentType) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(bytes);
      return HexFormat.of().formatHex(sha.digest()) + "|" + contentType;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

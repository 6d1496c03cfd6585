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

/**
 * Reports a channel of this instance assessed before writing them to the inbound topic, so that the pipeline,
 * reading the same bytes back, publishes what the sender was answered instead of reading and classifying them a
 * second time. Keyed by the SHA-256 of the exact bytes written and their content type: a record whose bytes differ
 * in any way, or one this instance did not write (another instance, before a restart, a LIS writing to the topic
 * directly), is simply not found and is assessed as usual. Each entry is taken once; the map is bounded in size and
 * age, so a backlog longer than it only costs the second assessment.
 */
public final class RecentAssessments {
  private final int capacity;
  private final Duration maxAge;
  private final Clock clock;
  private final Map<String, Entry> entries;
  private final AtomicLong reused = new AtomicLong();
  private final AtomicLong missed = new AtomicLong();

  private record Entry(Instant at, List<ClassifiedReport> reports) {}

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
        return size() > RecentAssessments.this.capacity;
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
    String key = key(written, contentType);
    synchronized (entries) {
      entries.put(key, new Entry(clock.instant(), List.copyOf(reports)));
    }
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

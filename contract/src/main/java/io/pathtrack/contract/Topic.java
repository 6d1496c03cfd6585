package io.pathtrack.contract;

import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.serialization.Serde;

/**
 * One Kafka topic of the contract: its name, what its records hold, who writes and reads it, and how a cluster keeps
 * it. {@link Topics} lists them all; the services' bindings, the cluster's topic script ({@code deploy/k8s/topics.sh}),
 * the ACL list, the AsyncAPI document and the README's table are checked against that list by a test, so none of
 * them can name a topic the contract does not have.
 *
 * @param name the topic's name on the cluster
 * @param key what the record key is
 * @param value what the record value is
 * @param contentType the value's {@code content-type} header ({@code "as received"} where the producer's own is kept)
 * @param producers the services (or outside systems) that write it
 * @param consumers the services (or people) that read it
 * @param cleanup how the cluster keeps its records
 * @param serde how its values are written and read: the type a stream of this topic carries
 * @param <V> the value type
 */
public record Topic<V>(String name, String key, String value, String contentType, List<String> producers,
    List<String> consumers, Cleanup cleanup, Serde<V> serde) {

  /** The accession number: every event of one specimen on one partition, in order, co-partitioned across topics. */
  public static final String ACCESSION_KEY = "accession";

  /** Kafka's {@code cleanup.policy}. */
  public enum Cleanup {
    DELETE, COMPACT;

    /** The value of {@code cleanup.policy}. */
    public String config() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Topic {
    if (!name.matches("[a-z][a-z0-9.-]*[a-z0-9]")) {
      throw new IllegalArgumentException("Not a topic name of this system: " + name);
    }
    java.util.Objects.requireNonNull(serde, "serde");
    producers = List.copyOf(producers);
    consumers = List.copyOf(consumers);
  }

  /** A value of this topic as its serde reads it (null for no value). */
  public V read(byte[] data) {
    return serde.deserializer().deserialize(name, data);
  }

  /** A value as this topic's records carry it. */
  public byte[] write(V value) {
    return serde.serializer().serialize(name, value);
  }

  /** A dead-letter topic: where records that could not be processed are kept, with their reason. */
  public boolean deadLetters() {
    return name.endsWith(".dlq");
  }

  @Override
  public String toString() {
    return name;
  }
}

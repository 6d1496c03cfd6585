package io.pathtrack.guard.streams;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.StreamsMetadata;

/**
 * A key-value state store of a service that may run as several instances: each instance holds the partitions
 * Kafka Streams assigned to it, and a read of a key goes to the instance that owns the key
 * ({@code queryMetadataForKey}), or, when that one does not answer, to an instance holding a standby replica
 * (a stale read: at most the standby's lag behind). A read of every value gathers each instance's active
 * partitions, and a partition whose owner does not answer from its standby; when some partition cannot be had
 * the read fails ({@link NotReady}, HTTP 503) rather than answer a list with holes in it.
 *
 * <p>With one instance ({@code pathtrack.instances.advertised-address} empty) every read is local, as before.
 * The other instances are asked over HTTP with this service's own token ({@link PeerStates}); they answer from
 * {@link #serveOne} and {@link #serveAll}, behind an endpoint only a {@code system/} scope may call.
 */
public final class KeyedState<V> {
  /** The content type of the answers between instances: length-prefixed frames of key and stored value. */
  public static final String MEDIA_TYPE = "application/x-pathtrack-state";
  private static final Serializer<String> KEYS = Serdes.String().serializer();

  private final PeerStates peers;
  private final String store;
  private final String path;
  private final Serde<V> serde;

  KeyedState(PeerStates peers, String store, String path, Serde<V> serde) {
    this.peers = peers;
    this.store = store;
    this.path = path;
    this.serde = serde;
  }

  /** The value held for the key, wherever it is held; empty when the owner holds none. */
  public Optional<V> find(String key) {
    KafkaStreams streams = peers.streams(store);
    if (!peers.distributed()) {
      return Optional.ofNullable(local(streams, null, false).get(key));
    }
    KeyQueryMetadata owner = streams.queryMetadataForKey(store, key, KEYS);
    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
      throw new NotReady("the instances of this service are rebalancing");
    }
    List<HostInfo> holders = new ArrayList<>();
    holders.add(owner.activeHost());
    holders.addAll(owner.standbyHosts());
    for (int i = 0; i < holders.size(); i++) {
      boolean stale = i > 0;
      HostInfo host = holders.get(i);
      Optional<Optional<V>> answer = peers.isSelf(host) ? localOne(streams, key, owner.partition(), stale)
          : remoteOne(host, key, owner.partition(), stale);
      if (answer.isPresent()) {
        if (stale) {
          peers.countStandbyRead(store);
        }
        return answer.get();
      }
    }
    throw new NotReady("no instance holding this record answered");
  }

  /** Every value, from all instances; a value whose key matches several answers (a task moving) is kept once. */
  public List<V> all() {
    KafkaStreams streams = peers.streams(store);
    if (!peers.distributed()) {
      return new ArrayList<>(scan(local(streams, null, false)).values());
    }
    Collection<StreamsMetadata> hosts = streams.streamsMetadataForStore(store);
    if (hosts.isEmpty()) {
      throw new NotReady("no instance holds this state yet");
    }
    Set<String> sources = peers.sourceTopics(store);
    Map<String, V> out = new LinkedHashMap<>();
    Map<Integer, HostInfo> unanswered = new LinkedHashMap<>();
    for (StreamsMetadata host : hosts) {
      Set<Integer> partitions = partitions(host.topicPartitions(), sources);
      if (partitions.isEmpty()) {
        continue;
      }
      Optional<Map<String, V>> answer = peers.isSelf(host.hostInfo()) ? localAll(streams, partitions, false)
          : remoteAll(host.hostInfo(), partitions, false);
      answer.ifPresentOrElse(out::putAll, () -> partitions.forEach(p -> unanswered.put(p, host.hostInfo())));
    }
    for (Map.Entry<Integer, HostInfo> missing : unanswered.entrySet()) {
      int partition = missing.getKey();
      Optional<Map<String, V>> standby = hosts.stream()
          .filter(h -> !h.hostInfo().equals(missing.getValue()))
          .filter(h -> partitions(h.standbyTopicPartitions(), sources).contains(partition))
          .map(h -> peers.isSelf(h.hostInfo()) ? localAll(streams, Set.of(partition), true)
              : remoteAll(h.hostInfo(), Set.of(partition), true))
          .flatMap(Optional::stream).findFirst();
      if (standby.isEmpty()) {
        throw new NotReady("part of this state is held only by an instance that does not answer");
      }
      peers.countStandbyRead(store);
      standby.get().forEach(out::putIfAbsent);
    }
    return new ArrayList<>(out.values());
  }

  /**
   * Another instance's read of one key in a partition this instance holds: 200 with the stored value, 404 when it
   * holds the partition and no value, 503 when it does not hold the partition (any more).
   */
  public Served serveOne(String key, int partition, boolean stale) {
    return localOne(peers.streams(store), key, partition, stale)
        .map(value -> value.map(v -> Served.found(frames(Map.of(key, v)))).orElse(Served.ABSENT))
        .orElse(Served.NOT_HELD);
  }

  /** Another instance's read of whole partitions: 200 with every key and value, 503 when one is not held here. */
  public Served serveAll(Set<Integer> partitions, boolean stale) {
    return localAll(peers.streams(store), partitions, stale).map(all -> Served.found(frames(all))).orElse(Served.NOT_HELD);
  }

  /** An answer to another instance. */
  public record Served(int status, byte[] body) {
    static final Served ABSENT = new Served(404, new byte[0]);
    static final Served NOT_HELD = new Served(503, new byte[0]);

    static Served found(byte[] body) {
      return new Served(200, body);
    }
  }

  private Optional<Optional<V>> localOne(KafkaStreams streams, String key, int partition, boolean stale) {
    try {
      return Optional.of(Optional.ofNullable(local(streams, partition, stale).get(key)));
    } catch (InvalidStateStoreException e) {
      return Optional.empty();
    }
  }

  private Optional<Map<String, V>> localAll(KafkaStreams streams, Set<Integer> partitions, boolean stale) {
    try {
      Map<String, V> out = new LinkedHashMap<>();
      for (int partition : partitions) {
        out.putAll(scan(local(streams, partition, stale)));
      }
      return Optional.of(out);
    } catch (InvalidStateStoreException e) {
      return Optional.empty();
    }
  }

  private ReadOnlyKeyValueStore<String, V> local(KafkaStreams streams, Integer partition, boolean stale) {
    StoreQueryParameters<ReadOnlyKeyValueStore<String, V>> query =
        StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore());
    if (partition != null) {
      query = query.withPartition(partition);
    }
    if (stale) {
      query = query.enableStaleStores();
    }
    try {
      return streams.store(query);
    } catch (InvalidStateStoreException e) {
      if (partition == null) {
        throw new NotReady(e);
      }
      throw e;
    }
  }

  private static <V> Map<String, V> scan(ReadOnlyKeyValueStore<String, V> store) {
    Map<String, V> out = new LinkedHashMap<>();
    try (KeyValueIterator<String, V> all = store.all()) {
      all.forEachRemaining(kv -> out.put(kv.key, kv.value));
    }
    return out;
  }

  private Optional<Optional<V>> remoteOne(HostInfo host, String key, int partition, boolean stale) {
    PeerStates.Reply reply = peers.get(store, host, path + "/" + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20")
        + "?partition=" + partition + "&stale=" + stale);
    if (reply.status() == 404) {
      return Optional.of(Optional.empty());
    }
    if (reply.status() != 200) {
      return Optional.empty();
    }
    return read(reply.body()).map(values -> values.values().stream().findFirst());
  }

  private Optional<Map<String, V>> remoteAll(HostInfo host, Set<Integer> partitions, boolean stale) {
    PeerStates.Reply reply = peers.get(store, host, path + "?partitions="
        + partitions.stream().map(String::valueOf).collect(Collectors.joining(",")) + "&stale=" + stale);
    return reply.status() == 200 ? read(reply.body()) : Optional.empty();
  }

  private static Set<Integer> partitions(Set<org.apache.kafka.common.TopicPartition> held, Set<String> sources) {
    return held.stream().filter(tp -> sources.contains(tp.topic())).map(org.apache.kafka.common.TopicPartition::partition)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private byte[] frames(Map<String, V> values) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      for (Map.Entry<String, V> e : values.entrySet()) {
        byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
        byte[] value = serde.serializer().serialize(store, e.getValue());
        out.writeInt(key.length);
        out.write(key);
        out.writeInt(value.length);
        out.write(value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The frames another instance sent; empty (no answer) when they are not well formed or a value does not read. */
  private Optional<Map<String, V>> read(byte[] body) {
    Map<String, V> out = new LinkedHashMap<>();
    try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body))) {
      while (in.available() > 0) {
        byte[] key = in.readNBytes(length(in, body.length));
        byte[] value = in.readNBytes(length(in, body.length));
        out.put(new String(key, StandardCharsets.UTF_8), serde.deserializer().deserialize(store, value));
      }
      return Optional.of(out);
    } catch (IOException | RuntimeException e) {
      peers.countBadAnswer(store);
      return Optional.empty();
    }
  }

  private static int length(DataInputStream in, int limit) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > limit) {
      throw new IOException("a frame longer than the answer");
    }
    return length;
  }

  /** The value cannot be read now: state starting, instances rebalancing, a holder not answering. HTTP 503. */
  public static class NotReady extends RuntimeException {
    public NotReady(String why) {
      super(why + "; retry shortly");
    }

    NotReady(Throwable cause) {
      super("this state is not ready yet (starting or rebalancing); retry shortly", cause);
    }
  }
}

package io.pathtrack.guard.streams;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pathtrack.guard.security.ServiceToken;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The instances of this service as holders of Kafka Streams state: which one is this one
 * ({@code pathtrack.instances.advertised-address}, also the streams' {@code application.server}), and asking
 * another for what it holds, over HTTP with this service's own token. Counts what it does in
 * {@code pathtrack.state.peer.calls{store,outcome}} (answered, absent, failed) and
 * {@code pathtrack.state.standby.reads{store}} (a read served from a standby replica because the owner did not answer).
 */
public final class PeerStates {
  private final KafkaStreamsRegistry registry;
  private final InstanceProperties properties;
  private final Optional<ServiceToken> token;
  private final MeterRegistry meters;
  private final HostInfo self;
  private final HttpClient http;
  private final Map<String, StreamsBuilderFactoryBean> owners = new ConcurrentHashMap<>();

  PeerStates(KafkaStreamsRegistry registry, InstanceProperties properties, Optional<ServiceToken> token, MeterRegistry meters) {
    this.registry = registry;
    this.properties = properties;
    this.token = token;
    this.meters = meters;
    this.self = properties.distributed() ? HostInfo.buildFromEndpoint(properties.advertisedAddress()) : null;
    if (properties.distributed() && token.isEmpty()) {
      throw new IllegalStateException("pathtrack.instances.advertised-address is set, so other instances will ask this "
          + "one for state and it will ask them: pathtrack.instances.client-id and client-secret are required");
    }
    this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
  }

  /** A store of this service, read across its instances; {@code path} is where each instance answers for it. */
  public <V> KeyedState<V> keyValueStore(String store, String path, Serde<V> serde) {
    return new KeyedState<>(this, store, path, serde);
  }

  boolean distributed() {
    return self != null;
  }

  boolean isSelf(HostInfo host) {
    return self != null && self.equals(host);
  }

  /** The running Kafka Streams client whose topology has this store. */
  KafkaStreams streams(String store) {
    StreamsBuilderFactoryBean factory = owners.computeIfAbsent(store, s -> registry.streamsBuilderFactoryBeans().stream()
        .filter(f -> f.getTopology() != null && !sourceTopics(f, s).isEmpty()).findFirst().orElse(null));
    KafkaStreams streams = factory == null ? null : factory.getKafkaStreams();
    if (streams == null) {
      throw new KeyedState.NotReady("this state is not ready yet (starting)");
    }
    return streams;
  }

  /** The input topics of the sub-topology that holds the store: its partitions are the store's. */
  Set<String> sourceTopics(String store) {
    return sourceTopics(owners.get(store), store);
  }

  private static Set<String> sourceTopics(StreamsBuilderFactoryBean factory, String store) {
    Set<String> topics = new TreeSet<>();
    if (factory == null || factory.getTopology() == null) {
      return topics;
    }
    for (TopologyDescription.Subtopology sub : factory.getTopology().describe().subtopologies()) {
      boolean holds = sub.nodes().stream().anyMatch(n -> n instanceof TopologyDescription.Processor p && p.stores().contains(store));
      if (holds) {
        sub.nodes().stream().filter(n -> n instanceof TopologyDescription.Source)
            .forEach(n -> topics.addAll(((TopologyDescription.Source) n).topicSet()));
      }
    }
    return topics;
  }

  /** An answer from another instance: status 0 when there was none (refused, timed out, too large). */
  record Reply(int status, byte[] body) {}

  Reply get(String store, HostInfo host, String pathAndQuery) {
    Reply reply = call(host, pathAndQuery);
    if (reply.status() == 401) {
      // The peer did not take the token (keys rotated, token expired in flight): once more with a new one.
      token.ifPresent(ServiceToken::forget);
      reply = call(host, pathAndQuery);
    }
    String outcome = switch (reply.status()) {
      case 200 -> "answered";
      case 404 -> "absent";
      default -> "failed";
    };
    Counter.builder("pathtrack.state.peer.calls").tag("store", store).tag("outcome", outcome)
        .description("Reads of state asked of another instance of this service").register(meters).increment();
    return reply;
  }

  private Reply call(HostInfo host, String pathAndQuery) {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create(properties.scheme() + "://" + host.host() + ":" + host.port()
              + pathAndQuery)).timeout(properties.timeout())
          .header("Authorization", "Bearer " + token.orElseThrow().get())
          .header("Accept", KeyedState.MEDIA_TYPE).GET().build();
      HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      long limit = properties.maxAnswer().toBytes();
      try (InputStream in = response.body()) {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        if (body.length > limit) {
          return new Reply(0, new byte[0]);
        }
        return new Reply(response.statusCode(), body);
      }
    } catch (IOException | RuntimeException e) {
      return new Reply(0, new byte[0]);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(0, new byte[0]);
    }
  }

  void countStandbyRead(String store) {
    Counter.builder("pathtrack.state.standby.reads").tag("store", store)
        .description("Reads served from a standby replica because the instance owning the key did not answer")
        .register(meters).increment();
  }

  void countBadAnswer(String store) {
    Counter.builder("pathtrack.state.peer.calls").tag("store", store).tag("outcome", "unreadable")
        .description("Reads of state asked of another instance of this service").register(meters).increment();
  }
}

package io.pathtrack.guard.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Health of every Kafka Streams client of the service, part of the liveness and readiness probes: DOWN when a
 * client is in ERROR, PENDING_ERROR, PENDING_SHUTDOWN or NOT_RUNNING (it processes nothing any more, while the
 * service may still accept input), or when one of its stream threads has not polled its topics for
 * {@code stallAfter} (stuck in a processor or a punctuator). An orchestrator then restarts the instance, and the
 * inbound topics still hold everything that arrived meanwhile.
 */
public final class StreamsHealthIndicator extends AbstractHealthIndicator {
  private final ObjectProvider<KafkaStreamsRegistry> registry;
  private final Duration stallAfter;

  public StreamsHealthIndicator(ObjectProvider<KafkaStreamsRegistry> registry, Duration stallAfter) {
    super("Kafka Streams health check failed");
    this.registry = registry;
    this.stallAfter = stallAfter;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    boolean down = false;
    Map<String, Object> details = new LinkedHashMap<>();
    KafkaStreamsRegistry streamsRegistry = registry.getIfAvailable();
    List<StreamsBuilderFactoryBean> factories = streamsRegistry == null ? List.of() : streamsRegistry.streamsBuilderFactoryBeans();
    for (StreamsBuilderFactoryBean factory : factories) {
      String application = factory.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
      KafkaStreams streams = factory.getKafkaStreams();
      if (streams == null) {
        details.put(application, Map.of("state", "NOT_STARTED"));
        continue;
      }
      KafkaStreams.State state = streams.state();
      List<String> stalled = stalledThreads(streams);
      boolean alive = state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING
          || state == KafkaStreams.State.CREATED;
      down |= !alive || !stalled.isEmpty();
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("state", state.name());
      if (!stalled.isEmpty()) {
        detail.put("stalledThreads", stalled);
      }
      details.put(application, detail);
    }
    (down ? builder.down() : builder.up()).withDetails(details);
  }

  /** Stream threads whose main consumer has not polled for longer than allowed. */
  private List<String> stalledThreads(KafkaStreams streams) {
    List<String> stalled = new ArrayList<>();
    for (Map.Entry<MetricName, ? extends Metric> e : streams.metrics().entrySet()) {
      MetricName name = e.getKey();
      String client = name.tags().getOrDefault("client-id", "");
      if (!"last-poll-seconds-ago".equals(name.name()) || !"consumer-metrics".equals(name.group())
          || !client.endsWith("-consumer") || client.endsWith("-restore-consumer")) {
        continue;
      }
      if (e.getValue().metricValue() instanceof Number seconds && seconds.doubleValue() > stallAfter.toSeconds()) {
        stalled.add(client + " last polled " + seconds.longValue() + " s ago");
      }
    }
    return stalled;
  }
}

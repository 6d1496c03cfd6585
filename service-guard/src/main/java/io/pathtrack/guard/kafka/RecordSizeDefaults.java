package io.pathtrack.guard.kafka;

import io.pathtrack.contract.RecordSizes;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Sets the record-size settings of every Kafka client and topic a service creates from one place,
 * {@link RecordSizes}: producers may send {@link RecordSizes#MAX_RECORD_BYTES} (compressed with lz4 on the
 * wire), and the topics the binders and Kafka Streams create (repartition and changelog topics included)
 * accept as much. These are defaults, the lowest-precedence property source: a service's own file may still
 * override them. Topics made by other means ({@code deploy/k8s/topics.sh}, the in-process broker) use the same figure.
 */
public final class RecordSizeDefaults implements EnvironmentPostProcessor {
  static final String SOURCE = "pathtrack-record-sizes";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    String max = String.valueOf(RecordSizes.MAX_RECORD_BYTES);
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.cloud.stream.kafka.binder.producer-properties.max.request.size", max);
    p.put("spring.cloud.stream.kafka.binder.producer-properties.compression.type", "lz4");
    p.put("spring.cloud.stream.kafka.default.producer.topic.properties.max.message.bytes", max);
    p.put("spring.cloud.stream.kafka.streams.binder.configuration.max.request.size", max);
    p.put("spring.cloud.stream.kafka.streams.binder.configuration.compression.type", "lz4");
    p.put("spring.cloud.stream.kafka.streams.binder.configuration.topic.max.message.bytes", max);
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE, p));
  }
}

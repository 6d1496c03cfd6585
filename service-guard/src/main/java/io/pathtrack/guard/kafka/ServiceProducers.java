package io.pathtrack.guard.kafka;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Settings of a plain Kafka producer a service makes beside its binders' (for records it must know were written): the
 * cluster and the service's login from {@code spring.kafka.*} ({@link KafkaClientSecurity}), every record acknowledged
 * by all in-sync replicas, idempotent, and bounded waits (5 s to get metadata or buffer space, 30 s to deliver).
 */
public final class ServiceProducers {
  private ServiceProducers() {}

  public static Properties settings(Environment environment, String clientId) {
    Properties p = new Properties();
    Map<String, String> shared = Binder.get(environment)
        .bind("spring.kafka.properties", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    p.putAll(shared);
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getProperty("spring.kafka.bootstrap-servers", "localhost:9092"));
    p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    return p;
  }
}

package io.pathtrack.guard.kafka;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The delivery guarantees of every Kafka client of every service, in one place (README, Operations: what each
 * protects against). Defaults, the lowest-precedence property source, as {@link RecordSizeDefaults}:
 * <ul>
 *   <li>producers of the binders wait for every in-sync replica ({@code acks=all}) and are idempotent, so a record
 *       acknowledged survives the loss of a broker and a retried send is not written twice;
 *   <li>consumers of the binders read committed records only: the services' streams write exactly once, in
 *       transactions, and what an aborted transaction wrote (a crash half way) must never be delivered or shown;
 *   <li>Kafka Streams processes exactly once ({@code exactly_once_v2}): state, output and input offsets are committed
 *       together, so a crash neither loses nor repeats an effect; its internal topics follow the broker's
 *       replication unless a cluster sets {@code replication.factor}.
 * </ul>
 */
public final class DeliveryGuaranteeDefaults implements EnvironmentPostProcessor {
  static final String SOURCE = "pathtrack-delivery-guarantees";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.cloud.stream.kafka.binder.required-acks", "all");
    p.put("spring.cloud.stream.kafka.binder.producer-properties.enable.idempotence", "true");
    p.put("spring.cloud.stream.kafka.binder.consumer-properties.isolation.level", "read_committed");
    p.put("spring.cloud.stream.kafka.streams.binder.configuration.processing.guarantee", "exactly_once_v2");
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE, p));
  }
}

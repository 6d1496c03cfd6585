package io.pathtrack.guard.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Every Kafka Streams application of a service: its exception handlers dead-letter a record that cannot be
 * read, processed or published and go on ({@link DeadLetteringExceptionHandler}); a stream thread that dies
 * anyway stops its client, which the {@code streams} health contributor (in the liveness and readiness groups)
 * then reports DOWN. Each application names its dead-letter topic in its streams configuration under
 * {@value DeadLetterSink#TOPIC_CONFIG}; an application that names none does not start.
 */
@AutoConfiguration
@ConditionalOnClass({StreamsBuilderFactoryBean.class, KafkaStreamsRegistry.class})
@org.springframework.boot.context.properties.EnableConfigurationProperties(InstanceProperties.class)
public class StreamsGuardConfiguration {
  private static final Logger log = LoggerFactory.getLogger(StreamsGuardConfiguration.class);

  /** The dead-letter producers of the service's stream applications, closed with the context. */
  static final class DeadLetterSinks implements DisposableBean {
    private final List<DeadLetterSink> sinks = new CopyOnWriteArrayList<>();

    void add(DeadLetterSink sink) {
      sinks.add(sink);
    }

    @Override
    public void destroy() {
      sinks.forEach(DeadLetterSink::close);
    }
  }

  /** The instances of this service as holders of state, for reads that span them ({@link KeyedState}). */
  @Bean
  PeerStates peerStates(KafkaStreamsRegistry registry, InstanceProperties properties,
      ObjectProvider<io.pathtrack.guard.security.ServiceToken> token, ObjectProvider<MeterRegistry> meters) {
    return new PeerStates(registry, properties, java.util.Optional.ofNullable(token.getIfAvailable()),
        meters.getIfAvailable(SimpleMeterRegistry::new));
  }

  @Bean
  DeadLetterSinks deadLetterSinks() {
    return new DeadLetterSinks();
  }

  /**
   * Primary, because the Kafka Streams binder applies only a unique configurer, and Spring Boot adds one of its
   * own for Kafka Streams metrics (which the binder binds itself).
   */
  @Bean
  @Primary
  StreamsBuilderFactoryBeanConfigurer deadLetteringStreams(DeadLetterSinks sinks, ObjectProvider<MeterRegistry> meters,
      ObjectProvider<Clock> clock) {
    return factory -> guard(factory, sinks, meters, clock);
  }

  private static void guard(StreamsBuilderFactoryBean factory, DeadLetterSinks sinks, ObjectProvider<MeterRegistry> meters,
      ObjectProvider<Clock> clock) {
    {
      Properties config = factory.getStreamsConfiguration();
      String application = config.getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
      String topic = config.getProperty(DeadLetterSink.TOPIC_CONFIG);
      if (topic == null || topic.isBlank()) {
        throw new IllegalStateException("Kafka Streams application " + application + " names no dead-letter topic ("
            + DeadLetterSink.TOPIC_CONFIG + " in its configuration)");
      }
      DeadLetterSink sink = DeadLetterSink.forStreams(config, topic, application,
          meters.getIfAvailable(SimpleMeterRegistry::new), clock.getIfAvailable(Clock::systemUTC));
      sinks.add(sink);
      config.put(DeadLetterSink.CONFIG, sink);
      config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringExceptionHandler.class.getName());
      config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringExceptionHandler.class.getName());
      config.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringExceptionHandler.class.getName());
      factory.setStreamsConfiguration(config); // the factory hands out copies of its configuration
      // On a clean stop, leave the consumer group at once: the other instances take the partitions over now, not
      // after the session times out; and give the stream threads time to finish what they are doing.
      factory.setLeaveGroupOnClose(true);
      factory.setStateRestoreListener(new RestoreTimes(meters.getIfAvailable(SimpleMeterRegistry::new), application));
      factory.setCloseTimeout(30);
      factory.setStreamsUncaughtExceptionHandler(exception -> {
        // Only a fault that concerns every record gets here (the handlers took the rest): stop, say so, be restarted.
        log.error("Kafka Streams application {} stopped: {}; its health is DOWN until the service is restarted",
            application, exception.getClass().getName());
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
      });
    }
  }

  @Bean
  StreamsHealthIndicator streamsHealthIndicator(ObjectProvider<KafkaStreamsRegistry> registry,
      @Value("${pathtrack.streams.stall-after:120s}") Duration stallAfter) {
    return new StreamsHealthIndicator(registry, stallAfter);
  }
}

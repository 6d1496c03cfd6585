package io.pathtrack.notify.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.Topics;
import io.pathtrack.notify.domain.Notification;
import io.pathtrack.notify.inbox.NotificationLog;
import io.pathtrack.notify.routing.NotificationCommunications;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The message-channel consumers of {@link io.pathtrack.contract.Topics#NOTIFICATIONS}: the dispatcher (one consumer group
 * for all instances, a polled batch at a time) and the inbox view (every instance reads the whole topic).
 */
@Configuration
class NotificationBindings {
  /** The dispatcher's consumer group (notify-service.yaml). */
  static final String DISPATCHER_GROUP = "notify-dispatcher";

  @Bean
  Consumer<Message<List<byte[]>>> dispatchNotifications(NotificationDispatcher dispatcher, DispatcherHealth health) {
    return batch -> {
      try {
        dispatcher.dispatch(batch.getPayload(), types(batch), list(batch, KafkaHeaders.RECEIVED_KEY, byte[].class),
            list(batch, KafkaHeaders.OFFSET, Long.class));
        health.succeeded();
      } catch (RuntimeException e) {
        health.failed(e);
        throw e;
      }
    };
  }

  @Bean
  DispatcherHealth deliveryHealthIndicator(MeterRegistry meters) {
    return new DispatcherHealth(meters);
  }

  /**
   * The dispatcher's batches are never skipped: one that fails (its results could not be published) is read again
   * after a pause growing from 1 s to 30 s, for as long as it takes, instead of the container's default of ten quick
   * retries and then dropping the batch, alerts and all. The lag and {@link DispatcherHealth} show the wait. The same for
   * the webhook redelivery's letters (one container customizer serves every binding).
   */
  @Bean
  ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> dispatcherRetriesUntilDone(
      @Value("${pathtrack.notify.dispatcher.retry.initial-delay:1s}") Duration initialDelay,
      @Value("${pathtrack.notify.dispatcher.retry.max-delay:30s}") Duration maxDelay,
      @Value("${spring.cloud.stream.bindings.redeliverWebhooks-in-0.group:" + WebhookRedelivery.GROUP + "}") String redeliveryGroup) {
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> dispatcher =
        retryUntilDone(DISPATCHER_GROUP, initialDelay, maxDelay);
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> redelivery =
        retryUntilDone(redeliveryGroup, initialDelay, maxDelay);
    return (container, destination, group) -> {
      dispatcher.configure(container, destination, group);
      redelivery.configure(container, destination, group);
    };
  }

  /** Gives the group's containers an error handler that retries a failed batch for ever, the pause doubling. */
  static ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> retryUntilDone(String consumerGroup,
      Duration initialDelay, Duration maxDelay) {
    return (container, destination, group) -> {
      if (consumerGroup.equals(group)) {
        ExponentialBackOff backOff = new ExponentialBackOff(initialDelay.toMillis(), 2.0);
        backOff.setMaxInterval(maxDelay.toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
        // Every failure is retried, including those the handler takes as fatal by default (conversion, class cast):
        // what cannot be read is dead-lettered by the dispatcher, so what reaches here is a batch not yet done.
        handler.setClassifications(Map.of(), true);
        container.setCommonErrorHandler(handler);
      }
    };
  }

  /** A batch header that holds one value a record; empty when absent or of another type. */
  static <T> List<T> list(Message<List<byte[]>> batch, String header, Class<T> type) {
    if (!(batch.getHeaders().get(header) instanceof List<?> values)) {
      return List.of();
    }
    List<T> out = new ArrayList<>(values.size());
    for (Object value : values) {
      out.add(type.isInstance(value) ? type.cast(value) : null);
    }
    return out;
  }

  /** Each record's event type header, null where it has none. */
  static List<String> types(Message<List<byte[]>> batch) {
    if (!(batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS) instanceof List<?> headers)) {
      return List.of();
    }
    List<String> types = new ArrayList<>(headers.size());
    for (Object each : headers) {
      Object type = each instanceof Map<?, ?> map ? map.get(EventHeaders.TYPE) : null;
      types.add(type instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : type instanceof String text ? text : null);
    }
    return types;
  }

  /** The webhook redelivery: its own producer, so that it never waits on the dispatcher's records or they on its. */
  @Bean
  WebhookRedelivery webhookRedelivery(WebhookChannel webhook, NotificationLog log,
      io.pathtrack.notify.directory.PractitionerDirectory directory, io.pathtrack.notify.ChannelProperties channels,
      io.pathtrack.notify.NotifyProperties notify, java.time.Clock clock, MeterRegistry meters,
      org.springframework.core.env.Environment environment) {
    java.util.Properties settings = io.pathtrack.guard.kafka.ServiceProducers.settings(environment, "notify-service-redelivery");
    DispatcherEvents events = new DispatcherEvents(new org.apache.kafka.clients.producer.KafkaProducer<>(settings,
        new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer()));
    return new WebhookRedelivery(webhook, log, directory, events, channels.webhook().redelivery(), clock,
        notify.source().toString(), meters);
  }

  /** Before the bindings stop: a redelivery waiting for its letter to be due gives up the wait (it is read again). */
  @Bean
  org.springframework.context.SmartLifecycle webhookRedeliveryStop(WebhookRedelivery redelivery) {
    return new org.springframework.context.SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        running = true;
      }

      @Override
      public void stop() {
        redelivery.stop();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public int getPhase() {
        return Integer.MAX_VALUE;
      }
    };
  }

  @Bean
  Consumer<Message<byte[]>> redeliverWebhooks(WebhookRedelivery redelivery) {
    return message -> {
      Map<String, byte[]> headers = new java.util.LinkedHashMap<>();
      message.getHeaders().forEach((name, value) -> {
        if (name.startsWith("ce_") || name.equals(EventHeaders.CONTENT_TYPE)) {
          byte[] bytes = bytes(value);
          if (bytes != null) {
            headers.put(name, bytes);
          }
        }
      });
      byte[] key = bytes(message.getHeaders().get(KafkaHeaders.RECEIVED_KEY));
      try {
        redelivery.handle(new WebhookRedelivery.Letter(key == null ? null : new String(key, StandardCharsets.UTF_8),
            message.getPayload(), headers));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted: the letter is read again", e);
      }
    };
  }

  private static byte[] bytes(Object value) {
    return value instanceof byte[] b ? b : value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
  }

  @Bean
  Consumer<Message<byte[]>> notificationInbox(NotificationLog log) {
    return message -> log.apply(parse(message));
  }

  @Bean
  Consumer<Message<byte[]>> auditTrail(io.pathtrack.notify.audit.AuditLog audit) {
    return message -> audit.apply(Topics.AUDIT.read(message.getPayload()));
  }

  private static Notification parse(Message<byte[]> message) {
    return NotificationCommunications.fromCommunication(Topics.NOTIFICATIONS.read(message.getPayload()));
  }
}

package io.pathtrack.notify.delivery;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pathtrack.guard.kafka.ServiceProducers;
import io.pathtrack.notify.ChannelProperties;
import io.pathtrack.notify.NotifyProperties;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

/** The delivery channels, built from the service's and the channels' configuration. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

  @Bean
  EmailChannel emailChannel(JavaMailSender mail, NotifyProperties notify, ChannelProperties channels) {
    return new EmailChannel(mail, notify.mailFrom(), notify.linkBase(), channels.lanes().email());
  }

  @Bean
  DispatcherEvents dispatcherEvents(Environment environment) {
    Properties settings = ServiceProducers.settings(environment, "notify-service-dispatcher");
    settings.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    return new DispatcherEvents(new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer()));
  }

  @Bean
  DeliveryLanes deliveryLanes(ChannelProperties channels) {
    return new DeliveryLanes(channels.lanes());
  }

  @Bean
  DeadLetterPublisher deliveryDeadLetters(StreamBridge bridge, NotifyProperties notify, MeterRegistry meters) {
    return new StreamBridgeDeadLetterPublisher(bridge, notify.source().toString(), meters);
  }

  @Bean
  EndpointBreakers endpointBreakers(ChannelProperties channels, Clock clock, MeterRegistry meters) {
    EndpointBreakers breakers = new EndpointBreakers(channels.webhook().breaker(), clock);
    Gauge.builder("pathtrack.webhook.endpoints.unavailable", breakers, EndpointBreakers::unavailable)
        .description("Webhook endpoints not called now because most of their recent calls failed (circuit open or on trial)")
        .register(meters);
    return breakers;
  }

  @Bean
  WebhookChannel webhookChannel(ChannelProperties channels, NotifyProperties notify, DeadLetterPublisher deadLetters,
      Clock clock, EndpointBreakers breakers) {
    return new WebhookChannel(channels.webhook(), notify.linkBase(), deadLetters, clock, breakers);
  }

  @Bean
  FhirCommunicationChannel fhirCommunicationChannel(ChannelProperties channels, NotifyProperties notify, Clock clock) {
    return new FhirCommunicationChannel(channels.fhir(), notify.linkBase(), clock);
  }
}

package io.pathtrack.notify.escalation;

import io.pathtrack.notify.domain.NotificationEngine;
import io.pathtrack.contract.streams.RoutedRecord;
import io.pathtrack.contract.streams.StateStores;
import io.pathtrack.notify.NotifyProperties;
import io.pathtrack.notify.directory.PractitionerDirectory;
import io.pathtrack.notify.domain.NotificationPolicy;
import io.pathtrack.notify.domain.ReportHistory;
import io.pathtrack.notify.report.ReportStore;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Kafka Streams, exactly once: one input bound to the classified-report, specimen, SLA and
 * acknowledgement topics; output 0 to {@link io.pathtrack.contract.Topics#NOTIFICATIONS}, output 1 to {@link io.pathtrack.contract.Topics#AUDIT}.
 * See {@link NotificationProcessor}.
 */
@Configuration
public class NotificationTopology {
  /** Accession → its notifications and the report versions notified. */
  public static final String STATE = "notify-state";
  /** Acknowledgement deadlines: {@code <due millis>|<accession>|<notification id>}. */
  public static final String TIMERS = "notify-timers";
  /** Accession → every classified report version, as the notification page shows it ({@code ReportHistory}). */
  public static final String REPORTS = "notify-reports";

  @Bean
  StoreBuilder<KeyValueStore<String, StoredNotifications>> notifyStateStore() {
    return StateStores.persistent(STATE, StoredNotifications.SERDE);
  }

  @Bean
  StoreBuilder<KeyValueStore<String, String>> notifyTimerStore() {
    return StateStores.dueIndex(TIMERS);
  }

  @Bean
  StoreBuilder<KeyValueStore<String, ReportHistory>> notifyReportStore() {
    return StateStores.persistent(REPORTS, ReportStore.SERDE);
  }

  /** How the engine's input is read (the binder picks the serde by the stream's value type). */
  @Bean
  Serde<EngineInput> engineInputSerde() {
    return EngineInput.serde();
  }

  @Bean
  PractitionerDirectory practitionerDirectory(NotifyProperties properties) throws IOException {
    try (InputStream in = new DefaultResourceLoader().getResource(properties.directory()).getInputStream()) {
      return PractitionerDirectory.read(in, properties.zone());
    }
  }

  @Bean
  NotificationPolicy notificationPolicy(NotifyProperties properties) {
    return new NotificationPolicy(properties.policy(), properties.acknowledgeWithin(), properties.workingDays());
  }

  @Bean
  NotificationEngine notificationEngine(NotificationPolicy policy, PractitionerDirectory directory) {
    return new NotificationEngine(policy, directory);
  }

  @Bean
  @SuppressWarnings("unchecked")
  public Function<KStream<String, EngineInput>, KStream<String, String>[]> notificationEngineStream(
      NotificationEngine engine, Clock clock, NotifyProperties properties) {
    String source = properties.source().toString();
    return events -> {
      Map<String, KStream<String, RoutedRecord<String>>> out = events
          .process(() -> new NotificationProcessor(engine, clock, properties.sweepInterval(), source),
              Named.as("notification-engine"), STATE, TIMERS, REPORTS)
          .split(Named.as("notify-"))
          .branch((k, r) -> r.output() == NotificationProcessor.NOTIFICATIONS, Branched.as("notifications"))
          .defaultBranch(Branched.as("audit"));
      return new KStream[] {
          out.get("notify-notifications").processValues(RoutedRecord.Unwrap::new),
          out.get("notify-audit").processValues(RoutedRecord.Unwrap::new)};
    };
  }
}

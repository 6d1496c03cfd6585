package io.pathtrack.results.pipeline;

import io.pathtrack.contract.serde.JsonSerde;
import io.pathtrack.contract.streams.RoutedRecord;
import io.pathtrack.contract.streams.StateStores;
import io.pathtrack.results.amendment.ReportHistory;
import io.pathtrack.results.ResultsProperties;
import io.pathtrack.results.ingest.PublishLimits;
import io.pathtrack.results.ingest.ReportIntake;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Kafka Streams, exactly once: every inbound record, whichever channel wrote it to
 * {@link io.pathtrack.contract.Topics#REPORTS_INBOUND}, is read, checked and classified ({@link IntakeStep}); rejected
 * records go to the dead-letter topic (output 1) with their reason; accepted report versions are
 * re-keyed by accession and compared with the accession's history ({@link HistoryStep}), so a
 * duplicate is dropped and an amendment says what it replaces; the rest go to
 * {@link io.pathtrack.contract.Topics#REPORTS_CLASSIFIED} (output 0).
 */
@Configuration
public class ReportPipelineTopology {
  /** Accession → the report versions accepted for it. */
  public static final String HISTORY_STORE = "report-history";
  /** How the history store keeps an accession's versions: JSON. */
  static final Serde<ReportHistory> HISTORY = JsonSerde.of(ReportHistory.class);

  @Bean
  StoreBuilder<KeyValueStore<String, ReportHistory>> reportHistoryStore() {
    return StateStores.persistent(HISTORY_STORE, HISTORY);
  }

  @Bean
  @SuppressWarnings("unchecked")
  public Function<KStream<String, byte[]>, KStream<String, byte[]>[]> reportPipeline(
      ReportIntake intake, ReportMetrics metrics, Clock clock, ResultsProperties properties, PublishLimits limits) {
    String source = properties.source().toString();
    return inbound -> {
      Map<String, KStream<String, RoutedRecord<byte[]>>> branches = inbound
          .process(() -> new IntakeStep(intake, metrics, clock, source, limits.deadLetterBytes()), Named.as("intake"))
          .split(Named.as("report-"))
          .branch((key, routed) -> routed.output() == IntakeStep.CLASSIFIED, Branched.as("accepted"))
          .defaultBranch(Branched.as("rejected"));
      KStream<String, byte[]> classified = branches.get("report-accepted")
          .processValues(RoutedRecord.Unwrap::new)
          .repartition(Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName("reports-by-accession"))
          .process(() -> new HistoryStep(metrics), Named.as("history"), HISTORY_STORE);
      KStream<String, byte[]> deadLetters = branches.get("report-rejected").processValues(RoutedRecord.Unwrap::new);
      return new KStream[] {classified, deadLetters};
    };
  }
}

package io.pathtrack.notify.report;

import io.pathtrack.contract.serde.JsonSerde;
import io.pathtrack.notify.domain.ReportHistory;
import io.pathtrack.notify.escalation.NotificationTopology;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/** The reports the engine kept, per accession ({@link NotificationTopology#REPORTS}), read through interactive queries. */
@Component
public class ReportStore {
  /** How the engine keeps a history in its store: JSON. */
  public static final Serde<ReportHistory> SERDE = JsonSerde.of(ReportHistory.class);
  private final InteractiveQueryService queries;

  public ReportStore(InteractiveQueryService queries) {
    this.queries = queries;
  }

  /** Empty when nothing was kept for the accession, or while the state is being restored after a start. */
  public Optional<ReportHistory> history(String accession) {
    try {
      return Optional.ofNullable(store().get(accession));
    } catch (InvalidStateStoreException e) {
      return Optional.empty();
    }
  }

  private ReadOnlyKeyValueStore<String, ReportHistory> store() {
    return queries.getQueryableStore(NotificationTopology.REPORTS, QueryableStoreTypes.keyValueStore());
  }
}

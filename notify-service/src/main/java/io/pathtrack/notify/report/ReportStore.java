package io.pathtrack.notify.report;

import io.pathtrack.notify.domain.ReportHistory;
import io.pathtrack.notify.escalation.NotificationTopology;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The reports the engine kept, per accession ({@link NotificationTopology#REPORTS}), read through interactive queries. */
@Component
public class ReportStore {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final InteractiveQueryService queries;

  public ReportStore(InteractiveQueryService queries) {
    this.queries = queries;
  }

  /** Empty when nothing was kept for the accession, or while the state is being restored after a start. */
  public Optional<ReportHistory> history(String accession) {
    try {
      return Optional.ofNullable(store().get(accession)).map(ReportStore::parse);
    } catch (InvalidStateStoreException e) {
      return Optional.empty();
    }
  }

  public static ReportHistory parse(String json) {
    return JSON.readValue(json, ReportHistory.class);
  }

  public static String json(ReportHistory history) {
    return JSON.writeValueAsString(history);
  }

  private ReadOnlyKeyValueStore<String, String> store() {
    return queries.getQueryableStore(NotificationTopology.REPORTS, QueryableStoreTypes.keyValueStore());
  }
}

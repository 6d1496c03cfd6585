package io.pathtrack.specimen.registration;

import io.pathtrack.specimen.lifecycle.SpecimenTopology;
import io.pathtrack.specimen.domain.SpecimenRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/** Reads specimen records from the Kafka Streams state of this instance. */
@Component
public class SpecimenStore {
  private final InteractiveQueryService queries;

  public SpecimenStore(InteractiveQueryService queries) {
    this.queries = queries;
  }

  public Optional<SpecimenRecord> find(String accession) {
    return Optional.ofNullable(store().get(accession));
  }

  /** Every record that matches; a full scan, for searches and listings, never for timers. */
  public List<SpecimenRecord> where(Predicate<SpecimenRecord> filter) {
    List<SpecimenRecord> out = new ArrayList<>();
    try (KeyValueIterator<String, SpecimenRecord> all = store().all()) {
      all.forEachRemaining(kv -> {
        if (filter.test(kv.value)) {
          out.add(kv.value);
        }
      });
    }
    return out;
  }

  private ReadOnlyKeyValueStore<String, SpecimenRecord> store() {
    try {
      return queries.getQueryableStore(SpecimenTopology.RECORDS, QueryableStoreTypes.keyValueStore());
    } catch (InvalidStateStoreException e) {
      throw new NotReady(e);
    }
  }

  /** The state is being restored or rebalanced: the caller should try again shortly (HTTP 503). */
  public static class NotReady extends RuntimeException {
    NotReady(Throwable cause) {
      super("specimen state is not ready yet (starting or rebalancing); retry shortly", cause);
    }
  }
}

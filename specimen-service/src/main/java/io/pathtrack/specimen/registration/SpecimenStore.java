package io.pathtrack.specimen.registration;

import io.pathtrack.contract.SpecimenOrders;
import io.pathtrack.specimen.lifecycle.SpecimenReportingTopology;
import java.util.Optional;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.hl7.fhir.r4.model.Specimen;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.stereotype.Component;

/** Reads the latest state of a specimen from the Kafka Streams specimen table. */
@Component
public class SpecimenStore {
  private final InteractiveQueryService queries;

  public SpecimenStore(InteractiveQueryService queries) {
    this.queries = queries;
  }

  public Optional<Specimen> find(String accession) {
    ReadOnlyKeyValueStore<String, String> store =
        queries.getQueryableStore(SpecimenReportingTopology.STORE, QueryableStoreTypes.keyValueStore());
    return Optional.ofNullable(store.get(accession)).map(SpecimenOrders::parse);
  }
}

package io.pathtrack.specimen.registration;

import io.pathtrack.guard.streams.KeyedState;
import io.pathtrack.guard.streams.PeerStates;
import io.pathtrack.specimen.domain.SpecimenRecord;
import io.pathtrack.specimen.lifecycle.SpecimenRecords;
import io.pathtrack.specimen.lifecycle.SpecimenTopology;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Reads specimen records from the Kafka Streams state of the instances of this service: a record from the instance
 * that owns its accession (or a standby replica when that one does not answer), a listing from all of them
 * ({@link KeyedState}). With one instance, from this one's state.
 */
@Component
public class SpecimenStore {
  /** Where each instance answers the others for the records it holds (system scope only). */
  public static final String PEER_PATH = "/internal/state/specimens";

  private final KeyedState<SpecimenRecord> records;

  public SpecimenStore(PeerStates peers) {
    this.records = peers.keyValueStore(SpecimenTopology.RECORDS, PEER_PATH, SpecimenRecords.SERDE);
  }

  public Optional<SpecimenRecord> find(String accession) {
    try {
      return records.find(accession);
    } catch (KeyedState.NotReady e) {
      throw new NotReady(e);
    }
  }

  /** Every record that matches; a full scan of every instance's records, for searches and listings, never for timers. */
  public List<SpecimenRecord> where(Predicate<SpecimenRecord> filter) {
    try {
      return records.all().stream().filter(filter).toList();
    } catch (KeyedState.NotReady e) {
      throw new NotReady(e);
    }
  }

  /** The records as other instances of this service ask for them. */
  public KeyedState<SpecimenRecord> shared() {
    return records;
  }

  /** The state is being restored or rebalanced: the caller should try again shortly (HTTP 503). */
  public static class NotReady extends RuntimeException {
    NotReady(KeyedState.NotReady cause) {
      super("specimen state: " + cause.getMessage(), cause);
    }
  }
}

package io.pathtrack.notify.report;

import io.pathtrack.contract.serde.JsonSerde;
import io.pathtrack.guard.streams.KeyedState;
import io.pathtrack.guard.streams.PeerStates;
import io.pathtrack.notify.domain.ReportHistory;
import io.pathtrack.notify.escalation.NotificationTopology;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.springframework.stereotype.Component;

/**
 * The reports the engine kept, per accession ({@link NotificationTopology#REPORTS}), read from the instance of this
 * service that holds the accession (or a standby replica when it does not answer; {@link KeyedState}).
 */
@Component
public class ReportStore {
  /** How the engine keeps a history in its store: JSON. */
  public static final Serde<ReportHistory> SERDE = JsonSerde.of(ReportHistory.class);
  /** Where each instance answers the others for the histories it holds (system scope only). */
  public static final String PEER_PATH = "/internal/state/reports";

  private final KeyedState<ReportHistory> histories;

  public ReportStore(PeerStates peers) {
    this.histories = peers.keyValueStore(NotificationTopology.REPORTS, PEER_PATH, SERDE);
  }

  /** Empty when nothing was kept for the accession, or while the state cannot be read (starting, rebalancing). */
  public Optional<ReportHistory> history(String accession) {
    try {
      return histories.find(accession);
    } catch (KeyedState.NotReady e) {
      return Optional.empty();
    }
  }

  /** The histories as other instances of this service ask for them. */
  public KeyedState<ReportHistory> shared() {
    return histories;
  }
}

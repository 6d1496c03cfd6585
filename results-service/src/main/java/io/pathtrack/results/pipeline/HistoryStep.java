package io.pathtrack.results.pipeline;

import static io.pathtrack.contract.EventHeaders.bytes;

import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.Outcome;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.results.amendment.ReportHistory;
import io.pathtrack.results.amendment.ReportHistory.Decision;
import io.pathtrack.results.amendment.ReportVersion;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Relates an accepted report version to what was accepted before for its accession: drops a
 * duplicate, marks an amendment with the version it replaces and the outcome before, turns
 * {@code entered-in-error} into a retraction, and remembers the version.
 */
final class HistoryStep extends ContextualProcessor<String, byte[], String, byte[]> {
  private final ReportMetrics metrics;
  private KeyValueStore<String, ReportHistory> store;

  HistoryStep(ReportMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    super.init(context);
    store = context.getStateStore(ReportPipelineTopology.HISTORY_STORE);
  }

  @Override
  public void process(Record<String, byte[]> record) {
    Headers headers = record.headers();
    ReportVersion incoming = new ReportVersion(
        header(headers, EventHeaders.REPORT_ID),
        header(headers, EventHeaders.REPORT_VERSION),
        header(headers, EventHeaders.REPORT_STATUS),
        header(headers, EventHeaders.CONTENT_HASH),
        Outcome.fromCode(header(headers, EventHeaders.OUTCOME)).orElse(Outcome.ATYPICAL));
    ReportHistory stored = store.get(record.key());
    ReportHistory history = stored == null ? ReportHistory.empty() : stored;
    Decision decision = history.decide(incoming);
    if (decision instanceof Decision.Duplicate) {
      metrics.duplicate(header(headers, EventHeaders.CHANNEL));
      return;
    }
    if (decision instanceof Decision.Replaces replaces) {
      ReportVersion earlier = replaces.earlier();
      headers.add(EventHeaders.REPLACES_VERSION, bytes(earlier.version()));
      headers.add(EventHeaders.PREVIOUS_OUTCOME, bytes(earlier.outcome().code()));
      headers.add(EventHeaders.OUTCOME_CHANGED, bytes(String.valueOf(earlier.outcome() != incoming.outcome())));
    }
    if (incoming.isRetraction()) {
      headers.remove(EventHeaders.TYPE);
      headers.add(EventHeaders.TYPE, bytes(EventTypes.REPORT_RETRACTED));
    }
    store.put(record.key(), history.with(incoming));
    String procedure = header(headers, EventHeaders.PROCEDURE_TYPE);
    metrics.classified(incoming.outcome().code(), procedure == null ? ProcedureType.UNMAPPED.code() : procedure);
    context().forward(record.withHeaders(headers));
  }

  private static String header(Headers headers, String name) {
    String value = EventHeaders.last(headers, name);
    return value == null ? "" : value;
  }

}

package io.pathtrack.contract.streams;

import io.pathtrack.contract.EventHeaders;
import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * A stream processor of accession-keyed events that keeps state, sweeps its due timers on the wall clock, and routes
 * what it emits to numbered outputs ({@link RoutedRecord}). What every such processor does the same way is here:
 * each record must have a key and a {@code ce_type} ({@link RecordRefusedException} otherwise, which the stream's
 * exception handler dead-letters with the reason while the stream goes on); what is forwarded carries the time of
 * the record or of the sweep that caused it.
 *
 * @param <V> what the processor reads: its input topics' values, as their serdes read them
 */
public abstract class RoutingProcessor<V> extends ContextualProcessor<String, V, String, RoutedRecord<String>> {
  private final Duration sweepInterval;
  private long causeTime;

  protected RoutingProcessor(Duration sweepInterval) {
    this.sweepInterval = sweepInterval;
  }

  @Override
  public final void init(ProcessorContext<String, RoutedRecord<String>> context) {
    super.init(context);
    open(context);
    context.schedule(sweepInterval, PunctuationType.WALL_CLOCK_TIME, wallClock -> {
      causeTime = wallClock;
      sweep();
    });
  }

  @Override
  public final void process(Record<String, V> record) {
    causeTime = record.timestamp();
    String type = EventHeaders.last(record.headers(), EventHeaders.TYPE);
    RecordRefusedException.requireRoutable(record.key(), type, EventHeaders.TYPE);
    apply(record, type);
  }

  /** Takes the state stores the processor uses (called once, before any record). */
  protected abstract void open(ProcessorContext<String, RoutedRecord<String>> context);

  /** Applies one event of this type (never null) to the state of its accession (its key, never null). */
  protected abstract void apply(Record<String, V> record, String type);

  /** Fires what has fallen due (on the wall clock, every sweep interval). */
  protected abstract void sweep();

  /** The timestamp for what is forwarded now: the record's being processed, or the sweep's. */
  protected final long causeTime() {
    return causeTime;
  }
}

package io.pathtrack.specimen.sla;

import io.pathtrack.specimen.domain.SlaEvent;
import io.pathtrack.specimen.domain.SlaState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pathtrack.contract.ProcedureType;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * What lab managers report: turnaround per procedure type (a histogram, hours), the share reported
 * within target per procedure type (compliance), and how many specimens are open and overdue now.
 */
@Component
public class SlaMetrics {
  private final MeterRegistry meters;
  private final AtomicLong open = new AtomicLong();
  private final AtomicLong overdue = new AtomicLong();
  private final Map<ProcedureType, Counter> met = new EnumMap<>(ProcedureType.class);
  private final Map<ProcedureType, Counter> late = new EnumMap<>(ProcedureType.class);

  public SlaMetrics(MeterRegistry meters) {
    this.meters = meters;
    Gauge.builder("pathtrack.specimens.open", open, AtomicLong::get)
        .description("Specimens whose turnaround clock is running").register(meters);
    Gauge.builder("pathtrack.specimens.overdue", overdue, AtomicLong::get)
        .description("Specimens past their turnaround target without a final report").register(meters);
    for (ProcedureType type : ProcedureType.values()) {
      Counter m = Counter.builder("pathtrack.turnaround.reports").tag("procedure", type.code()).tag("sla", "met").register(meters);
      Counter l = Counter.builder("pathtrack.turnaround.reports").tag("procedure", type.code()).tag("sla", "late").register(meters);
      met.put(type, m);
      late.put(type, l);
      Gauge.builder("pathtrack.turnaround.compliance", () -> share(m.count(), l.count()))
          .tag("procedure", type.code())
          .description("Share of final reports within target").register(meters);
    }
  }

  private static double share(double met, double late) {
    return met + late == 0 ? Double.NaN : met / (met + late);
  }

  /** Keeps the open and overdue gauges in step with a record's change of SLA state. */
  public void transition(SlaState from, SlaState to) {
    if (from == to) {
      return;
    }
    if (!from.isOpen() && to.isOpen()) {
      open.incrementAndGet();
    } else if (from.isOpen() && !to.isOpen()) {
      open.decrementAndGet();
    }
    if (to == SlaState.BREACHED) {
      overdue.incrementAndGet();
    } else if (from == SlaState.BREACHED) {
      overdue.decrementAndGet();
    }
  }

  /** Counts a record found in the store at start-up. */
  public void restored(SlaState state) {
    transition(SlaState.NOT_STARTED, state);
  }

  /** Counts a final report's radiology-pathology concordance ({@code pathtrack_concordance_total{state}}). */
  public void concordance(io.pathtrack.contract.Concordance assessed) {
    Counter.builder("pathtrack.concordance").tag("state", assessed.state().code())
        .description("Final reports by radiology-pathology concordance").register(meters).increment();
    if (assessed.outcome() == io.pathtrack.contract.Outcome.BENIGN
        && assessed.calcifications() == io.pathtrack.contract.Concordance.Calcifications.NOT_CONFIRMED) {
      Counter.builder("pathtrack.concordance.calcifications.unconfirmed")
          .description("Benign reports for a calcification target that do not confirm calcifications").register(meters)
          .increment();
    }
  }

  public void reported(ProcedureType type, SlaEvent event) {
    (event.kind() == SlaEvent.Kind.MET ? met : late).get(type).increment();
    event.turnaround().ifPresent(t -> DistributionSummary.builder("pathtrack.turnaround.hours")
        .tag("procedure", type.code())
        .baseUnit("hours")
        .publishPercentileHistogram()
        .serviceLevelObjectives(24, 48, 72, 120)
        .register(meters)
        .record(t.toMinutes() / 60.0));
  }
}

package io.pathtrack.specimen.pages;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.specimen.domain.TurnaroundCompliance;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.specimen.domain.SlaPlan;
import io.pathtrack.specimen.domain.SlaState;
import io.pathtrack.specimen.domain.SpecimenPriority;
import io.pathtrack.specimen.domain.SpecimenRecord;
import io.pathtrack.specimen.domain.TimelineEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnaroundComplianceTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @Test
  void sharesWithinTargetCountTheLastSevenAndThirtyDaysPerProcedure() {
    TurnaroundCompliance c = TurnaroundCompliance.of(List.of(
        reported("A", ProcedureType.FINE_NEEDLE_ASPIRATION, NOW.minus(Duration.ofDays(2)), Duration.ofHours(20), true),
        reported("B", ProcedureType.FINE_NEEDLE_ASPIRATION, NOW.minus(Duration.ofDays(10)), Duration.ofHours(60), false),
        reported("C", ProcedureType.FINE_NEEDLE_ASPIRATION, NOW.minus(Duration.ofDays(40)), Duration.ofHours(30), true),
        reported("D", ProcedureType.CT_BONE, NOW.minus(Duration.ofDays(1)), Duration.ofHours(130), false),
        open("E", ProcedureType.UNMAPPED, SlaState.BREACHED, NOW.minus(Duration.ofHours(1)))), NOW);

    assertThat(c.procedures()).extracting(p -> p.procedure()).containsExactly(ProcedureType.FINE_NEEDLE_ASPIRATION,
        ProcedureType.CT_BONE);
    TurnaroundCompliance.ProcedureCompliance fna = c.procedures().get(0);
    assertThat(fna.week().text()).isEqualTo("100 % (1 of 1)");
    assertThat(fna.month().text()).isEqualTo("50 % (1 of 2)");
    assertThat(fna.bands()).containsExactly(1, 0, 1, 0, 0);
    assertThat(c.procedures().get(1).week().text()).isEqualTo("0 % (0 of 1)");
    assertThat(c.procedures().get(1).bands()).containsExactly(0, 0, 0, 0, 1);
    assertThat(c.late()).extracting(l -> l.record().accession()).containsExactly("D", "B");
    assertThat(c.unmapped()).extracting(SpecimenRecord::accession).containsExactly("E");
  }

  @Test
  void theChartDrawsEveryProcedureOnOneScaleAndSaysItsNumbersInWords() {
    TurnaroundCompliance c = TurnaroundCompliance.of(List.of(
        reported("A", ProcedureType.FINE_NEEDLE_ASPIRATION, NOW.minus(Duration.ofDays(2)), Duration.ofHours(20), true),
        reported("B", ProcedureType.FINE_NEEDLE_ASPIRATION, NOW.minus(Duration.ofDays(3)), Duration.ofHours(21), true),
        reported("D", ProcedureType.CT_BONE, NOW.minus(Duration.ofDays(1)), Duration.ofHours(130), false)), NOW);
    TurnaroundChart chart = TurnaroundChart.of(c);

    TurnaroundChart.Bar fnaFirst = chart.panels().get(0).bars().get(0);
    TurnaroundChart.Bar boneLast = chart.panels().get(1).bars().get(4);
    assertThat(fnaFirst.height()).isEqualTo(TurnaroundChart.PLOT_HEIGHT);
    assertThat(boneLast.height()).isEqualTo(TurnaroundChart.PLOT_HEIGHT / 2);
    assertThat(fnaFirst.y() + fnaFirst.height()).isEqualTo(TurnaroundChart.BASELINE);
    assertThat(chart.panels().get(0).description()).contains("under 24 h: 2").contains("over 120 h: 0");
  }

  @Test
  void theBoardPutsBreachedSpecimensFirstThenTheLeastTimeLeft() {
    ZoneId zone = ZoneId.of("Europe/London");
    List<BoardRow> rows = List.of(
            open("ON-TRACK", ProcedureType.FINE_NEEDLE_ASPIRATION, SlaState.ON_TRACK, NOW.plus(Duration.ofDays(1))),
            open("LONG-OVERDUE", ProcedureType.CT_BONE, SlaState.BREACHED, NOW.minus(Duration.ofDays(2))),
            open("WARNING", ProcedureType.US_CORE_NEEDLE, SlaState.WARNING, NOW.plus(Duration.ofHours(2))),
            open("JUST-OVERDUE", ProcedureType.CT_BONE, SlaState.BREACHED, NOW.minus(Duration.ofMinutes(5))))
        .stream().map(r -> BoardRow.of(r, NOW, zone)).sorted(BoardRow.ORDER).toList();

    assertThat(rows).extracting(BoardRow::accession).containsExactly("LONG-OVERDUE", "JUST-OVERDUE", "WARNING", "ON-TRACK");
    assertThat(rows.get(0).stateText()).isEqualTo("Breached");
    assertThat(rows.get(0).timeLeftText()).isEqualTo("overdue by 2 d 0 h");
    assertThat(rows.get(2).timeLeftText()).isEqualTo("2 h 0 min left");
    assertThat(rows.get(0).receivedText()).isEqualTo("Mon 23 Nov 2026 10:00");
  }

  private static SpecimenRecord reported(String accession, ProcedureType procedure, Instant reportedAt, Duration took,
      boolean met) {
    SlaPlan plan = new SlaPlan(reportedAt.minus(took), reportedAt.minus(took).plus(Duration.ofHours(18)),
        met ? reportedAt.plus(Duration.ofHours(1)) : reportedAt.minus(Duration.ofHours(1)), "2d");
    return new SpecimenRecord(accession, specimenJson(accession), "reported", procedure, false, SpecimenPriority.ROUTINE,
        "Practitioner/dr-lee", false, plan, met ? SlaState.MET : SlaState.LATE,
        List.of(new TimelineEntry(reportedAt, met ? "sla-met" : "sla-late", "turnaround")), 3);
  }

  private static SpecimenRecord open(String accession, ProcedureType procedure, SlaState state, Instant due) {
    SlaPlan plan = new SlaPlan(due.minus(Duration.ofDays(2)), due.minus(Duration.ofHours(12)), due, "2d");
    return new SpecimenRecord(accession, specimenJson(accession), "received", procedure, procedure == ProcedureType.UNMAPPED,
        SpecimenPriority.ROUTINE, "Practitioner/dr-lee", false, plan, state, List.of(), 1);
  }

  private static String specimenJson(String accession) {
    return "{\"resourceType\":\"Specimen\",\"id\":\"" + accession + "\",\"receivedTime\":\"2026-11-23T10:00:00Z\"}";
  }
}

package io.pathtrack.specimen;

import static io.pathtrack.testsupport.PathologyFixtures.specimen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pathtrack.contract.EventTypes;
import io.pathtrack.contract.ProcedureType;
import io.pathtrack.testsupport.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SLA timers live in Kafka Streams state: a timer set before a restart fires after it. */
class SpecimenServiceRestartTest {

  @Test
  void timerSetBeforeARestartFiresAfterIt(@TempDir Path state) {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    Instant warningAt;
    try (SpecimenServiceHarness first = new SpecimenServiceHarness(clock, state).start()) {
      first.register(specimen("SP-RST-1").procedure(ProcedureType.FINE_NEEDLE_ASPIRATION).received(clock.instant()).build());
      Map<String, Object> plan = first.awaitView("SP-RST-1", v -> v.get("warningAt") != null);
      warningAt = Instant.parse((String) plan.get("warningAt"));
    }
    clock.set(warningAt.plusSeconds(1));
    try (SpecimenServiceHarness second = new SpecimenServiceHarness(clock, state).start()) {
      await().atMost(Duration.ofSeconds(60)).until(() -> second.slaTypes("SP-RST-1").contains(EventTypes.SLA_WARNING));
      assertThat(second.awaitView("SP-RST-1", v -> "warning".equals(v.get("sla")))).containsEntry("lifecycle", "received");
    }
  }
}

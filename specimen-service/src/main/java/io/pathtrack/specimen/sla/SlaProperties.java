package io.pathtrack.specimen.sla;

import io.pathtrack.specimen.domain.ClockStart;
import io.pathtrack.specimen.domain.SlaRule;
import io.pathtrack.specimen.domain.SpecimenPriority;
import io.pathtrack.specimen.domain.TurnaroundPolicy;
import io.pathtrack.specimen.domain.TurnaroundTarget;
import io.pathtrack.contract.WorkingDayCalendar;
import io.pathtrack.contract.ProcedureType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The turnaround policy and site calendar ({@code pathtrack.specimen.sla.*} in specimen-service.yaml).
 *
 * @param procedures by procedure-type code ({@code fna}, {@code us-core}, …); any left out keeps its default
 * @param snomed SNOMED CT procedure code → procedure-type code, for orders coded in SNOMED CT
 * @param sweepInterval how often the due timers are looked at (wall clock)
 */
@ConfigurationProperties("pathtrack.specimen.sla")
public record SlaProperties(
    @DefaultValue Calendar calendar,
    @DefaultValue Rule defaults,
    @DefaultValue Map<String, Rule> procedures,
    @DefaultValue Map<String, String> snomed,
    @DefaultValue("5s") Duration sweepInterval) {

  /** The site calendar. */
  public record Calendar(
      @DefaultValue("UTC") ZoneId zone,
      @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> workingDays,
      @DefaultValue List<LocalDate> holidays,
      @DefaultValue("17:00") LocalTime cutOff,
      @DefaultValue("08:00") LocalTime dayStart) {

    public WorkingDayCalendar toCalendar() {
      return new WorkingDayCalendar(zone, workingDays, Set.copyOf(holidays), cutOff, dayStart);
    }
  }

  /**
   * A rule: {@code target} like 2d (working days) or 36h; {@code priorities} override the target for
   * urgent or stat orders. Unset fields fall back to {@link #defaults()}.
   */
  public record Rule(String target, ClockStart clockStart, Double warningShare, @DefaultValue Map<String, String> priorities) {}

  public TurnaroundPolicy toPolicy() {
    TurnaroundPolicy base = TurnaroundPolicy.defaults();
    SlaRule fallback = merge(base.rule(ProcedureType.UNMAPPED, SpecimenPriority.ROUTINE), defaults);
    Map<ProcedureType, Map<SpecimenPriority, SlaRule>> rules = new EnumMap<>(ProcedureType.class);
    for (ProcedureType type : ProcedureType.values()) {
      SlaRule routine = merge(base.rule(type, SpecimenPriority.ROUTINE), defaults.clockStart() == null && defaults.warningShare() == null
          ? null : new Rule(null, defaults.clockStart(), defaults.warningShare(), Map.of()));
      Rule configured = procedures.get(type.code());
      routine = merge(routine, configured);
      Map<SpecimenPriority, SlaRule> byPriority = new HashMap<>();
      byPriority.put(SpecimenPriority.ROUTINE, routine);
      if (configured != null) {
        for (Map.Entry<String, String> p : configured.priorities().entrySet()) {
          byPriority.put(SpecimenPriority.valueOf(p.getKey().toUpperCase(java.util.Locale.ROOT)),
              new SlaRule(TurnaroundTarget.parse(p.getValue()), routine.clockStart(), routine.warningShare()));
        }
      }
      rules.put(type, byPriority);
    }
    return new TurnaroundPolicy(rules, fallback);
  }

  public Map<String, ProcedureType> snomedMap() {
    Map<String, ProcedureType> map = new HashMap<>();
    snomed.forEach((code, type) -> map.put(code, ProcedureType.fromCode(type)
        .orElseThrow(() -> new IllegalArgumentException("unknown procedure type " + type + " for SNOMED CT " + code))));
    return map;
  }

  private static SlaRule merge(SlaRule base, Rule override) {
    if (override == null) {
      return base;
    }
    return new SlaRule(
        override.target() == null ? base.target() : TurnaroundTarget.parse(override.target()),
        override.clockStart() == null ? base.clockStart() : override.clockStart(),
        override.warningShare() == null ? base.warningShare() : override.warningShare());
  }
}

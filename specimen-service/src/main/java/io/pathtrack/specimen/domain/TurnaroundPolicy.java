package io.pathtrack.specimen.domain;

import io.pathtrack.contract.ProcedureType;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turnaround rules by procedure type and priority (docs/architecture.md §5). Defaults: fine-needle aspiration,
 * ultrasound-guided core, stereotactic and 3-D stereotactic vacuum-assisted and MRI-guided biopsies 2
 * working days; CT-guided lung or soft-tissue core 3; CT-guided bone (decalcification) 5; anything
 * else 5, flagged as unmapped. All from receipt in the lab, warning at 75 %.
 */
public final class TurnaroundPolicy {
  private final Map<ProcedureType, Map<SpecimenPriority, SlaRule>> rules = new EnumMap<>(ProcedureType.class);
  private final SlaRule fallback;

  public TurnaroundPolicy(Map<ProcedureType, Map<SpecimenPriority, SlaRule>> rules, SlaRule fallback) {
    rules.forEach((type, byPriority) -> this.rules.put(type, Map.copyOf(byPriority)));
    this.fallback = fallback;
  }

  public static TurnaroundPolicy defaults() {
    Map<ProcedureType, Map<SpecimenPriority, SlaRule>> rules = new EnumMap<>(ProcedureType.class);
    for (ProcedureType type : ProcedureType.values()) {
      int days = switch (type) {
        case FINE_NEEDLE_ASPIRATION, US_CORE_NEEDLE, STEREOTACTIC_VACUUM, STEREOTACTIC_3D_VACUUM, MRI_GUIDED -> 2;
        case CT_LUNG_SOFT_TISSUE -> 3;
        case CT_BONE, SURGICAL_EXCISION, UNMAPPED -> 5;
      };
      rules.put(type, Map.of(SpecimenPriority.ROUTINE,
          new SlaRule(TurnaroundTarget.workingDays(days), ClockStart.RECEIVED, 0.75)));
    }
    return new TurnaroundPolicy(rules, new SlaRule(TurnaroundTarget.workingDays(5), ClockStart.RECEIVED, 0.75));
  }

  /** The rule for a procedure and priority: the priority's override, else the procedure's routine rule. */
  public SlaRule rule(ProcedureType type, SpecimenPriority priority) {
    Map<SpecimenPriority, SlaRule> byPriority = rules.get(type);
    if (byPriority == null) {
      return fallback;
    }
    SlaRule rule = byPriority.get(priority);
    if (rule == null) {
      rule = byPriority.get(SpecimenPriority.ROUTINE);
    }
    return rule == null ? fallback : rule;
  }
}

package io.pathtrack.specimen.domain;

/**
 * The turnaround rule of one procedure type and priority.
 *
 * @param warningShare the share of the budget after which a warning fires (0.75 by default)
 */
public record SlaRule(TurnaroundTarget target, ClockStart clockStart, double warningShare) {

  public SlaRule {
    if (warningShare <= 0 || warningShare >= 1) {
      throw new IllegalArgumentException("warning share must be between 0 and 1: " + warningShare);
    }
  }
}

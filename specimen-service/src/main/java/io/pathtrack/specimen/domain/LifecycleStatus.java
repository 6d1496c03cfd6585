package io.pathtrack.specimen.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a specimen is between order and final report; carried in the lifecycle-status extension of the
 * Specimen and in the {@code ce_lifecyclestatus} header of specimen events.
 */
public enum LifecycleStatus {
  ORDERED("ordered"),
  COLLECTED("collected"),
  RECEIVED("received"),
  IN_PROCESS("in-process"),
  REPORTED("reported"),
  AMENDED("amended"),
  CANCELLED("cancelled"),
  REJECTED("rejected");

  private final String code;

  LifecycleStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public boolean isClosed() {
    return this == CANCELLED || this == REJECTED;
  }

  /** Reported, or amended since: a final report arrived. Only reports move a specimen here. */
  public boolean isReported() {
    return this == REPORTED || this == AMENDED;
  }

  /** Whether a lifecycle event may leave a specimen that is in this state in {@code to}: it stays, or moves as {@link #next} allows. */
  public boolean allows(LifecycleStatus to) {
    return to == this || next().contains(to);
  }

  /** The moves a lab may make over REST; reports move specimens to reported and amended themselves. */
  public Set<LifecycleStatus> next() {
    return switch (this) {
      case ORDERED -> EnumSet.of(COLLECTED, RECEIVED, CANCELLED, REJECTED);
      case COLLECTED -> EnumSet.of(RECEIVED, CANCELLED, REJECTED);
      case RECEIVED -> EnumSet.of(IN_PROCESS, CANCELLED, REJECTED);
      case IN_PROCESS -> EnumSet.of(CANCELLED, REJECTED);
      case REPORTED, AMENDED -> EnumSet.noneOf(LifecycleStatus.class);
      case CANCELLED, REJECTED -> EnumSet.noneOf(LifecycleStatus.class);
    };
  }

  public static Optional<LifecycleStatus> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}

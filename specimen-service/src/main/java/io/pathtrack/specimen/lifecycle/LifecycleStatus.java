package io.pathtrack.specimen.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/** Where a specimen is between order and final report; carried in the lifecycle-status extension. */
public enum LifecycleStatus {
  ORDERED("ordered"),
  RECEIVED("received"),
  REPORTED("reported");

  private final String code;

  LifecycleStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<LifecycleStatus> fromCode(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}

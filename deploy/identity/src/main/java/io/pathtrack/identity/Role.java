package io.pathtrack.identity;

import java.util.Arrays;
import java.util.Optional;

/** What a person does in PathTrack; carried in the {@code roles} claim of their tokens. */
public enum Role {
  PHYSICIAN("physician"),
  RESULTS_DESK("results-desk"),
  LAB_MANAGER("lab-manager");

  private static final String AUTHORITY_PREFIX = "ROLE_";
  private final String claimValue;

  Role(String claimValue) {
    this.claimValue = claimValue;
  }

  /** The name in the {@code roles} claim, e.g. {@code lab-manager}. */
  public String claimValue() {
    return claimValue;
  }

  /** The Spring Security authority a signed-in user holds for this role. */
  public String authority() {
    return AUTHORITY_PREFIX + claimValue;
  }

  /** The role an authority stands for; empty for an authority that is not a role. */
  public static Optional<Role> ofAuthority(String authority) {
    return Arrays.stream(values()).filter(role -> role.authority().equals(authority)).findFirst();
  }
}

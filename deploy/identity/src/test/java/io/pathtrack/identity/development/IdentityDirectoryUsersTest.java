package io.pathtrack.identity.development;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.identity.Role;
import io.pathtrack.identity.development.DevelopmentUsers.DevelopmentUser;
import org.junit.jupiter.api.Test;

class IdentityDirectoryUsersTest {

  @Test
  void everyPractitionerOfTheDirectoryIsAUserWithTheRoleTheirIdNames() {
    var users = DevelopmentUsers.from(getClass().getResourceAsStream("/practitioner-directory.json"));

    assertThat(users).containsExactly(
        new DevelopmentUser("dr-lee", Role.PHYSICIAN),
        new DevelopmentUser("dr-patel", Role.PHYSICIAN),
        new DevelopmentUser("dr-chen", Role.PHYSICIAN),
        new DevelopmentUser("dr-okafor", Role.PHYSICIAN),
        new DevelopmentUser("dr-novak", Role.PHYSICIAN),
        new DevelopmentUser("results-desk", Role.RESULTS_DESK),
        new DevelopmentUser("lab-manager", Role.LAB_MANAGER));
  }
}

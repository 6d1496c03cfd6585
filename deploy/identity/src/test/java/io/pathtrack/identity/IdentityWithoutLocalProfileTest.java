package io.pathtrack.identity;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The seeded users and secrets exist only under the local profile; without it the server does not start. */
class IdentityWithoutLocalProfileTest {

  @Test
  void withoutTheLocalProfileTheSeededUsersAndSecretsAreRefusedAtStartUp() {
    assertThatThrownBy(() -> IdentityServerApplication.builder().run("--server.port=0"))
        .hasStackTraceContaining("seeded development users and secrets are only available with the local profile");
  }

  @Test
  void anotherProfileDoesNotBringThemEitherNorDoesTheShortLivedClientSwitch() {
    assertThatThrownBy(() -> IdentityServerApplication.builder()
        .profiles("dev")
        .run("--server.port=0", "--pathtrack.identity.short-lived-client=true"))
        .hasStackTraceContaining("only available with the local profile");
  }
}

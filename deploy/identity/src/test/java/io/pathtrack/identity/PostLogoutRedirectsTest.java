package io.pathtrack.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PostLogoutRedirectsTest {
  private static final Set<String> REGISTERED = Set.of("http://localhost:8083/ui/signed-out",
      "http://127.0.0.1:8083/ui/signed-out");

  @Test
  void aRegisteredAddressOrTheLoopbackOneOnAnyPortIsAllowed() {
    assertThat(PostLogoutRedirects.allowed("http://localhost:8083/ui/signed-out", REGISTERED)).isTrue();
    assertThat(PostLogoutRedirects.allowed("http://127.0.0.1:8083/ui/signed-out", REGISTERED)).isTrue();
    assertThat(PostLogoutRedirects.allowed("http://127.0.0.1:41234/ui/signed-out", REGISTERED)).isTrue();
  }

  @Test
  void anythingElseIsRefusedSoTheEndSessionEndpointIsNoOpenRedirector() {
    assertThat(PostLogoutRedirects.allowed("http://localhost:9999/ui/signed-out", REGISTERED)).as("port of a name").isFalse();
    assertThat(PostLogoutRedirects.allowed("https://evil.example/ui/signed-out", REGISTERED)).isFalse();
    assertThat(PostLogoutRedirects.allowed("http://127.0.0.1:41234/elsewhere", REGISTERED)).isFalse();
    assertThat(PostLogoutRedirects.allowed("http://127.0.0.1:41234/ui/signed-out?next=https://evil.example", REGISTERED)).isFalse();
    assertThat(PostLogoutRedirects.allowed("http://evil@127.0.0.1:41234/ui/signed-out", REGISTERED)).isFalse();
    assertThat(PostLogoutRedirects.allowed("https://127.0.0.1:41234/ui/signed-out", REGISTERED)).as("scheme").isFalse();
    assertThat(PostLogoutRedirects.allowed("http://127.0.0.1:41234/ui/signed-out#x", REGISTERED)).isFalse();
    assertThat(PostLogoutRedirects.allowed("not a uri", REGISTERED)).isFalse();
  }
}

package io.pathtrack.results.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The source addresses an MLLP connection may come from, as CIDR blocks. */
class Hl7AllowedSourcesTest {

  @ParameterizedTest(name = "{0} in [{1}]: {2}")
  @CsvSource({
      "10.1.2.3, 10.0.0.0/8, true",
      "11.1.2.3, 10.0.0.0/8, false",
      "127.0.0.1, 127.0.0.1/32, true",
      "127.0.0.2, 127.0.0.1/32, false",
      "127.0.0.2, 127.0.0.1, false",
      "192.168.7.130, 192.168.7.128/25, true",
      "192.168.7.127, 192.168.7.128/25, false",
      "::ffff:10.9.9.9, 10.0.0.0/8, true",
      "2001:db8::1, 2001:db8::/32, true",
      "2001:db9::1, 2001:db8::/32, false",
      "10.1.2.3, 2001:db8::/32, false",
      "203.0.113.9, '127.0.0.1/32 10.0.0.0/8 0.0.0.0/0', true"})
  void anAddressIsAllowedWhenABlockHoldsIt(String address, String blocks, boolean allowed) throws Exception {
    AllowedSources sources = AllowedSources.of(Arrays.asList(blocks.split(" ")));
    assertThat(sources.allows(InetAddress.getByName(address))).isEqualTo(allowed);
  }

  @Test
  void noBlockAllowsAnyAddress() throws Exception {
    AllowedSources sources = AllowedSources.of(List.of());
    assertThat(sources.anyAllowed()).isTrue();
    assertThat(sources.allows(InetAddress.getByName("198.51.100.1"))).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"10.0.0.0/33", "10.0.0/8", "example.org/32", "10.0.0.0/x", "''"})
  void aBlockThatIsNotACidrFailsStartupNamingIt(String block) {
    assertThatThrownBy(() -> AllowedSources.of(List.of(block)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowed-sources");
  }
}

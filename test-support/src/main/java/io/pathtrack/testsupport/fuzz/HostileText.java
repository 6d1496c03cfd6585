package io.pathtrack.testsupport.fuzz;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Text that breaks naive handling: control characters, line breaks, NUL, odd Unicode, huge and injection-shaped values. */
public final class HostileText {
  private static final List<String> SHORT = List.of("", " ", "\r\n", "\n", "\r", "\u0000", "\t", "\u0007", "\u001b[31m",
      "\u202e", "\ufeff", "\ud83d\udd2c", "\ud800", "\udfff", "\u00e9\u0301", "\uffff", "null", "true", "-1", "0",
      "9".repeat(40), "1e309", "NaN", "../../etc/passwd", "/", "%", "%00", "%0d%0a", "<script>x</script>",
      "${jndi:ldap://x/a}", "'; DROP TABLE x;--", "\"", "\\", "{", "[]", "Practitioner/", "Practitioner/../x",
      "Patient/p-1\r\nX-Injected: yes", "a b", "#", "?", "&", "=", "+", "urn:uuid:", "SP-FZ\u0000NUL");

  private HostileText() {}

  /** One hostile value, now and then huge (up to about 100 KB). */
  public static String any(Random random) {
    return random.nextInt(8) == 0 ? huge(random) : SHORT.get(random.nextInt(SHORT.size()));
  }

  /** A long value, from just past a typical limit to about 100 KB. */
  public static String huge(Random random) {
    int length = List.of(65, 257, 4_097, 65_537, 100_000).get(random.nextInt(5));
    String unit = List.of("A", "\u00e9", "\r\n", "\ud83d\udd2c", "%").get(random.nextInt(5));
    return unit.repeat(Math.max(1, length / unit.length()));
  }

  /**
   * A hostile value percent-encoded for a URL path segment or query value, or an escape sequence of its own.
   * Now and then longer than the container's 8 KB request-line limit, which Tomcat refuses itself.
   */
  public static String urlValue(Random random) {
    if (random.nextInt(5) == 0) {
      return List.of("%2F", "%2e%2e", "%00", "%0D%0A", "%25", "%2525", "..", ".", "%C0%AE", "%EF%BF%BF", "%FF%FE", "%3B")
          .get(random.nextInt(12));
    }
    String value = random.nextInt(8) == 0 ? "I".repeat(List.of(65, 257, 1_025, 9_000).get(random.nextInt(4)))
        : SHORT.get(random.nextInt(SHORT.size()));
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

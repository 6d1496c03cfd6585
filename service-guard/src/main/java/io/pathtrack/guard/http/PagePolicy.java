package io.pathtrack.guard.http;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The pages' Content-Security-Policy, completed with what only the running configuration knows. */
final class PagePolicy {
  private static final String FORM_ACTION = "form-action";

  private PagePolicy() {}

  /**
   * The policy with the origin of {@code target} (scheme, host and port) added to its {@code form-action} directive.
   * Unchanged when {@code target} is blank or not an absolute http(s) URI, or the policy names no {@code form-action}
   * (then forms are not restricted) or already allows anything ({@code *}).
   */
  static String formsMayReach(String policy, String target) {
    String origin = origin(target);
    if (origin == null) {
      return policy;
    }
    List<String> directives = new ArrayList<>();
    for (String directive : policy.split(";")) {
      String trimmed = directive.trim();
      List<String> words = List.of(trimmed.split("\\s+"));
      if (words.get(0).toLowerCase(Locale.ROOT).equals(FORM_ACTION) && !words.contains(origin) && !words.contains("*")) {
        trimmed = trimmed.equals(FORM_ACTION + " 'none'") ? trimmed : trimmed + " " + origin;
      }
      if (!trimmed.isEmpty()) {
        directives.add(trimmed);
      }
    }
    return String.join("; ", directives);
  }

  private static String origin(String target) {
    if (target == null || target.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(target.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return null;
      }
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }
}

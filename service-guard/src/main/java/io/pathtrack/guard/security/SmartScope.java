package io.pathtrack.guard.security;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SMART App Launch scope for FHIR data: {@code context/Resource.permissions}, where context is {@code system} or
 * {@code user} ({@code patient/} scopes are not granted here: no endpoint serves a patient's own app), Resource a FHIR resource type or {@code *}, and permissions the v2 letters
 * {@code c r u d s} (the specification orders them; {@code rsu}, as some servers write it, is read the same), or
 * the v1 {@code read}, {@code write}, {@code *}.
 */
public record SmartScope(String context, String resource, String permissions) {
  private static final Pattern FORM = Pattern.compile("(system|user)/([A-Za-z]+|\\*)\\.([cruds]{1,5}|read|write|\\*)");

  /** The scope, when the text is a SMART resource scope (other scopes, like {@code openid}, are not). */
  public static Optional<SmartScope> parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches() || m.group(3).chars().distinct().count() != m.group(3).length()) {
      return Optional.empty();
    }
    String permissions = switch (m.group(3)) {
      case "read" -> "rs";
      case "write" -> "cud";
      case "*" -> "cruds";
      default -> m.group(3);
    };
    return Optional.of(new SmartScope(m.group(1), m.group(2), permissions));
  }

  /** Whether this scope lets its holder do {@code interaction} (one of c r u d s) on {@code resourceType}. */
  public boolean permits(String resourceType, char interaction) {
    return (resource.equals("*") || resource.equals(resourceType))
        && permissions.indexOf(Character.toLowerCase(interaction)) >= 0;
  }

  /** A rule as written on an endpoint: {@code Communication.s} means search of Communication. */
  public record Need(String resource, char interaction, boolean systemOnly) {
    public Need(String resource, char interaction) {
      this(resource, interaction, false);
    }

    /** The same interaction, for a {@code system/} scope only. */
    public Need forSystemOnly() {
      return new Need(resource, interaction, true);
    }

    public static Need of(String rule) {
      int dot = rule.lastIndexOf('.');
      if (dot <= 0 || dot != rule.length() - 2 || "cruds".indexOf(rule.charAt(dot + 1)) < 0) {
        throw new IllegalArgumentException("an access rule is Resource.x with x one of c r u d s, not '" + rule + "'");
      }
      return new Need(rule.substring(0, dot), rule.charAt(dot + 1));
    }

    /** The scopes that would do, for the answer that names what is missing. */
    public String scopesThatWouldDo() {
      String suffix = resource + "." + interaction;
      return systemOnly ? "system/" + suffix + " (a service's own client)" : "user/" + suffix + " or system/" + suffix;
    }

    @Override
    public String toString() {
      return (systemOnly ? "system/" : "") + resource + "." + interaction;
    }
  }
}

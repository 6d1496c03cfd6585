package io.pathtrack.kafka.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * PathTrack's Kafka ACLs as written in {@code deploy/kafka/acls.tsv}, the one list that {@code deploy/kafka/acls.sh}
 * applies to a cluster and the in-process broker applies to itself. Each line grants one principal some operations
 * on one resource: {@code principal  resource-type  pattern-type  resource-name  operations}, separated by tabs (or
 * spaces), operations comma-separated; {@code #} starts a comment. Every grant is ALLOW from any host; whatever is
 * not granted is denied.
 *
 * @param bindings one binding per principal, resource and operation, in the order of the file
 */
public record AclList(List<AclBinding> bindings) {
  /** Where the list is on the classpath: the file itself, copied there by this module's build. */
  public static final String RESOURCE = "/kafka/acls.tsv";

  public AclList {
    bindings = List.copyOf(bindings);
  }

  /** The list from {@value #RESOURCE}. */
  public static AclList load() {
    try (InputStream in = AclList.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the file's text; a line that does not name a known resource type, pattern type or operation is refused. */
  public static AclList parse(String text) {
    List<AclBinding> bindings = new ArrayList<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\\s+");
      if (fields.length != 5 || !fields[0].contains(":")) {
        throw refused(i, "expected principal, resource type, pattern type, resource name and operations");
      }
      ResourceType type = ResourceType.fromString(fields[1]);
      PatternType pattern = PatternType.fromString(fields[2]);
      if (type.isUnknown() || type == ResourceType.ANY) {
        throw refused(i, "unknown resource type " + fields[1]);
      }
      if (pattern != PatternType.LITERAL && pattern != PatternType.PREFIXED) {
        throw refused(i, "pattern type must be LITERAL or PREFIXED, not " + fields[2]);
      }
      ResourcePattern resource = new ResourcePattern(type, fields[3], pattern);
      for (String name : fields[4].split(",")) {
        AclOperation operation = operation(name, i);
        bindings.add(new AclBinding(resource,
            new AccessControlEntry(fields[0], "*", operation, AclPermissionType.ALLOW)));
      }
    }
    return new AclList(bindings);
  }

  /** The principals granted anything, e.g. {@code User:lis}. */
  public Set<String> principals() {
    Set<String> principals = new LinkedHashSet<>();
    bindings.forEach(b -> principals.add(b.entry().principal()));
    return principals;
  }

  /** The user names of the {@code User:} principals: the SASL logins a cluster needs. */
  public Set<String> users() {
    Set<String> users = new LinkedHashSet<>();
    for (String principal : principals()) {
      if (principal.startsWith("User:")) {
        users.add(principal.substring("User:".length()));
      }
    }
    return users;
  }

  /** Topics named in full: the topics of the contract, which an administrator creates. */
  public Set<String> literalTopics() {
    Set<String> topics = new LinkedHashSet<>();
    for (AclBinding b : bindings) {
      if (b.pattern().resourceType() == ResourceType.TOPIC && b.pattern().patternType() == PatternType.LITERAL) {
        topics.add(b.pattern().name());
      }
    }
    return topics;
  }

  /** Whether a line grants the principal the operation on the named resource, in full or by a prefix of its name. */
  public boolean grants(String principal, ResourceType type, String name, AclOperation operation) {
    return bindings.stream().anyMatch(b -> b.entry().principal().equals(principal)
        && b.entry().operation() == operation
        && b.pattern().resourceType() == type
        && (b.pattern().patternType() == PatternType.LITERAL
            ? b.pattern().name().equals(name)
            : name.startsWith(b.pattern().name())));
  }

  private static AclOperation operation(String name, int line) {
    try {
      AclOperation operation = AclOperation.fromString(name.strip());
      if (!operation.isUnknown() && operation != AclOperation.ANY) {
        return operation;
      }
    } catch (IllegalArgumentException e) {
      // fall through: refused below with the line number
    }
    throw refused(line, "unknown operation " + name);
  }

  private static IllegalArgumentException refused(int index, String why) {
    return new IllegalArgumentException(RESOURCE + " line " + (index + 1) + ": " + why);
  }
}

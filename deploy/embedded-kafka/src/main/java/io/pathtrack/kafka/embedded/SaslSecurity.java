package io.pathtrack.kafka.embedded;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The secured mode of {@link EmbeddedKafkaBroker}: clients authenticate with SASL/SCRAM-SHA-512 and are
 * authorised by Kafka's {@code StandardAuthorizer} against an {@link AclList}.
 *
 * <p>The broker's own connections (to its controller, and to itself for transaction markers) log in as the super
 * user {@value #ADMIN} with SASL/PLAIN, whose password lives only in this run's broker configuration: SCRAM
 * credentials are cluster metadata, which the broker cannot read before it has connected. No listener is left
 * without authentication, so no anonymous principal needs to be a super user. Once the broker is up, the
 * administrator gives every user of the list a SCRAM credential, replaces the broker's ACLs with the list's, and
 * creates the topics the list names in full, as an administrator does on a cluster before the services start.
 */
final class SaslSecurity {
  /** The super user: the broker itself and whoever administers it. */
  static final String ADMIN = "admin";
  static final String MECHANISM = "SCRAM-SHA-512";
  private static final String ADMIN_MECHANISM = "PLAIN";
  private static final String AUTHORIZER = "org.apache.kafka.metadata.authorizer.StandardAuthorizer";
  private static final int SCRAM_ITERATIONS = 8192;
  private static final SecureRandom random = new SecureRandom();

  private final AclList acls;
  private final String adminPassword;
  private final Map<String, String> passwords;

  SaslSecurity(AclList acls, String adminPassword, Map<String, String> configuredPasswords) {
    this.acls = acls;
    this.adminPassword = adminPassword != null ? adminPassword : generatedPassword();
    Map<String, String> p = new LinkedHashMap<>();
    for (String user : acls.users()) {
      p.put(user, generatedPassword());
    }
    p.putAll(configuredPasswords);
    p.remove(ADMIN);
    this.passwords = Map.copyOf(p);
  }

  /** Listener, login and authorizer settings; the client listener is SASL_PLAINTEXT, the controller listener too. */
  Map<String, String> brokerProperties(String clientListener, String controllerListener) {
    String client = clientListener.toLowerCase();
    String controller = controllerListener.toLowerCase();
    String adminLogin = "org.apache.kafka.common.security.plain.PlainLoginModule required username=" + quoted(ADMIN)
        + " password=" + quoted(adminPassword) + " user_" + ADMIN + "=" + quoted(adminPassword) + ";";
    Map<String, String> p = new LinkedHashMap<>();
    p.put("listener.security.protocol.map", clientListener + ":SASL_PLAINTEXT," + controllerListener + ":SASL_PLAINTEXT");
    p.put("sasl.enabled.mechanisms", MECHANISM + "," + ADMIN_MECHANISM);
    p.put("sasl.mechanism.inter.broker.protocol", ADMIN_MECHANISM);
    p.put("sasl.mechanism.controller.protocol", ADMIN_MECHANISM);
    p.put("listener.name." + client + ".scram-sha-512.sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required;");
    p.put("listener.name." + client + ".plain.sasl.jaas.config", adminLogin);
    p.put("listener.name." + controller + ".sasl.enabled.mechanisms", ADMIN_MECHANISM);
    p.put("listener.name." + controller + ".plain.sasl.jaas.config", adminLogin);
    p.put("authorizer.class.name", AUTHORIZER);
    p.put("super.users", "User:" + ADMIN);
    p.put("allow.everyone.if.no.acl.found", "false");
    return p;
  }

  /** What a client needs, besides the bootstrap servers, to log in as the user. */
  Map<String, Object> clientProperties(String user) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
    if (user.equals(ADMIN)) {
      p.put(SaslConfigs.SASL_MECHANISM, ADMIN_MECHANISM);
      p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required username="
          + quoted(ADMIN) + " password=" + quoted(adminPassword) + ";");
    } else {
      p.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
      p.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required username="
          + quoted(user) + " password=" + quoted(password(user)) + ";");
    }
    return p;
  }

  String password(String user) {
    if (user.equals(ADMIN)) {
      return adminPassword;
    }
    String password = passwords.get(user);
    if (password == null) {
      throw new IllegalArgumentException("No Kafka user " + user + " on this broker; users: " + passwords.keySet());
    }
    return password;
  }

  /** Run by the administrator once the broker is up: SCRAM credentials, the list's ACLs (only), the topics. */
  void provision(Admin admin) throws InterruptedException, ExecutionException, TimeoutException {
    List<UserScramCredentialAlteration> credentials = passwords.entrySet().stream()
        .<UserScramCredentialAlteration>map(e -> new UserScramCredentialUpsertion(e.getKey(),
            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), e.getValue()))
        .toList();
    if (!credentials.isEmpty()) {
      admin.alterUserScramCredentials(credentials).all().get(30, TimeUnit.SECONDS);
    }
    // A data directory kept from an earlier run keeps its ACLs: the list replaces them, so none outlives its line.
    admin.deleteAcls(List.of(AclBindingFilter.ANY)).all().get(30, TimeUnit.SECONDS);
    if (!acls.bindings().isEmpty()) {
      admin.createAcls(acls.bindings()).all().get(30, TimeUnit.SECONDS);
    }
    for (String topic : acls.literalTopics()) {
      try {
        admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty()))).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
    }
  }

  String adminPassword() {
    return adminPassword;
  }

  /** The users given a SCRAM credential. */
  Set<String> users() {
    return passwords.keySet();
  }

  private static String generatedPassword() {
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** A JAAS option value: quoted, with quotes and backslashes escaped. */
  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

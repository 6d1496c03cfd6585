package io.pathtrack.kafka.embedded;

import java.util.Map;

/** A real Kafka broker or cluster started by this JVM: what a client needs to reach it. */
public interface EmbeddedKafka extends AutoCloseable {

  /** {@code host:port,…} for clients' {@code bootstrap.servers}. */
  String bootstrapServers();

  /** {@code PLAINTEXT}, or {@code SASL_PLAINTEXT} when clients log in. */
  String securityProtocol();

  /** The SASL mechanism of the users of a secured broker. */
  String saslMechanism();

  /** The password of a user of a secured broker or cluster. */
  String password(String user);

  /** Bootstrap servers and, when secured, the login of the user. */
  Map<String, Object> clientProperties(String user);

  @Override
  void close();
}

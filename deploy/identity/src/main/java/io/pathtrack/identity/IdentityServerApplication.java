package io.pathtrack.identity;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The PathTrack identity server: an OAuth 2.1 / OpenID Connect authorization server (Spring Authorization
 * Server) that issues the signed JWT access tokens the services accept. It is meant for development and
 * tests: its users and clients are seeded only under the {@code local} profile (see {@code development});
 * production uses an identity provider of the hospital (deploy/keycloak/README.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityServerApplication {

  /** The application with its own configuration file, {@code identity-server.yaml}, so it can share a JVM. */
  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(IdentityServerApplication.class)
        .properties("spring.config.name=identity-server");
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}

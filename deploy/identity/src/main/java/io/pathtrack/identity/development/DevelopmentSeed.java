package io.pathtrack.identity.development;

import io.pathtrack.identity.IdentityProperties;
import io.pathtrack.identity.development.DevelopmentUsers.DevelopmentUser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * The development users (one per practitioner of the directory, password {@value DevelopmentUsers#PASSWORD})
 * and clients ({@link DevelopmentClient}, secret {@code <client id>-secret}); only under the Spring profile
 * {@code local}. Without it the server refuses to start unless users and clients come from elsewhere
 * ({@link ConfiguredSourcesRequired}).
 */
@Configuration(proxyBeanMethods = false)
@Profile(DevelopmentSeed.PROFILE)
public class DevelopmentSeed {
  /** The Spring profile that enables the seeded users and secrets. */
  public static final String PROFILE = "local";

  /** How long a token of {@code lis-short-lived} lives. */
  static final Duration SHORT_LIVED_TTL = Duration.ofSeconds(1);

  private static final Logger log = LoggerFactory.getLogger(DevelopmentSeed.class);

  @Bean
  UserDetailsService developmentUsers(IdentityProperties properties, ResourceLoader resources,
      PasswordEncoder passwords) {
    List<DevelopmentUser> users;
    try (InputStream directory = resources.getResource(properties.directory()).getInputStream()) {
      users = DevelopmentUsers.from(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("The practitioner directory cannot be read", e);
    }
    String password = passwords.encode(DevelopmentUsers.PASSWORD);
    log.warn("Profile 'local': {} development users with a well-known password can sign in; not for production",
        users.size());
    return new InMemoryUserDetailsManager(users.stream()
        .map(user -> User.withUsername(user.username()).password(password).authorities(user.role().authority())
            .build())
        .toList());
  }

  @Bean
  RegisteredClientRepository developmentClients(IdentityProperties properties, PasswordEncoder passwords) {
    return new InMemoryRegisteredClientRepository(Arrays.stream(DevelopmentClient.values())
        .filter(client -> client != DevelopmentClient.LIS_SHORT_LIVED || properties.shortLivedClient())
        .map(client -> registration(client, properties, passwords))
        .toList());
  }

  static RegisteredClient registration(DevelopmentClient client, IdentityProperties properties,
      PasswordEncoder passwords) {
    Duration ttl = client == DevelopmentClient.LIS_SHORT_LIVED ? SHORT_LIVED_TTL : properties.accessTokenTtl();
    RegisteredClient.Builder registration = RegisteredClient.withId(UUID.randomUUID().toString())
        .clientId(client.clientId())
        .scopes(scopes -> scopes.addAll(client.scopes()))
        .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ttl).build());
    switch (client.flow()) {
      case CLIENT_CREDENTIALS -> registration
          .clientSecret(passwords.encode(client.secret().orElseThrow()))
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
          .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
          .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS);
      case AUTHORIZATION_CODE_WITH_PKCE -> registration
          .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .redirectUris(uris -> uris.addAll(properties.webRedirectUris()))
          .postLogoutRedirectUris(uris -> uris.addAll(properties.webPostLogoutRedirectUris()))
          .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build());
    }
    return registration.build();
  }
}

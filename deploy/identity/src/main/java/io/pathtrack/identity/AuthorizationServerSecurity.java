package io.pathtrack.identity;

import io.pathtrack.identity.token.PathTrackClaims;
import io.pathtrack.identity.token.TokenResponseClaims;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2AccessTokenResponseAuthenticationSuccessHandler;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Two filter chains, as Spring Authorization Server lays them out: the protocol endpoints (OAuth 2.1 and
 * OpenID Connect 1.0: authorize, token, JWKS, discovery, user info, end session) and the form login a browser is sent
 * to.
 * Access tokens are JWTs signed RS256 with a key generated at start-up (Spring Boot's default
 * {@code JWKSource}); who may sign in and which clients exist come from elsewhere
 * ({@code development.DevelopmentSeed} under the {@code local} profile).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerSecurity {

  @Bean
  @Order(1)
  SecurityFilterChain protocolEndpoints(HttpSecurity http, OAuth2AuthorizationService authorizations)
      throws Exception {
    OAuth2AccessTokenResponseAuthenticationSuccessHandler tokenResponse =
        new OAuth2AccessTokenResponseAuthenticationSuccessHandler();
    tokenResponse.setAccessTokenResponseCustomizer(new TokenResponseClaims(authorizations));
    http.oauth2AuthorizationServer(server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server.oidc(oidc -> oidc.logoutEndpoint(logout -> logout.authenticationProviders(providers -> providers.stream()
                  .filter(OidcLogoutAuthenticationProvider.class::isInstance).map(OidcLogoutAuthenticationProvider.class::cast)
                  .forEach(provider -> provider.setAuthenticationValidator(new PostLogoutRedirects())))))
              .tokenEndpoint(token -> token.accessTokenResponseHandler(tokenResponse));
        })
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        // The OIDC user info endpoint takes this server's own access tokens.
        .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
        .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
            new LoginUrlAuthenticationEntryPoint("/login"), browser()));
    return http.build();
  }

  /** A browser that is not signed in is sent to the login form; an API client gets 401. */
  private static MediaTypeRequestMatcher browser() {
    MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
    return html;
  }

  @Bean
  @Order(2)
  SecurityFilterChain login(HttpSecurity http) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .formLogin(Customizer.withDefaults())
        .build();
  }

  /** Held as a bean so that {@link TokenResponseClaims} reads the authorizations the endpoints store. */
  @Bean
  OAuth2AuthorizationService authorizations() {
    return new InMemoryOAuth2AuthorizationService();
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> pathTrackClaims(IdentityProperties properties) {
    return new PathTrackClaims(properties.audience());
  }

  /** Passwords and client secrets are stored hashed (bcrypt), with their algorithm named ({@code {bcrypt}…}). */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }
}

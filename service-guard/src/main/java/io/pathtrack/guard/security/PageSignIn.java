package io.pathtrack.guard.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.SupplierClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in for pages ({@code pathtrack.security.pages.enabled}): the page paths ({@link PageProperties#PATHS}) get a
 * filter chain of their own, ahead of the bearer-token one, with a session, OpenID Connect login through the issuer
 * (the public client {@code pathtrack-web}, authorization code with PKCE) and CSRF protection. A user who signs in
 * becomes the same {@link Caller} as with a bearer token — read from the access token the issuer granted, checked by
 * the service's own {@link JwtDecoder} — so page endpoints carry {@link RequiresScope} like API ones, and the access
 * audit records page requests as that user. When that token expires the user is sent through sign-in again (the
 * issuer's session usually makes that invisible) and comes back to the page they asked for. Signing out
 * ({@code POST /ui/sign-out}) ends the session here and at the issuer (OpenID Connect RP-initiated logout), so the
 * next person at a shared workstation must sign in with their own password, and lands on {@code /ui/signed-out}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "pathtrack.security.pages.enabled", havingValue = "true")
class PageSignIn {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain pathtrackPages(HttpSecurity http, JwtDecoder decoder, AccessProperties access, PageProperties pages)
      throws Exception {
    String loginPage = "/oauth2/authorization/" + pages.clientId();
    ClientRegistrationRepository registrations = registrations(access, pages);
    OAuth2AuthorizedClientRepository authorizedClients = new HttpSessionOAuth2AuthorizedClientRepository();
    SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
        new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    CallerSignIn signedIn = new CallerSignIn(authorizedClients, decoder, access, contexts);
    // The page asked for before sign-in, at its own address (no "?continue" marker on the way back).
    HttpSessionRequestCache requests = new HttpSessionRequestCache();
    requests.setMatchingRequestParameterName(null);
    // Only a page is worth returning to: a form posted once the sign-in had expired (Acknowledge) cannot be replayed
    // as the GET a redirect makes of it, so the user comes back to the home page and clicks again.
    requests.setRequestMatcher(request -> "GET".equals(request.getMethod()));
    signedIn.setRequestCache(requests);
    signedIn.setDefaultTargetUrl(pages.home());
    http.securityMatcher(PageProperties.PATHS)
        .securityContext(c -> c.securityContextRepository(contexts))
        .requestCache(c -> c.requestCache(requests))
        .authorizeHttpRequests(a -> a
            .requestMatchers(PageProperties.ASSETS, PageProperties.SIGNED_OUT, "/oauth2/**", "/login/**").permitAll()
            .anyRequest().authenticated())
        .oauth2Login(o -> o
            .clientRegistrationRepository(registrations)
            .authorizedClientRepository(authorizedClients)
            .securityContextRepository(contexts)
            .loginPage(loginPage)
            .successHandler(signedIn)
            // No retry loop through the issuer: a failed sign-in is a 401.
            .failureHandler(new SimpleUrlAuthenticationFailureHandler()))
        // POST only (with its CSRF token): a link or an image on another site cannot sign anyone out.
        .logout(l -> l.logoutUrl(PageProperties.SIGN_OUT).logoutSuccessHandler(new IssuerSignOut(registrations, pages)))
        .exceptionHandling(e -> e.accessDeniedHandler(PageSignIn::refused))
        .addFilterBefore(new ExpiredCallerSignOut(), AnonymousAuthenticationFilter.class)
        .addFilterAfter(new AccessControlAutoConfiguration.CallerCapture(), AnonymousAuthenticationFilter.class);
    return http.build();
  }

  /**
   * A form posted without this session's CSRF token (another site's form, a page from before signing in again): the
   * service's problem page, 403, says what to do ({@link ProblemPages#REASON}).
   */
  static void refused(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    request.setAttribute(ProblemPages.REASON, denied instanceof CsrfException
        ? "this form was not sent from a page of your current session: go back, reload the page and try again"
        : "you may not do this");
    response.sendError(HttpServletResponse.SC_FORBIDDEN);
  }

  @Bean
  PageErrorAnswers pageErrorAnswers() {
    return new PageErrorAnswers();
  }

  @Bean
  SignedOutPage signedOutPage(PageProperties pages) {
    return new SignedOutPage(pages);
  }

  /**
   * The issuer's endpoints are read from its discovery document on the first sign-in, so a service starts while its
   * issuer is still starting. A public client: no secret, PKCE (Spring Security adds it for public clients).
   */
  static ClientRegistrationRepository registrations(AccessProperties access, PageProperties pages) {
    return new SupplierClientRegistrationRepository(() -> {
      ClientRegistration registration = ClientRegistrations.fromIssuerLocation(access.requiredIssuer())
          .registrationId(pages.clientId())
          .clientId(pages.clientId())
          .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
          .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
          .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
          .scope(pages.scopes())
          .build();
      return new InMemoryClientRegistrationRepository(registration);
    });
  }

  /**
   * After sign-in: the session holds the {@link Caller} read from the access token, in place of the OpenID Connect
   * user, then the user goes on to the page they first asked for.
   */
  static final class CallerSignIn extends SavedRequestAwareAuthenticationSuccessHandler {
    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final JwtDecoder decoder;
    private final AccessProperties access;
    private final SecurityContextRepository contexts;

    CallerSignIn(OAuth2AuthorizedClientRepository authorizedClients, JwtDecoder decoder, AccessProperties access,
        SecurityContextRepository contexts) {
      this.authorizedClients = authorizedClients;
      this.decoder = decoder;
      this.access = access;
      this.contexts = contexts;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication login)
        throws ServletException, IOException {
      OAuth2AuthenticationToken oidc = (OAuth2AuthenticationToken) login;
      OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(oidc.getAuthorizedClientRegistrationId(),
          oidc, request);
      // The same checks as a bearer token's: signature, issuer, audience, expiry.
      String idToken = oidc.getPrincipal() instanceof OidcUser user ? user.getIdToken().getTokenValue() : null;
      PageCallerAuthentication caller = new PageCallerAuthentication(
          Caller.of(decoder.decode(client.getAccessToken().getTokenValue()), access), idToken);
      SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
      context.setAuthentication(caller);
      SecurityContextHolder.getContextHolderStrategy().setContext(context);
      contexts.saveContext(context, request, response);
      super.onAuthenticationSuccess(request, response, caller);
    }
  }

  /**
   * A page session lasts as long as the access token it was signed in with: once that expires the request is
   * anonymous, and the user is sent to sign in again.
   */
  static final class ExpiredCallerSignOut extends OncePerRequestFilter {
    private final Clock clock = Clock.systemUTC();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
      if (authentication instanceof PageCallerAuthentication signedIn && (signedIn.caller() == null
          || signedIn.caller().expiresAt().map(exp -> !clock.instant().isBefore(exp)).orElse(false))) {
        SecurityContextHolder.getContextHolderStrategy().setContext(SecurityContextHolder.createEmptyContext());
      }
      chain.doFilter(request, response);
    }
  }
}

package io.pathtrack.guard.security;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated bearer token and the {@link Caller} read from it once. */
public final class CallerAuthentication extends JwtAuthenticationToken {
  private final transient Caller caller;

  CallerAuthentication(Jwt jwt, Caller caller, List<GrantedAuthority> authorities) {
    super(jwt, authorities, caller.subject());
    this.caller = caller;
  }

  public Caller caller() {
    return caller;
  }

  /** Turns a validated token into the caller; scopes and roles become authorities too ({@code SCOPE_…}, {@code ROLE_…}). */
  static Converter<Jwt, CallerAuthentication> converter(AccessProperties properties) {
    return jwt -> {
      Caller caller = Caller.of(jwt, properties);
      return new CallerAuthentication(jwt, caller, PageCallerAuthentication.authorities(caller));
    };
  }
}

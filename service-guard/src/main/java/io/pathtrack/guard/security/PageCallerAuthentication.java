package io.pathtrack.guard.security;

import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A person signed in to the pages: the {@link Caller} read from the access token the issuer granted at sign-in,
 * kept in the page session (a bearer token's authentication is never kept in a session). The access token itself is
 * not kept; the session ends when it expires ({@link PageSignIn}). The ID token is, as the hint that signs the user
 * out at the issuer too.
 */
public final class PageCallerAuthentication extends org.springframework.security.authentication.AbstractAuthenticationToken {
  private final transient Caller caller;
  private final String idToken;

  PageCallerAuthentication(Caller caller, String idToken) {
    super(authorities(caller));
    this.caller = caller;
    this.idToken = idToken;
    setAuthenticated(true);
  }

  /** The ID token the issuer gave at sign-in, sent back as {@code id_token_hint} on sign-out; null if none. */
  String idToken() {
    return idToken;
  }

  /** The signed-in caller; null only in a session restored from elsewhere, which then counts as no caller. */
  public Caller caller() {
    return caller;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public Object getPrincipal() {
    return caller == null ? "" : caller.subject();
  }

  /** Scopes and roles as authorities, as for a bearer token ({@code SCOPE_…}, {@code ROLE_…}). */
  static List<GrantedAuthority> authorities(Caller caller) {
    List<GrantedAuthority> authorities = new java.util.ArrayList<>();
    caller.scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority(
        "SCOPE_" + s.context() + "/" + s.resource() + "." + s.permissions())));
    caller.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
    return authorities;
  }
}

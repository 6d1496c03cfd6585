package io.pathtrack.guard.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET [fhir base]/.well-known/smart-configuration}: the SMART App Launch discovery document of the FHIR
 * base (where to sign in and get tokens, which scopes and capabilities), open to everyone as the specification
 * requires. Served before the FHIR servlet, which would take the path for a resource type.
 */
final class SmartConfigurationFilter extends OncePerRequestFilter {
  static final String PATH = "/fhir/.well-known/smart-configuration";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final IssuerMetadata issuer;
  private final List<String> scopes;

  SmartConfigurationFilter(IssuerMetadata issuer, List<String> scopes) {
    this.issuer = issuer;
    this.scopes = scopes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!PATH.equals(request.getRequestURI())) {
      chain.doFilter(request, response);
      return;
    }
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      response.setHeader("Allow", "GET, HEAD");
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    byte[] body = JSON.writeValueAsString(document()).getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setContentType("application/json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  Map<String, Object> document() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("issuer", issuer.issuer());
    d.put("jwks_uri", issuer.endpoint("jwks_uri", "/oauth2/jwks"));
    d.put("authorization_endpoint", issuer.endpoint("authorization_endpoint", "/oauth2/authorize"));
    d.put("token_endpoint", issuer.endpoint("token_endpoint", "/oauth2/token"));
    d.put("grant_types_supported", List.of("authorization_code", "client_credentials"));
    d.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post", "none"));
    d.put("scopes_supported", scopes);
    d.put("response_types_supported", List.of("code"));
    d.put("code_challenge_methods_supported", List.of("S256"));
    d.put("capabilities", List.of("launch-standalone", "client-public", "client-confidential-symmetric", "sso-openid-connect",
        "permission-v2", "permission-user"));
    return d;
  }
}

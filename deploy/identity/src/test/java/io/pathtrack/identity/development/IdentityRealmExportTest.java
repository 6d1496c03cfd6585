package io.pathtrack.identity.development;

import static org.assertj.core.api.Assertions.assertThat;

import io.pathtrack.identity.IdentityProperties;
import io.pathtrack.identity.Role;
import io.pathtrack.identity.token.PathTrackClaims;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * deploy/keycloak/pathtrack-realm.json registers what the development seed of this server registers: the same
 * clients with the same flows, secrets and scopes, the same users with the same roles and fhirUser, and
 * mappers that put the same claims in the tokens. One cannot change without the other.
 */
class IdentityRealmExportTest {
  /** Client scopes that carry claims rather than name a permission; the seed has no such scopes. */
  private static final Set<String> CLAIM_SCOPES = Set.of("basic", "pathtrack");

  private static JsonNode realm;
  private static IdentityProperties defaults;

  @BeforeAll
  static void readRealm() {
    realm = JsonMapper.builder().build().readTree(Path.of("../keycloak/pathtrack-realm.json").toFile());
    defaults = new Binder(new MapConfigurationPropertySource(Map.of()))
        .bindOrCreate("pathtrack.identity", IdentityProperties.class);
  }

  @Test
  void theRealmIsPathTrack() {
    assertThat(realm.get("realm").asString()).isEqualTo("pathtrack");
    assertThat(realm.get("accessTokenLifespan").asLong()).isEqualTo(defaults.accessTokenTtl().toSeconds());
  }

  @ParameterizedTest
  @EnumSource(value = DevelopmentClient.class, names = "LIS_SHORT_LIVED", mode = EnumSource.Mode.EXCLUDE)
  void everySeededClientIsInTheRealmWithTheSameFlowSecretAndScopes(DevelopmentClient seeded) {
    JsonNode client = client(seeded.clientId());

    Set<String> scopes = new LinkedHashSet<>(strings(client.get("defaultClientScopes")));
    scopes.addAll(strings(client.get("optionalClientScopes")));
    scopes.removeAll(CLAIM_SCOPES);
    // openid is no client scope in Keycloak: asking for it is what makes the request OpenID Connect.
    assertThat(scopes).containsExactlyInAnyOrderElementsOf(
        seeded.scopes().stream().filter(scope -> !scope.equals("openid")).toList());
    assertThat(strings(client.get("defaultClientScopes"))).containsAll(CLAIM_SCOPES);
    assertThat(client.get("protocolMappers")).anySatisfy(mapper -> {
      assertThat(mapper.get("protocolMapper").asString()).isEqualTo("oidc-hardcoded-claim-mapper");
      assertThat(mapper.get("config").get("claim.name").asString()).isEqualTo("client_id");
      assertThat(mapper.get("config").get("claim.value").asString()).isEqualTo(seeded.clientId());
    });
    switch (seeded.flow()) {
      case CLIENT_CREDENTIALS -> {
        assertThat(client.get("publicClient").asBoolean()).isFalse();
        assertThat(client.get("secret").asString()).isEqualTo(seeded.secret().orElseThrow());
        assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.get("standardFlowEnabled").asBoolean()).isFalse();
      }
      case AUTHORIZATION_CODE_WITH_PKCE -> {
        assertThat(client.get("publicClient").asBoolean()).isTrue();
        assertThat(client.has("secret")).isFalse();
        assertThat(client.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(client.get("consentRequired").asBoolean()).isFalse();
        assertThat(client.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(strings(client.get("redirectUris"))).containsExactlyInAnyOrderElementsOf(defaults.webRedirectUris());
        // Keycloak lists post-logout redirect URIs in one attribute, separated by "##".
        assertThat(client.get("attributes").get("post.logout.redirect.uris").asString().split("##"))
            .containsExactlyInAnyOrderElementsOf(defaults.webPostLogoutRedirectUris());
      }
    }
    assertThat(client.get("directAccessGrantsEnabled").asBoolean()).isFalse();
    assertThat(client.get("implicitFlowEnabled").asBoolean()).isFalse();
  }

  @Test
  void theRealmHasNoOtherClientsAndEveryScopeAClientNamesExists() {
    Set<String> seeded = Arrays.stream(DevelopmentClient.values())
        .filter(client -> client != DevelopmentClient.LIS_SHORT_LIVED)
        .map(DevelopmentClient::clientId)
        .collect(Collectors.toSet());
    assertThat(stream(realm.get("clients")).map(client -> client.get("clientId").asString()))
        .containsExactlyInAnyOrderElementsOf(seeded);

    Set<String> defined = stream(realm.get("clientScopes")).map(scope -> scope.get("name").asString())
        .collect(Collectors.toSet());
    stream(realm.get("clients")).forEach(client -> {
      assertThat(defined).containsAll(strings(client.get("defaultClientScopes")));
      assertThat(defined).containsAll(strings(client.get("optionalClientScopes")));
    });
  }

  @Test
  void theMappersPutTheClaimsTheServicesReadInTheTokens() {
    JsonNode audience = mapper("pathtrack", "oidc-audience-mapper");
    assertThat(audience.get("included.custom.audience").asString()).isEqualTo(defaults.audience());
    assertThat(audience.get("access.token.claim").asString()).isEqualTo("true");

    JsonNode roles = mapper("pathtrack", "oidc-usermodel-realm-role-mapper");
    assertThat(roles.get("claim.name").asString()).isEqualTo(PathTrackClaims.ROLES);
    assertThat(roles.get("multivalued").asString()).isEqualTo("true");
    assertThat(roles.get("access.token.claim").asString()).isEqualTo("true");
    assertThat(roles.get("id.token.claim").asString()).isEqualTo("true");

    JsonNode fhirUser = mapper("fhirUser", "oidc-usermodel-attribute-mapper");
    assertThat(fhirUser.get("user.attribute").asString()).isEqualTo(PathTrackClaims.FHIR_USER);
    assertThat(fhirUser.get("claim.name").asString()).isEqualTo(PathTrackClaims.FHIR_USER);
    assertThat(fhirUser.get("access.token.claim").asString()).isEqualTo("true");
    assertThat(fhirUser.get("id.token.claim").asString()).isEqualTo("true");
    assertThat(strings(client("pathtrack-web").get("defaultClientScopes"))).contains("fhirUser");
  }

  @Test
  void onlyLabManagersAreGivenTheAuditTrailScope() {
    assertThat(realm.get("scopeMappings")).singleElement().satisfies(mapping -> {
      assertThat(mapping.get("clientScope").asString()).isEqualTo(PathTrackClaims.AUDIT_EVENT_READ);
      assertThat(strings(mapping.get("roles"))).containsExactly(Role.LAB_MANAGER.claimValue());
    });
  }

  @Test
  void theUsersAreThePractitionersOfTheDirectoryWithTheirRolesAndFhirUser() {
    var directory = DevelopmentUsers.from(getClass().getResourceAsStream("/practitioner-directory.json"));
    List<JsonNode> people = stream(realm.get("users")).filter(user -> !user.has("serviceAccountClientId")).toList();

    assertThat(people).extracting(user -> user.get("username").asString())
        .containsExactlyElementsOf(directory.stream().map(DevelopmentUsers.DevelopmentUser::username).toList());
    for (var seeded : directory) {
      JsonNode user = people.stream().filter(u -> u.get("username").asString().equals(seeded.username()))
          .findFirst().orElseThrow();
      assertThat(strings(user.get("attributes").get("fhirUser"))).containsExactly("Practitioner/" + seeded.username());
      assertThat(strings(user.get("realmRoles"))).containsExactly(seeded.role().claimValue());
      assertThat(user.get("credentials").get(0).get("value").asString()).isEqualTo(DevelopmentUsers.PASSWORD);
    }
    assertThat(stream(realm.get("roles").get("realm")).map(role -> role.get("name").asString()))
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::claimValue).toList());
  }

  private static JsonNode client(String clientId) {
    return stream(realm.get("clients")).filter(client -> client.get("clientId").asString().equals(clientId))
        .findFirst().orElseThrow(() -> new AssertionError("No client " + clientId + " in the realm"));
  }

  private static JsonNode mapper(String clientScope, String type) {
    JsonNode scope = stream(realm.get("clientScopes")).filter(s -> s.get("name").asString().equals(clientScope))
        .findFirst().orElseThrow(() -> new AssertionError("No client scope " + clientScope));
    return stream(scope.get("protocolMappers")).filter(m -> m.get("protocolMapper").asString().equals(type))
        .findFirst().orElseThrow(() -> new AssertionError("No " + type + " in " + clientScope)).get("config");
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  private static List<String> strings(JsonNode array) {
    return array == null ? List.of() : stream(array).map(JsonNode::asString).toList();
  }
}

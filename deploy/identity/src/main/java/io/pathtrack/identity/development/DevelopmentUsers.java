package io.pathtrack.identity.development;

import io.pathtrack.contract.Fhir;
import io.pathtrack.identity.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * The people who may sign in during development: one per Practitioner of the practitioner directory (the
 * FHIR Bundle notify-service reads), the username being the Practitioner id, so a token's {@code fhirUser}
 * names the same Practitioner notify-service alerts.
 */
public final class DevelopmentUsers {
  /** The one password of every development user. */
  public static final String PASSWORD = "pathtrack";

  private DevelopmentUsers() {}

  /** A development user and their role. */
  public record DevelopmentUser(String username, Role role) {}

  /** The users of a directory Bundle (JSON), in directory order. */
  public static List<DevelopmentUser> from(InputStream directory) {
    try (directory) {
      Bundle bundle = Fhir.json().parseResource(Bundle.class, directory);
      return bundle.getEntry().stream()
          .map(Bundle.BundleEntryComponent::getResource)
          .filter(Practitioner.class::isInstance)
          .map(practitioner -> practitioner.getIdElement().getIdPart())
          .map(username -> new DevelopmentUser(username, roleOf(username)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The results desk and the lab manager are who their ids say; every other practitioner is a physician. */
  static Role roleOf(String practitionerId) {
    return switch (practitionerId) {
      case "lab-manager" -> Role.LAB_MANAGER;
      case "results-desk" -> Role.RESULTS_DESK;
      default -> Role.PHYSICIAN;
    };
  }
}

package io.pathtrack.contract;

import java.util.Collection;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Specimen;

/**
 * Finds a specimen's accession number, the partition key of every topic. Accession numbers are the
 * lab's own, so they are compared as given, trimmed of surrounding space.
 */
public final class Accessions {
  /** HL7 v2 table 0203 identifier type "ACSN" (accession ID), as used in {@code Identifier.type}. */
  public static final String IDENTIFIER_TYPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/v2-0203";

  public static final String IDENTIFIER_TYPE_CODE = "ACSN";

  /** The longest accession accepted: it becomes a Kafka key, a header and part of resource ids. */
  public static final int MAX_LENGTH = 64;

  /**
   * What an accession may be made of: ASCII letters and digits, and inside it space and {@code . _ - : / # +}
   * (lab formats such as {@code S26-90001}, {@code E21.12345}, {@code SP 00 1982}). No control characters,
   * no CR or LF, nothing that could split a header, a log line or an HL7 segment.
   */
  private static final java.util.regex.Pattern ALLOWED = java.util.regex.Pattern.compile("[A-Za-z0-9]([A-Za-z0-9 ._:/#+-]*[A-Za-z0-9._:/#+-])?");

  private Accessions() {}

  public static Optional<String> ofSpecimen(Specimen specimen) {
    if (specimen == null || !specimen.hasAccessionIdentifier()) {
      return Optional.empty();
    }
    return clean(specimen.getAccessionIdentifier().getValue());
  }

  /**
   * The report's accession: from the first referenced Specimen that carries one (the reference must be
   * resolved, as HAPI does for contained resources), then from a report identifier typed ACSN, then
   * from a report identifier in one of {@code identifierSystems}.
   */
  public static Optional<String> ofReport(DiagnosticReport report, Collection<String> identifierSystems) {
    for (Reference ref : report.getSpecimen()) {
      IBaseResource target = ref.getResource();
      if (target instanceof Specimen specimen) {
        Optional<String> accession = ofSpecimen(specimen);
        if (accession.isPresent()) {
          return accession;
        }
      }
    }
    for (Identifier id : report.getIdentifier()) {
      if (isAccessionType(id)) {
        Optional<String> accession = clean(id.getValue());
        if (accession.isPresent()) {
          return accession;
        }
      }
    }
    for (Identifier id : report.getIdentifier()) {
      if (id.hasSystem() && identifierSystems.contains(id.getSystem())) {
        Optional<String> accession = clean(id.getValue());
        if (accession.isPresent()) {
          return accession;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Why a (trimmed) accession cannot be used, or empty when it can. The reason never repeats the value,
   * so it can go into logs and answers.
   */
  public static Optional<String> problem(String accession) {
    if (accession == null || accession.isEmpty()) {
      return Optional.of("the accession is empty");
    }
    if (accession.length() > MAX_LENGTH) {
      return Optional.of("the accession is " + accession.length() + " characters long, over the limit of " + MAX_LENGTH);
    }
    if (accession.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return Optional.of("the accession contains control characters (CR, LF, tab…), which are refused");
    }
    if (!ALLOWED.matcher(accession).matches()) {
      return Optional.of("the accession may hold only ASCII letters and digits, and inside them space and . _ - : / # +");
    }
    return Optional.empty();
  }

  public static boolean isAccessionType(Identifier id) {
    return id.hasType()
        && id.getType().getCoding().stream()
            .anyMatch(c -> IDENTIFIER_TYPE_CODE.equals(c.getCode())
                && (!c.hasSystem() || IDENTIFIER_TYPE_SYSTEM.equals(c.getSystem())));
  }

  private static Optional<String> clean(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(value.trim());
  }
}

package io.pathtrack.contract;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;

/** The one FHIR R4 context of a JVM. Creating a context is expensive; parsers are cheap and not shared. */
public final class Fhir {
  private static final FhirContext R4 = FhirContext.forR4Cached();

  private Fhir() {}

  public static FhirContext context() {
    return R4;
  }

  /** A new JSON parser: compact output, and no ids or metadata stripped. */
  public static IParser json() {
    return R4.newJsonParser().setPrettyPrint(false);
  }

  public static IParser xml() {
    return R4.newXmlParser().setPrettyPrint(false);
  }
}

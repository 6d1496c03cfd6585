package io.pathtrack.contract;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;

/**
 * The one FHIR R4 context of a JVM. Creating a context is expensive; parsers are cheap and not shared.
 * Its parsers are as lenient as HAPI's default (an invalid code still fails) but log nothing: HAPI's
 * default handler writes unknown element names and reference values from the input into the log, and
 * input is where a patient's name typed into the wrong field would come from.
 */
public final class Fhir {
  private static final FhirContext R4 = FhirContext.forR4Cached();

  static {
    R4.setParserErrorHandler(new LenientErrorHandler(false));
  }

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

/**
 * HL7 v2 ER7 text to FHIR R4: the pure translation of an ORU^R01 into the resources it reports, with no
 * networking, Spring or Kafka types. {@link io.pathtrack.results.hl7.Er7Text} decodes and repairs the
 * text, {@link io.pathtrack.results.hl7.OruMessages} parses it, and
 * {@link io.pathtrack.results.hl7.OruToFhir} converts it to a Bundle.
 *
 * <p>Used by intake ({@code io.pathtrack.results.ingest}) and by the MLLP listener
 * ({@code io.pathtrack.results.mllp}); it depends on neither.
 */
package io.pathtrack.results.hl7;

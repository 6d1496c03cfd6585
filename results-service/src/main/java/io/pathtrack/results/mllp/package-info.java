/**
 * The MLLP channel: a TCP (optionally TLS) listener that receives HL7 v2 messages from a LIS
 * ({@link io.pathtrack.results.mllp.MllpListener}), reads their frames, checks them through intake
 * ({@link io.pathtrack.results.mllp.ResultMessageReceiver}), writes them to the inbound topic and answers
 * each with an HL7 acknowledgement ({@link io.pathtrack.results.mllp.Acknowledgements}).
 *
 * <p>An adapter: it uses {@code io.pathtrack.results.ingest}, {@code io.pathtrack.results.pipeline} and
 * the translation in {@code io.pathtrack.results.hl7}; none of them depends on it.
 */
package io.pathtrack.results.mllp;

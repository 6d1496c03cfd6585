package io.pathtrack.contract.streams;

/**
 * A record a stream processor refuses as it stands: no key, no {@code ce_type}, a key that cannot be an
 * accession. Thrown rather than skipped, so that the stream's exception handler sets the record aside on the
 * dead-letter topic with this reason and the stream goes on. The message names what is wrong and never quotes
 * the record.
 */
public final class RecordRefusedException extends RuntimeException {
  public RecordRefusedException(String reason) {
    super(reason, null, false, false);
  }

  /** Refuses a record whose key is not a usable accession, or that carries no event type. */
  public static void requireRoutable(String key, String type, String typeHeader) {
    if (key == null) {
      throw new RecordRefusedException("the record has no key (the accession)");
    }
    io.pathtrack.contract.Accessions.problem(key).ifPresent(problem -> {
      throw new RecordRefusedException("the record's key cannot be an accession: " + problem);
    });
    if (type == null) {
      throw new RecordRefusedException("the record has no " + typeHeader + " header");
    }
  }
}

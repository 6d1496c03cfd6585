package io.pathtrack.contract.serde;

import java.util.function.Function;

/**
 * A value as its serde received it, read only when asked for, and then once: for a stream that needs a record's body
 * for a few records only (specimen-service reads a classified report's body only for a specimen that was never
 * registered; everything else it needs is in the headers).
 *
 * @param <T> the value's type
 */
public final class Deferred<T> {
  private final byte[] bytes;
  private final Function<byte[], T> reader;
  private T value;
  private boolean read;

  Deferred(byte[] bytes, Function<byte[], T> reader) {
    this.bytes = bytes;
    this.reader = reader;
  }

  /** The value, read now if it was not read before (null when the record had none). */
  public synchronized T get() {
    if (!read) {
      value = bytes == null ? null : reader.apply(bytes);
      read = true;
    }
    return value;
  }

  /** The bytes as received (null when the record had none). */
  byte[] bytes() {
    return bytes;
  }
}

package io.pathtrack.results.mllp;

/**
 * One MLLP frame as received: its content (the bytes between the start byte and the end bytes), or,
 * when it was larger than the listener reads, only the start of it.
 *
 * @param content the whole content, or its first bytes when {@code truncated}
 * @param size the size of the whole content in bytes
 * @param sha256 the SHA-256 of the whole content, hex
 * @param truncated true when the frame was over the limit and {@code content} holds only its start
 */
public record MllpFrame(byte[] content, long size, String sha256, boolean truncated) {

  /** A short reference to the frame for logs and record keys: never any of its content. */
  public String reference() {
    return sha256.substring(0, 16);
  }
}

package io.pathtrack.results.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Mutations of the raw bytes after the structure-aware ones: damage in transit, wrong encodings. */
final class ByteMutations {
  private ByteMutations() {}

  /** None most of the time; else one or a few of truncate, flip, insert, delete, duplicate. */
  static byte[] maybeDamage(byte[] in, FuzzChoices choices) {
    if (in.length == 0 || !choices.oneIn(4)) {
      return in;
    }
    byte[] out = in;
    int rounds = choices.between(1, 3);
    for (int i = 0; i < rounds && out.length > 0; i++) {
      out = switch (choices.below(5)) {
        case 0 -> Arrays.copyOf(out, choices.below(out.length));
        case 1 -> flip(out, choices);
        case 2 -> insert(out, choices.below(out.length + 1), choices.bytes(16));
        case 3 -> delete(out, choices);
        default -> duplicate(out, choices);
      };
    }
    return out;
  }

  static byte[] flip(byte[] in, FuzzChoices choices) {
    byte[] out = in.clone();
    int flips = choices.between(1, 8);
    for (int i = 0; i < flips; i++) {
      int at = choices.below(out.length);
      out[at] = (byte) (out[at] ^ (1 << choices.below(8)));
    }
    return out;
  }

  static byte[] insert(byte[] in, int at, byte[] bytes) {
    byte[] out = new byte[in.length + bytes.length];
    System.arraycopy(in, 0, out, 0, at);
    System.arraycopy(bytes, 0, out, at, bytes.length);
    System.arraycopy(in, at, out, at + bytes.length, in.length - at);
    return out;
  }

  private static byte[] delete(byte[] in, FuzzChoices choices) {
    int from = choices.below(in.length);
    int to = Math.min(in.length, from + choices.between(1, 64));
    byte[] out = new byte[in.length - (to - from)];
    System.arraycopy(in, 0, out, 0, from);
    System.arraycopy(in, to, out, from, in.length - to);
    return out;
  }

  private static byte[] duplicate(byte[] in, FuzzChoices choices) {
    int from = choices.below(in.length);
    int to = Math.min(in.length, from + choices.between(1, 256));
    return insert(in, to, Arrays.copyOfRange(in, from, to));
  }

  /** The text in one of the encodings a sender may use: UTF-8 with or without BOM, UTF-16, Latin-1. */
  static byte[] encode(String text, FuzzChoices choices) {
    return switch (choices.below(10)) {
      case 0 -> insert(text.getBytes(StandardCharsets.UTF_8), 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      case 1 -> text.getBytes(StandardCharsets.UTF_16);
      case 2 -> text.getBytes(StandardCharsets.UTF_16LE);
      case 3 -> text.getBytes(StandardCharsets.ISO_8859_1);
      default -> text.getBytes(StandardCharsets.UTF_8);
    };
  }
}

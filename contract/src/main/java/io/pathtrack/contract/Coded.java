package io.pathtrack.contract;

import java.util.Arrays;
import java.util.Optional;

/** A value of one of the contract's closed vocabularies: a code on the wire and a display for people. */
public interface Coded {
  /** The code and the display of a vocabulary's value. */
  record Concept(String code, String display) {}

  Concept concept();

  default String code() {
    return concept().code();
  }

  default String display() {
    return concept().display();
  }

  /** The value of this code (case ignored), if the vocabulary has one. */
  static <E extends Enum<E> & Coded> Optional<E> byCode(Class<E> vocabulary, String code) {
    return Arrays.stream(vocabulary.getEnumConstants()).filter(v -> v.code().equalsIgnoreCase(code)).findFirst();
  }
}

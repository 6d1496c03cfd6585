package io.pathtrack.contract;

/** Canonical base of every code system, extension and identifier system this system defines. */
public final class Vocabulary {
  public static final String BASE = "https://pathtrack.io/fhir";

  private Vocabulary() {}
}

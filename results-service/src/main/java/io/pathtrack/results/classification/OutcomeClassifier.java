package io.pathtrack.results.classification;

import io.pathtrack.contract.Outcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives a pathology report exactly one outcome, with the evidence that decided it (docs/architecture.md §4).
 *
 * <p>Evidence levels, strongest first: coded conclusions, conclusion text, result observations,
 * attachment texts, narrative. The strongest level that places the report decides; within it the worst
 * outcome wins (malignant &gt; atypical &gt; nondiagnostic &gt; benign). Weaker levels never override a stronger
 * one, but if one says something worse the result is flagged {@code needsReview} and that evidence is
 * appended. So is a superseded diagnosis (a frozen section or preliminary diagnosis beside the final one, a
 * diagnosis before a revised one) that was worse than the decision: it never decides, but it is flagged.
 *
 * <p>Never benign by default: a report nothing places is ATYPICAL with {@code needsReview}, and its only
 * evidence (source NONE) says what could not be placed.
 *
 * <p>Thread-safe; build one and share it. All patterns are compiled in the constructor.
 */
public final class OutcomeClassifier {

  public static final String RULE_SET_VERSION = "2026.12-1";

  static final String NO_EVIDENCE = "no classifiable evidence";

  /**
   * English, the language-neutral reporting-system categories, German, French, Spanish, Italian and Dutch. Add a
   * language by adding a lexicon; all are read together, so a report may mix languages.
   */
  static final List<Lexicon> DEFAULT_LEXICONS = List.of(EnglishLexicon.LEXICON, ReportingSystemLexicon.LEXICON,
      GermanLexicon.LEXICON, FrenchLexicon.LEXICON, SpanishLexicon.LEXICON, ItalianLexicon.LEXICON,
      DutchLexicon.LEXICON);

  private static final List<EvidenceSource> LEVELS = List.of(EvidenceSource.CONCLUSION_CODE,
      EvidenceSource.CONCLUSION_TEXT, EvidenceSource.OBSERVATION, EvidenceSource.ATTACHMENT, EvidenceSource.NARRATIVE);

  /** Observation labels that announce clinical context rather than a finding. */
  private static final Pattern CLINICAL_CONTEXT_LABEL = Pattern.compile(
      "(?i)(?<![\\p{L}])(?:clinical|history|indications?|reason for|pre-?op\\p{L}*|post-?op\\p{L}*|gross|macroscopic"
          + "|anamnes\\p{L}*|fragestellung|klinische\\p{L}*|cliniques?|cl[íi]nic(?:[oa]s?|he|i)|klinisch"
          + "|renseignements?|ant[ée]c[ée]dents?|antecedentes?|macroscop\\p{L}*|voorgeschiedenis|vraagstelling|quesito"
          + "|notizie)(?![\\p{L}])");
  /** Gleason grading and ISUP grade groups are only ever assigned to prostatic carcinoma. */
  private static final Pattern GLEASON_LABEL = Pattern.compile("(?i)gleason|grade group|gradgruppe");
  private static final Pattern HAS_DIGIT = Pattern.compile("\\d");

  private final TextReader textReader;
  private final CodeReader codeReader;

  public OutcomeClassifier() {
    this(DEFAULT_LEXICONS);
  }

  OutcomeClassifier(List<Lexicon> lexicons) {
    textReader = new TextReader(lexicons);
    codeReader = new CodeReader(textReader);
  }

  public Classification classify(ReportFacts facts) {
    Objects.requireNonNull(facts, "facts");
    Map<EvidenceSource, List<Finding>> byLevel = new EnumMap<>(EvidenceSource.class);
    EvidenceSource decidingLevel = null;
    for (EvidenceSource level : LEVELS) {
      List<Finding> findings = read(level, facts);
      byLevel.put(level, findings);
      if (findings.stream().anyMatch(Finding::placed)) {
        decidingLevel = level;
        break;
      }
    }
    if (decidingLevel == null) {
      return unplaceable(byLevel);
    }

    List<Finding> deciding = byLevel.get(decidingLevel).stream().filter(Finding::placed).toList();
    Outcome outcome = deciding.stream().map(Finding::outcome).reduce(Outcome::worse).orElseThrow();
    List<Evidence> evidence = new ArrayList<>(toEvidence(decidingLevel, deciding));

    boolean needsReview = false;
    if (outcome != Outcome.MALIGNANT) {
      // a superseded diagnosis (frozen section, preliminary, before a revision) worse than the decision is flagged
      for (EvidenceSource read : LEVELS.subList(0, LEVELS.indexOf(decidingLevel) + 1)) {
        List<Finding> worse = byLevel.get(read).stream()
            .filter(f -> f.superseded() && f.outcome() != null && f.outcome().severity() > outcome.severity())
            .toList();
        if (!worse.isEmpty()) {
          needsReview = true;
          evidence.addAll(toEvidence(read, worse));
        }
      }
      for (EvidenceSource weaker : LEVELS.subList(LEVELS.indexOf(decidingLevel) + 1, LEVELS.size())) {
        List<Finding> worse = read(weaker, facts).stream()
            .filter(f -> f.outcome() != null && f.outcome().severity() > outcome.severity())
            .toList();
        if (!worse.isEmpty()) {
          needsReview = true;
          evidence.addAll(toEvidence(weaker, worse));
        }
      }
    }
    return new Classification(outcome, needsReview, evidence, RULE_SET_VERSION);
  }

  private List<Finding> read(EvidenceSource level, ReportFacts facts) {
    List<Finding> findings = new ArrayList<>();
    switch (level) {
      case CONCLUSION_CODE -> {
        for (int i = 0; i < facts.conclusionCodes().size(); i++) {
          findings.addAll(codeReader.read(facts.conclusionCodes().get(i), "conclusionCode[" + i + "]", true));
        }
      }
      case CONCLUSION_TEXT -> findings.addAll(textReader.readReport(facts.conclusion(), "conclusion"));
      case OBSERVATION -> {
        for (int i = 0; i < facts.observations().size(); i++) {
          readObservation(facts.observations().get(i), "result[" + i + "]", findings);
        }
      }
      case ATTACHMENT -> {
        for (int i = 0; i < facts.attachmentTexts().size(); i++) {
          findings.addAll(textReader.readReport(facts.attachmentTexts().get(i), "presentedForm[" + i + "]"));
        }
      }
      case NARRATIVE -> findings.addAll(textReader.readReport(facts.narrative(), "text.div"));
      case NONE -> { }
    }
    return findings;
  }

  /**
   * An observation's answer is evidence; its label is only context. A label-only observation ("Margin
   * Status for Invasive Carcinoma" with no value) says nothing.
   */
  private void readObservation(ObservationFact observation, String location, List<Finding> findings) {
    String context = labelContext(observation);
    if (CLINICAL_CONTEXT_LABEL.matcher(context).find()) {
      return;
    }
    List<CodedConcept> values = observation.valueCodes();
    String valueText = observation.valueText();
    if (GLEASON_LABEL.matcher(context).find()) {
      String value = valueText != null && !valueText.isBlank() ? valueText.trim()
          : values.stream().map(CodedConcept::display).filter(Objects::nonNull).findFirst().orElse("");
      if (HAS_DIGIT.matcher(value).find()) {
        String label = observation.label() == null ? "Gleason score" : observation.label().trim();
        findings.add(new Finding(Outcome.MALIGNANT, label + ": " + value, location + ".value"));
        return;
      }
    }
    for (int j = 0; j < values.size(); j++) {
      String codingLocation = location + ".valueCodeableConcept" + (values.size() > 1 ? ".coding[" + j + "]" : "");
      findings.addAll(codeReader.read(values.get(j), codingLocation, false));
    }
    if (valueText != null && !valueText.isBlank()) {
      findings.addAll(textReader.readReport(valueText, location + ".valueString"));
    }
  }

  private static String labelContext(ObservationFact observation) {
    StringBuilder context = new StringBuilder(observation.label() == null ? "" : observation.label());
    for (CodedConcept code : observation.codes()) {
      if (code.display() != null) {
        context.append(' ').append(code.display());
      }
    }
    return context.toString();
  }

  private static List<Evidence> toEvidence(EvidenceSource source, List<Finding> findings) {
    Set<Evidence> unique = new LinkedHashSet<>();
    findings.stream()
        .sorted(Comparator.comparingInt((Finding f) -> f.outcome().severity()).reversed())
        .forEach(f -> unique.add(new Evidence(source, f.outcome(), f.matched(), f.location())));
    return List.copyOf(unique);
  }

  /** Safety rule (docs/architecture.md §4): what nothing places is atypical, needs review, and says why. */
  private static Classification unplaceable(Map<EvidenceSource, List<Finding>> byLevel) {
    List<Finding> unplaced = byLevel.values().stream().flatMap(List::stream).limit(3).toList();
    Evidence evidence = unplaced.isEmpty()
        ? new Evidence(EvidenceSource.NONE, Outcome.ATYPICAL, NO_EVIDENCE, "report")
        : new Evidence(EvidenceSource.NONE, Outcome.ATYPICAL,
            NO_EVIDENCE + "; not placeable: " + String.join("; ", unplaced.stream().map(Finding::matched).toList()),
            unplaced.get(0).location());
    return new Classification(Outcome.ATYPICAL, true, List.of(evidence), RULE_SET_VERSION);
  }
}

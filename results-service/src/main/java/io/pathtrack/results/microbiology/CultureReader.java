package io.pathtrack.results.microbiology;

import io.pathtrack.contract.Outcome;
import io.pathtrack.results.classification.Classification;
import io.pathtrack.results.classification.CodedConcept;
import io.pathtrack.results.classification.Evidence;
import io.pathtrack.results.classification.EvidenceSource;
import io.pathtrack.results.classification.ObservationFact;
import io.pathtrack.results.classification.OutcomeClassifier;
import io.pathtrack.results.classification.ReportFacts;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a culture report (docs/architecture.md §4a): growth (an organism identified, with or without
 * susceptibilities), no growth, or still pending. A culture is not a histology report: it is never given to the
 * histology classifier. Its result also sets the report's outcome, so that every consumer of the outcome stays safe:
 * growth is atypical (not normal, not a neoplasm), no growth benign, pending nondiagnostic; a final culture report
 * nothing places is atypical and needs review, like any report the system cannot place (never benign by default).
 * English, German, French, Spanish, Italian and Dutch wording; organism names in Latin. Thread-safe.
 */
public final class CultureReader {

  /** The culture's result as {@code ce_culture} carries it. */
  public enum Result {
    GROWTH("growth"), NO_GROWTH("no-growth"), PENDING("pending"), UNKNOWN("unknown");

    private final String code;

    Result(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /**
   * What the culture says.
   *
   * @param organisms organism names found (at most 10), for the evidence and the page
   * @param susceptibilities whether susceptibility results are reported
   */
  public record Reading(Result result, List<String> organisms, boolean susceptibilities, Classification classification) {}

  /** The longest text read; a culture report is short. */
  static final int MAX_TEXT = 64 * 1024;
  private static final String NEG = "(?:no|not|without|kein\\p{L}*|ohne|pas de|aucune?|sin|ningún|nessun\\p{L}*|senza|geen|negativ\\p{L}* (?:for|für|pour|para|per|voor))";
  private static final Pattern NO_GROWTH = Pattern.compile("(?i)(?<!\\p{L})(?:no (?:bacterial |fungal |significant |aerobic |anaerobic )?growth"
      + "|no (?:organisms?|bacteria|pathogens?) (?:isolated|grown|recovered|seen|detected)|culture[s]? (?:is |are |was )?(?:negative|sterile)"
      + "|sterile|kein(?:e)? (?:bakterielles |relevantes )?wachstum|kein erregernachweis|steril|keimfrei|kulturell negativ"
      + "|absence de (?:croissance|culture)|culture (?:stérile|négative)|stérile|sin crecimiento|cultivo negativo|estéril"
      + "|nessuna crescita|coltura negativa|sterile|geen groei|kweek negatief|steriel)(?!\\p{L})");
  private static final Pattern GROWTH = Pattern.compile("(?i)(?<!\\p{L})(?:growth of|grew|isolated|cultured|heavy growth|moderate growth"
      + "|light growth|scanty growth|positive culture|culture positive|wachstum von|nachweis von|isoliert|croissance de|isolé\\p{L}*"
      + "|crecimiento de|aislad\\p{L}*|crescita di|isolat\\p{L}*|groei van|geïsoleerd)(?!\\p{L})");
  /** Genera (and common shorthands) of organisms a bone, lung or soft-tissue culture grows. */
  private static final Pattern ORGANISM = Pattern.compile("(?<![\\p{L}])(?:(?:Staphylococcus|Streptococcus|Enterococcus|Escherichia"
      + "|Klebsiella|Pseudomonas|Enterobacter|Serratia|Proteus|Salmonella|Acinetobacter|Haemophilus|Kingella|Brucella"
      + "|Cutibacterium|Propionibacterium|Corynebacterium|Bacillus|Clostridium|Clostridioides|Bacteroides|Fusobacterium"
      + "|Prevotella|Actinomyces|Nocardia|Peptostreptococcus|Finegoldia|Mycobacterium|Candida|Aspergillus|Cryptococcus"
      + "|Burkholderia|Stenotrophomonas|Citrobacter|Morganella|Listeria|Neisseria|Moraxella|Veillonella|Parvimonas)"
      + "(?: [a-z]{3,20})?|MRSA|MSSA|VRE|ESBL|(?i:gram[- ](?:positive|negative) (?:cocci|bacilli|rods))|(?i:acid[- ]fast bacilli))(?![\\p{L}])");
  private static final Pattern NEGATION_BEFORE = Pattern.compile("(?i)" + NEG + "[^.;:\\n]{0,30}$");
  private static final Pattern SUSCEPTIBILITY = Pattern.compile("(?i)(?<!\\p{L})(?:susceptib\\p{L}*|sensitiv\\p{L}*|resistan\\p{L}*"
      + "|antibiogram\\p{L}*|MIC|empfindlich\\p{L}*|resisten\\p{L}*|antibiogramm\\p{L}*|sensib\\p{L}*|gevoelig\\p{L}*)(?!\\p{L})");
  private static final Pattern SIR = Pattern.compile("(?i)^\\s*(?:S|I|R|susceptible|intermediate|resistant|sensibel|resistent)\\s*$");

  /**
   * @param finalReport whether the report is final (or amended, corrected): a final one nothing places needs review;
   *     a preliminary one nothing places is pending
   */
  public Reading read(ReportFacts facts, boolean finalReport) {
    List<String> texts = new ArrayList<>();
    List<String> where = new ArrayList<>();
    add(texts, where, facts.conclusion(), "conclusion");
    for (int i = 0; i < facts.observations().size(); i++) {
      ObservationFact o = facts.observations().get(i);
      StringBuilder value = new StringBuilder(o.valueText() == null ? "" : o.valueText());
      for (CodedConcept c : o.valueCodes()) {
        value.append(' ').append(c.display() == null ? "" : c.display());
      }
      add(texts, where, (o.label() == null ? "" : o.label() + ": ") + value, "result[" + i + "]");
    }
    for (int i = 0; i < facts.attachmentTexts().size(); i++) {
      add(texts, where, facts.attachmentTexts().get(i), "presentedForm[" + i + "]");
    }
    add(texts, where, facts.narrative(), "text.div");

    Set<String> organisms = new LinkedHashSet<>();
    String organismAt = null;
    String noGrowthAt = null;
    String noGrowthText = null;
    boolean growthWords = false;
    boolean susceptibilities = false;
    for (int t = 0; t < texts.size(); t++) {
      String text = texts.get(t);
      Matcher m = ORGANISM.matcher(text);
      while (m.find() && organisms.size() < 10) {
        String before = text.substring(Math.max(0, m.start() - 40), m.start());
        if (!NEGATION_BEFORE.matcher(before).find()) {
          organisms.add(m.group());
          organismAt = organismAt == null ? where.get(t) : organismAt;
        }
      }
      Matcher none = NO_GROWTH.matcher(text);
      if (noGrowthAt == null && none.find()) {
        noGrowthAt = where.get(t);
        noGrowthText = none.group();
      }
      growthWords |= GROWTH.matcher(text).find();
      susceptibilities |= SUSCEPTIBILITY.matcher(text).find();
    }
    for (ObservationFact o : facts.observations()) {
      susceptibilities |= o.valueText() != null && SIR.matcher(o.valueText()).matches();
    }
    Result result;
    Evidence evidence;
    if (!organisms.isEmpty()) {
      result = Result.GROWTH;
      evidence = new Evidence(EvidenceSource.CONCLUSION_TEXT, Outcome.ATYPICAL, "culture: growth of "
          + String.join(", ", organisms) + (susceptibilities ? "; susceptibilities reported" : ""), organismAt);
    } else if (noGrowthAt != null) {
      result = Result.NO_GROWTH;
      evidence = new Evidence(EvidenceSource.CONCLUSION_TEXT, Outcome.BENIGN, "culture: " + noGrowthText.toLowerCase(Locale.ROOT)
          + (finalReport ? "" : " (preliminary)"), noGrowthAt);
    } else if (growthWords) {
      // Growth is stated but no organism this reader knows is named: growth, and a person should look.
      result = Result.GROWTH;
      evidence = new Evidence(EvidenceSource.NONE, Outcome.ATYPICAL, "culture: growth stated, organism not recognised", "report");
      return new Reading(result, List.copyOf(organisms), susceptibilities,
          new Classification(Outcome.ATYPICAL, true, List.of(evidence), OutcomeClassifier.RULE_SET_VERSION));
    } else if (!finalReport) {
      result = Result.PENDING;
      evidence = new Evidence(EvidenceSource.NONE, Outcome.NONDIAGNOSTIC, "culture: pending (preliminary report, no result yet)",
          "report");
    } else {
      result = Result.UNKNOWN;
      evidence = new Evidence(EvidenceSource.NONE, Outcome.ATYPICAL,
          "culture: final report states neither growth nor no growth", "report");
      return new Reading(result, List.of(), susceptibilities,
          new Classification(Outcome.ATYPICAL, true, List.of(evidence), OutcomeClassifier.RULE_SET_VERSION));
    }
    return new Reading(result, List.copyOf(organisms), susceptibilities,
        new Classification(evidence.outcome(), false, List.of(evidence), OutcomeClassifier.RULE_SET_VERSION));
  }

  private static void add(List<String> texts, List<String> where, String text, String location) {
    if (text != null && !text.isBlank()) {
      texts.add(text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text);
      where.add(location);
    }
  }
}

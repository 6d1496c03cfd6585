package io.pathtrack.results.classification;

import io.pathtrack.contract.Outcome;
import io.pathtrack.results.classification.TermScanner.Break;
import io.pathtrack.results.classification.TermScanner.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads pathology text the way docs/architecture.md §4 asks:
 * <ol>
 *   <li>normalise (tags, entities, VistA markup, HL7 escapes);</li>
 *   <li>keep the diagnosis: when the text has a diagnosis section ("DIAGNOSIS:", "Final diagnosis",
 *       "Diagnostic interpretation:", "Diagnose:") only it and its comments are read; clinical history,
 *       pre-/post-operative diagnosis, specimen and gross sections are never read;</li>
 *   <li>split multi-part reports ("A.", "B)", "(C)", "B &amp; C)", "Part 1:", "1.") into parts, each classified
 *       on its own and named in the evidence; the worst part decides;</li>
 *   <li>find lexicon terms and apply negation, hedging, history and affirmation cues within their scope:
 *       a pre-cue reaches forward to the end of its sentence or clause (a comma ends it unless a list
 *       continues with "or"), at most {@value #SCOPE_CHARS} characters; a post-cue reaches back over its
 *       comma-free segment only, so "carcinoma, lymphovascular invasion not identified" stays malignant.</li>
 * </ol>
 * Immutable and thread-safe.
 */
final class TextReader {

  static final int SCOPE_CHARS = 80;
  private static final int SOFT_WRAP_MIN_LINE = 55;
  private static final int HEADING_WINDOW = 60;

  /** A part marker at a line start or sentence start: "A.", "B)", "(C)", "B &amp; C)", "Part 1:", "Specimen A", "1." */
  private static final Pattern PART_MARKER = Pattern.compile(
      "[ \\t]*(?:"
          + "(?i:part|specimen|probe|teil)\\s+(?<kw>(?:[A-Z]|\\d{1,2})(?:\\s*(?:&|,|and|und|-|to)\\s*(?:[A-Z]|\\d{1,2}))*)\\b\\s*[.):\\-]?"
          + "|\\(?(?<bare>(?:[A-Z]|[1-9]\\d?)(?:\\s*(?:&|,|and|und|-)\\s*(?:[A-Z]|[1-9]\\d?))*)\\s*[.):]"
          + ")(?=\\s)");
  private static final Pattern LINE_STARTS_PART =
      Pattern.compile("[ \\t]*(?:\\(?(?:[A-Z]|[1-9]\\d?)\\s*[.):]|(?i:part|specimen)\\s)");
  private static final Pattern LIST_CONTINUES =
      Pattern.compile("[^.;:\\n]{0,120}?(?<![\\p{L}])(?:or|nor|and/or|oder|noch|ou|ni|oppure|né)(?![\\p{L}])");

  private final TermScanner scanner;
  private final TermScanner headingScanner;
  private final TermScanner inlineHeadingScanner;
  private final Map<Term, SectionRole> headingRoles;

  TextReader(List<Lexicon> lexicons) {
    scanner = new TermScanner(lexicons);
    Map<Term, SectionRole> roles = new HashMap<>();
    List<Term> headingTerms = new ArrayList<>();
    List<Term> inlineTerms = new ArrayList<>();
    for (Lexicon lexicon : lexicons) {
      for (SectionHeading heading : lexicon.headings()) {
        // an inline heading is told apart by its kind, so the same words may also be a plain heading
        Term term = new Term(heading.regex(), heading.inline() ? TermKind.SCOPE_BREAK : TermKind.NEUTRAL, null, null,
            null);
        (heading.inline() ? inlineTerms : headingTerms).add(term);
        roles.putIfAbsent(term, heading.role());
      }
    }
    headingScanner = new TermScanner(List.of(new Lexicon("headings", headingTerms, List.of())));
    inlineHeadingScanner = new TermScanner(List.of(new Lexicon("inline headings", inlineTerms, List.of())));
    headingRoles = Map.copyOf(roles);
  }

  /** A whole text: conclusion, attachment, narrative or an observation's value text. */
  List<Finding> readReport(String raw, String location) {
    String text = TextNormalizer.normalize(raw);
    List<Finding> findings = new ArrayList<>();
    if (text.isBlank()) {
      return findings;
    }
    for (Reading section : selectSections(text)) {
      String sectionLocation = section.comment() ? location + ", comment" : location;
      String joined = joinSoftWraps(section.text());
      List<Finding> read = new ArrayList<>();
      for (Part part : parts(joined)) {
        String partLocation = part.label() == null ? sectionLocation : sectionLocation + ", part " + part.label();
        readClauses(part.text(), partLocation, read);
      }
      if (section.superseded() != null) {
        // context only: what a later diagnosis in the same text replaced (docs/architecture.md §4)
        read.replaceAll(f -> new Finding(f.outcome(), f.matched() + " (" + section.superseded() + ", superseded)",
            f.location(), true));
      }
      findings.addAll(read);
    }
    return findings;
  }

  /** A short phrase (a code's display): no sections, no parts. */
  List<Finding> readPhrase(String raw, String location) {
    String text = TextNormalizer.normalize(raw);
    List<Finding> findings = new ArrayList<>();
    if (!text.isBlank()) {
      readClauses(text, location, findings);
    }
    return findings;
  }

  // ---------------------------------------------------------------------------------------------------
  // sections

  private record Section(SectionRole role, String heading, String text) {}

  /**
   * A section to read: whether it is a comment, and, when a later diagnosis in the same text replaces it, the
   * heading it had (else null).
   */
  private record Reading(String text, boolean comment, String superseded) {}

  /**
   * Keeps the diagnosis (docs/architecture.md §4). With a diagnosis section (DIAGNOSIS or REVISED) only the
   * diagnosis, its comments and superseded context are read; preliminary sections (frozen section, preliminary
   * diagnosis) and diagnosis sections before a revised one are superseded. Without one, everything but the
   * excluded sections is read.
   */
  private List<Reading> selectSections(String text) {
    String lower = TextNormalizer.lowerCaseSameLength(text);
    List<Section> sections = new ArrayList<>();
    SectionRole current = SectionRole.OTHER;
    String heading = null;
    int contentStart = 0;
    for (Token token : headingCandidates(lower)) {
      int end = token.start() >= contentStart ? headingEnd(lower, token) : -1;
      // "the diagnosis was revised to" inside a clinical history tells the history, not this report's revision
      boolean inline = token.term().kind() == TermKind.SCOPE_BREAK;
      if (end < 0 || inline && current == SectionRole.EXCLUDED) {
        continue;
      }
      sections.add(new Section(current, heading, text.substring(contentStart, token.start())));
      current = headingRoles.get(token.term());
      heading = quote(text, token.start(), token.end());
      contentStart = end;
    }
    sections.add(new Section(current, heading, text.substring(contentStart)));

    boolean hasDiagnosis = false;
    int firstRevised = -1;
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      if (!s.text().isBlank() && (s.role() == SectionRole.DIAGNOSIS || s.role() == SectionRole.REVISED)) {
        hasDiagnosis = true;
        if (s.role() == SectionRole.REVISED && firstRevised < 0) {
          firstRevised = i;
        }
      }
    }
    List<Reading> read = new ArrayList<>();
    // the heading of the diagnosis a comment qualifies, when a later diagnosis superseded it
    String commentedSuperseded = null;
    for (int i = 0; i < sections.size(); i++) {
      Section s = sections.get(i);
      String superseded = switch (s.role()) {
        case DIAGNOSIS -> i < firstRevised ? s.heading() : null;
        case PRELIMINARY -> hasDiagnosis ? s.heading() : null;
        case COMMENT -> commentedSuperseded;
        default -> null;
      };
      if (s.role() != SectionRole.COMMENT) {
        commentedSuperseded = superseded;
      }
      boolean wanted = switch (s.role()) {
        case DIAGNOSIS, REVISED, PRELIMINARY, COMMENT -> true;
        case OTHER -> !hasDiagnosis;
        case EXCLUDED -> false;
      };
      if (wanted && !s.text().isBlank()) {
        read.add(new Reading(s.text(), s.role() == SectionRole.COMMENT, superseded));
      }
    }
    return read;
  }

  /**
   * Headings end at a colon or stand alone on a short line, so only the text just before each colon and
   * the short lines are scanned for them (hot path: a 6 KB report has a few dozen colons).
   */
  private List<Token> headingCandidates(String lower) {
    List<Token> found = new ArrayList<>();
    int lineStart = 0;
    for (int i = 0; i <= lower.length(); i++) {
      char c = i < lower.length() ? lower.charAt(i) : '\n';
      if (c == ':') {
        found.addAll(headingScanner.scan(lower, Math.max(lineStart, i - HEADING_WINDOW), i));
      } else if (c == '\n') {
        if (i - lineStart <= HEADING_WINDOW && lower.lastIndexOf(':', i - 1) < lineStart) {
          found.addAll(headingScanner.scan(lower, lineStart, i));
        }
        lineStart = i + 1;
      }
    }
    if (!inlineHeadingScanner.isEmpty()) {
      found.addAll(inlineHeadingScanner.scan(lower));
    }
    found.removeIf(t -> !t.isTerm());
    found.sort(Comparator.comparingInt(Token::start));
    List<Token> unique = new ArrayList<>();
    for (Token t : found) {
      if (unique.isEmpty() || unique.get(unique.size() - 1).start() != t.start()) {
        unique.add(t);
      }
    }
    return unique;
  }

  /**
   * A heading is followed by a colon, or stands alone on its line; an inline heading opens its section where
   * it stands. Returns where its content starts, or -1.
   */
  private static int headingEnd(String lower, Token token) {
    int p = token.end();
    while (p < lower.length() && (lower.charAt(p) == ' ' || lower.charAt(p) == '\t')) {
      p++;
    }
    if (p < lower.length() && lower.charAt(p) == ':') {
      return p + 1;
    }
    if (token.term().kind() == TermKind.SCOPE_BREAK) {
      return p;
    }
    boolean endsLine = p == lower.length() || lower.charAt(p) == '\n';
    int q = token.start() - 1;
    while (q >= 0 && (lower.charAt(q) == ' ' || lower.charAt(q) == '\t')) {
      q--;
    }
    boolean startsLine = q < 0 || lower.charAt(q) == '\n';
    return endsLine && startsLine ? p : -1;
  }

  /**
   * Joins lines that a fixed-width system wrapped mid-sentence (VistA wraps at 80 columns), so that
   * "NO EVIDENCE OF / MALIGNANCY" stays one phrase; a deliberate line break stays a break.
   */
  private static String joinSoftWraps(String text) {
    if (text.indexOf('\n') < 0) {
      return text;
    }
    boolean allCaps = text.chars().noneMatch(Character::isLowerCase);
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < lines.length; i++) {
      out.append(lines[i]);
      if (i == lines.length - 1) {
        break;
      }
      String next = lines[i + 1];
      String nextTrimmed = next.strip();
      boolean soft = lines[i].strip().length() >= SOFT_WRAP_MIN_LINE
          && !nextTrimmed.isEmpty()
          && !LINE_STARTS_PART.matcher(next).lookingAt()
          && (allCaps || Character.isLowerCase(nextTrimmed.charAt(0)));
      out.append(soft ? ' ' : '\n');
    }
    return out.toString();
  }

  // ---------------------------------------------------------------------------------------------------
  // parts

  private record Part(String label, String text) {}

  private static List<Part> parts(String text) {
    Matcher m = PART_MARKER.matcher(text);
    List<Part> parts = new ArrayList<>();
    String label = null;
    int start = 0;
    for (int p = 0; p < text.length(); p++) {
      if (!atLineOrSentenceStart(text, p) || !m.region(p, text.length()).lookingAt()) {
        continue;
      }
      String preceding = text.substring(start, p);
      if (!preceding.isBlank() || label != null) {
        parts.add(new Part(label, preceding));
      }
      String raw = m.group("kw") != null ? m.group("kw") : m.group("bare");
      label = raw.replaceAll("\\s+", " ").trim();
      start = m.end();
      p = m.end() - 1;
    }
    parts.add(new Part(label, text.substring(start)));
    return parts.stream().filter(part -> !part.text().isBlank()).toList();
  }

  private static boolean atLineOrSentenceStart(String text, int p) {
    if (p == 0 || text.charAt(p - 1) == '\n') {
      return true;
    }
    return p >= 2 && text.charAt(p - 1) == ' ' && (text.charAt(p - 2) == '.' || text.charAt(p - 2) == ';');
  }

  // ---------------------------------------------------------------------------------------------------
  // clauses

  /** A cue in force: where it is, and whether it has covered a finding (for a hedge: a malignant or atypical one). */
  private static final class Cue {
    final Token token;
    boolean coveredPlacement;

    Cue(Token token) {
      this.token = token;
    }

    boolean reaches(Token finding) {
      return finding.start() - token.end() <= SCOPE_CHARS;
    }
  }

  private static final class Mention {
    final Token token;
    final Cue negationBefore;
    final Cue hedgeBefore;
    Token negationAfter;
    Token hedgeAfter;

    Mention(Token token, Cue negationBefore, Cue hedgeBefore) {
      this.token = token;
      this.negationBefore = negationBefore;
      this.hedgeBefore = hedgeBefore;
    }
  }

  private record Located(int start, int end, Finding finding) {}

  private void readClauses(String text, String location, List<Finding> out) {
    String lower = TextNormalizer.lowerCaseSameLength(text);
    List<Token> tokens = scanner.scan(lower);
    List<Mention> mentions = new ArrayList<>();
    List<Located> located = new ArrayList<>();
    Cue negation = null;
    Cue hedge = null;
    Cue history = null;
    // an earlier report's cue that opened its clause: it outlasts "showed" / "consistent with" until its first finding
    boolean historyOutlastsAffirmation = false;
    boolean clauseHasFinding = false;
    int segmentStart = 0;
    Token previous = null;
    for (Token token : tokens) {
      Token before = previous;
      previous = token;
      if (!token.isTerm()) {
        history = null;
        clauseHasFinding = false;
        // "suspicious for, but not diagnostic of, malignancy": a cue directly before a comma still reaches on
        boolean cueJustBefore = token.brk() == Break.COMMA && before != null && before.isTerm()
            && before.term().kind() != TermKind.FINDING;
        boolean listContinues = token.brk() == Break.COMMA
            && LIST_CONTINUES.matcher(lower).region(token.end(), lower.length()).lookingAt();
        if (!cueJustBefore && !listContinues) {
          closeSuspicion(hedge, text, token.start(), location, located);
          hedge = null;
          negation = null;
        }
        segmentStart = mentions.size();
        continue;
      }
      switch (token.term().kind()) {
        case SCOPE_BREAK, AFFIRMATION -> {
          closeSuspicion(hedge, text, token.start(), location, located);
          hedge = null;
          negation = null;
          boolean keepsHistory = token.term().kind() == TermKind.AFFIRMATION && history != null
              && historyOutlastsAffirmation && !history.coveredPlacement;
          if (!keepsHistory) {
            history = null;
          }
          segmentStart = mentions.size();
        }
        case NEGATION_BEFORE -> negation = new Cue(token);
        case HEDGE_BEFORE -> {
          closeSuspicion(hedge, text, token.start(), location, located);
          // "not suspicious for malignancy" and "history of suspicious lesion" do not suspect anything
          hedge = negation == null && history == null ? new Cue(token) : null;
        }
        case HISTORY_BEFORE, EARLIER_REPORT -> {
          history = new Cue(token);
          historyOutlastsAffirmation = token.term().kind() == TermKind.EARLIER_REPORT && !clauseHasFinding;
        }
        case FINDING -> {
          clauseHasFinding = true;
          if (history != null) {
            history.coveredPlacement = true;
            located.add(new Located(history.token.start(), token.end(), new Finding(null,
                quote(text, history.token.start(), token.end()) + " (clinical history, not a diagnosis)", location)));
            continue;
          }
          Cue n = negation != null && negation.reaches(token) ? negation : null;
          Cue h = hedge != null && hedge.reaches(token) ? hedge : null;
          if (h != null && n == null && isSuspect(token.term().outcome())) {
            h.coveredPlacement = true;
          }
          mentions.add(new Mention(token, n, h));
        }
        case NEGATION_AFTER -> {
          for (int i = segmentStart; i < mentions.size(); i++) {
            Mention m = mentions.get(i);
            if (token.start() - m.token.end() <= SCOPE_CHARS) {
              m.negationAfter = token;
            }
          }
        }
        case HEDGE_AFTER -> {
          for (int i = segmentStart; i < mentions.size(); i++) {
            mentions.get(i).hedgeAfter = token;
          }
        }
        case ALTERNATIVE -> {
          for (int i = segmentStart; i < mentions.size(); i++) {
            mentions.get(i).hedgeAfter = token;
          }
          closeSuspicion(hedge, text, token.start(), location, located);
          hedge = negation == null && history == null ? new Cue(token) : null;
        }
        case NEUTRAL -> { }
      }
    }
    closeSuspicion(hedge, text, text.length(), location, located);
    for (Mention mention : mentions) {
      located.add(interpret(mention, text, lower, location));
    }
    located.sort(Comparator.comparingInt(Located::start));
    // drop a finding whose span lies inside another finding's span with the same outcome
    for (int i = 0; i < located.size(); i++) {
      Located a = located.get(i);
      boolean redundant = false;
      for (int j = 0; j < located.size() && !redundant; j++) {
        Located b = located.get(j);
        redundant = i != j && b.start() <= a.start() && a.end() <= b.end() && (b.end() - b.start()) > (a.end() - a.start())
            && b.finding().outcome() == a.finding().outcome();
      }
      if (!redundant) {
        out.add(a.finding());
      }
    }
  }

  private static boolean isSuspect(Outcome outcome) {
    return outcome == Outcome.MALIGNANT || outcome == Outcome.ATYPICAL;
  }

  /** "suspicious for" that covered no malignant or atypical term is itself an atypical statement. */
  private static void closeSuspicion(Cue hedge, String text, int scopeEnd, String location, List<Located> located) {
    if (hedge == null || hedge.coveredPlacement || hedge.token.term().outcome() == null) {
      return;
    }
    int start = hedge.token.start();
    int end = Math.min(scopeEnd, hedge.token.end() + 60);
    located.add(new Located(start, end, new Finding(hedge.token.term().outcome(), quote(text, start, end), location)));
  }

  private static Located interpret(Mention m, String text, String lower, String location) {
    Term term = m.token.term();
    int start = m.token.start();
    int end = m.token.end();
    Outcome outcome;
    if (m.negationBefore != null || m.negationAfter != null) {
      outcome = term.whenNegated();
      start = m.negationBefore != null ? m.negationBefore.token.start() : start;
      end = m.negationAfter != null ? m.negationAfter.end() : end;
    } else if (m.hedgeBefore != null || m.hedgeAfter != null) {
      // a hedged malignant or atypical term is atypical (docs/architecture.md §4); a hedged benign one ("favour
      // fibroadenoma") is not a benign diagnosis and places nothing
      outcome = isSuspect(term.outcomeOf(lower.substring(start, end))) ? Outcome.ATYPICAL : null;
      start = m.hedgeBefore != null ? m.hedgeBefore.token.start() : start;
      end = m.hedgeAfter != null ? m.hedgeAfter.end() : end;
    } else {
      outcome = term.outcomeOf(lower.substring(start, end));
    }
    return new Located(start, end, new Finding(outcome, quote(text, start, end), location));
  }

  private static String quote(String text, int start, int end) {
    return text.substring(start, Math.min(end, text.length())).replaceAll("\\s+", " ").trim();
  }
}

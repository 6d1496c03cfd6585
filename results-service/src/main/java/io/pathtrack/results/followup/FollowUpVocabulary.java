package io.pathtrack.results.followup;

import io.pathtrack.results.followup.Phrase.Vocabulary;
import java.util.List;

/**
 * The follow-up vocabulary of every language, in the order the scanner needs: at equal length a phrase added
 * earlier wins, so strong mentions come before weak ones ("excisional biopsy" is an excision, not a biopsy).
 */
final class FollowUpVocabulary {

  static final List<PhraseScanner.Entry<Phrase>> ENTRIES = build();

  private FollowUpVocabulary() {}

  private static List<PhraseScanner.Entry<Phrase>> build() {
    Vocabulary v = new Vocabulary();
    EnglishFollowUpPhrases.mentions(v);
    GermanFollowUpPhrases.mentions(v);
    FrenchFollowUpPhrases.mentions(v);
    SpanishFollowUpPhrases.mentions(v);
    ItalianFollowUpPhrases.mentions(v);
    DutchFollowUpPhrases.mentions(v);
    EnglishFollowUpPhrases.weakMentions(v);
    GermanFollowUpPhrases.weakMentions(v);
    FrenchFollowUpPhrases.weakMentions(v);
    SpanishFollowUpPhrases.weakMentions(v);
    ItalianFollowUpPhrases.weakMentions(v);
    DutchFollowUpPhrases.weakMentions(v);
    EnglishFollowUpPhrases.cues(v);
    GermanFollowUpPhrases.cues(v);
    FrenchFollowUpPhrases.cues(v);
    SpanishFollowUpPhrases.cues(v);
    ItalianFollowUpPhrases.cues(v);
    DutchFollowUpPhrases.cues(v);
    StatedInterval.phrases(v);
    return v.entries();
  }
}

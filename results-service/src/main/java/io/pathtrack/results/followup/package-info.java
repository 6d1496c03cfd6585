/**
 * What a pathology report asks to be done next, and whether it confirms calcifications: a pure-Java core with no
 * Spring, Kafka or HAPI types, like {@code classification}, which it shares nothing with.
 *
 * <p>{@link io.pathtrack.results.followup.FollowUpReader} finds recommended follow-ups
 * ({@link io.pathtrack.results.followup.FollowUp}: repeat biopsy, excision, imaging, correlation, MDT review,
 * ancillary tests, clinical follow-up, each with a stated interval when there is one);
 * {@link io.pathtrack.results.followup.CalcificationReader} tells whether calcifications are present, absent or not
 * mentioned. Both read English and German fully and French, Spanish, Italian and Dutch on a best-effort vocabulary;
 * the vocabulary is data, one class per language ({@code EnglishFollowUpPhrases}, {@code GermanFollowUpPhrases}, …,
 * {@code CalcificationPhrases}), scanned in one pass by {@code PhraseScanner}. Sentences, clauses and comma segments
 * ({@code Clauses}) and headed sections ({@code Sections}) bound what a cue reaches.
 *
 * <p>The phrase tables are {@code src/test/resources/followup/follow-up-phrases.csv} and
 * {@code calcification-phrases.csv}; a change of rule adds its case there.
 */
package io.pathtrack.results.followup;

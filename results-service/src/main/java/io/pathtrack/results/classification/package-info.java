/**
 * Outcome classification of pathology reports (docs/architecture.md §4): a pure-Java core, records in
 * ({@link io.pathtrack.results.classification.ReportFacts}), records out
 * ({@link io.pathtrack.results.classification.Classification}); no Spring, Kafka or HAPI types.
 *
 * <p>{@link io.pathtrack.results.classification.OutcomeClassifier} weighs evidence strongest first: coded
 * conclusions (SNOMED CT, ICD-O-3 behaviour, ICD-10 neoplasm blocks, reporting-system category codes),
 * conclusion text, result observations, attachment texts, narrative. Text is read by
 * {@code TextReader}: diagnosis sections only, part by part, with negation, hedging, history and
 * affirmation cues; a final or revised diagnosis supersedes a preliminary one in the same text. The vocabulary is
 * data: {@code EnglishLexicon}, {@code GermanLexicon}, {@code FrenchLexicon}, {@code SpanishLexicon},
 * {@code ItalianLexicon}, {@code DutchLexicon} and the language-neutral {@code ReportingSystemLexicon}; a language is
 * added as one more {@code Lexicon}.
 *
 * <p>Changing a rule changes what reports mean: bump
 * {@link io.pathtrack.results.classification.OutcomeClassifier#RULE_SET_VERSION} and add the case to
 * {@code src/test/resources/classification/conclusion-phrases.csv}.
 */
package io.pathtrack.results.classification;

package io.pathtrack.results.followup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A phrase table of {@code src/test/resources/followup}: rows of "|"-separated columns, grouped by the
 * {@code # lang: xx} line above them, for the tests that check what the tables cover.
 */
record PhraseTable(List<Row> rows) {

  /** One row, with the language of its group. */
  record Row(String language, List<String> columns) {
    String column(int i) {
      return columns.get(i);
    }
  }

  static PhraseTable load(String resource) {
    List<Row> rows = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(PhraseTable.class.getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
      String language = "";
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("# lang:")) {
          language = line.substring("# lang:".length()).strip();
        } else if (!line.isBlank() && !line.startsWith("#")) {
          rows.add(new Row(language, List.of(line.split("\\|", -1))));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new PhraseTable(List.copyOf(rows));
  }

  List<Row> in(String language) {
    return rows.stream().filter(r -> r.language().equals(language)).toList();
  }

  /** A table's text with its "\n" escapes as line breaks. */
  static String text(String cell) {
    return cell.replace("\\n", "\n");
  }
}

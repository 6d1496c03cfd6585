package io.pathtrack.results.hl7;

import ca.uhn.hl7v2.model.v251.segment.NTE;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Annotation;

/** NTE segments (NTE-3 comment) as FHIR notes (Annotation) of an order, report section or observation. */
final class Notes {
  private Notes() {}

  static List<Annotation> of(List<NTE> notes) {
    List<Annotation> out = new ArrayList<>();
    for (NTE nte : notes) {
      List<String> lines = new ArrayList<>();
      for (int rep = 0; rep < Fields.repetitions(nte, 3); rep++) {
        Optional.ofNullable(Fields.get(nte, 3, rep, 1)).ifPresent(lines::add);
      }
      String text = FormattedText.plain(String.join("\n", lines));
      if (text != null && !text.isEmpty()) {
        out.add(new Annotation().setText(text));
      }
    }
    return out;
  }
}

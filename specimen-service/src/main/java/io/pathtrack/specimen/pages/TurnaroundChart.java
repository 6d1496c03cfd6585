package io.pathtrack.specimen.pages;

import io.pathtrack.specimen.domain.TurnaroundCompliance;
import io.pathtrack.contract.ProcedureType;
import java.util.ArrayList;
import java.util.List;

/**
 * The turnaround distribution as the compliance page draws it (server-side SVG, no script): one small bar chart per
 * procedure type, a bar per turnaround band, all on one scale so that procedures compare at a glance. Each chart
 * carries its numbers in words for screen readers.
 */
public record TurnaroundChart(List<Panel> panels) {
  public static final int WIDTH = 560;
  public static final int HEIGHT = 180;
  static final int LEFT = 20;
  static final int BASELINE = 150;
  static final int PLOT_HEIGHT = 110;
  static final int SLOT = 106;
  static final int BAR = 64;

  /** One bar: its band, how many reports fell in it, where it is drawn. */
  public record Bar(String label, int count, int x, int y, int width, int height) {
    public int labelX() {
      return x + width / 2;
    }

    /** Where the count is written, just above the bar. */
    public int countY() {
      return y - 6;
    }
  }

  /** One procedure type's chart. */
  public record Panel(ProcedureType procedure, List<Bar> bars, String description) {
    public String id() {
      return "chart-" + procedure.code();
    }
  }

  public static TurnaroundChart of(TurnaroundCompliance compliance) {
    int max = compliance.procedures().stream().flatMap(p -> p.bands().stream()).mapToInt(Integer::intValue).max().orElse(0);
    List<Panel> panels = new ArrayList<>();
    for (TurnaroundCompliance.ProcedureCompliance p : compliance.procedures()) {
      List<Bar> bars = new ArrayList<>();
      List<String> words = new ArrayList<>();
      for (int band = 0; band < p.bands().size(); band++) {
        int count = p.bands().get(band);
        int height = max == 0 ? 0 : Math.max(count == 0 ? 0 : 2, Math.round((float) PLOT_HEIGHT * count / max));
        String label = TurnaroundCompliance.BAND_LABELS.get(band);
        bars.add(new Bar(label, count, LEFT + band * SLOT, BASELINE - height, BAR, height));
        words.add(label + ": " + count);
      }
      panels.add(new Panel(p.procedure(), bars, "Reports of the last 30 days by turnaround, " + String.join(", ", words)));
    }
    return new TurnaroundChart(List.copyOf(panels));
  }

  public int baseline() {
    return BASELINE;
  }

  public int width() {
    return WIDTH;
  }

  public int height() {
    return HEIGHT;
  }
}

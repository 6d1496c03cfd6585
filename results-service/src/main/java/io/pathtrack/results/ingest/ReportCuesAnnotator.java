package io.pathtrack.results.ingest;

import io.pathtrack.contract.Discipline;
import io.pathtrack.contract.EventHeaders;
import io.pathtrack.contract.Extensions;
import io.pathtrack.contract.ImagingCategory;
import io.pathtrack.contract.ReportCues;
import io.pathtrack.results.classification.ReportFacts;
import io.pathtrack.results.followup.CalcificationReader;
import io.pathtrack.results.followup.FollowUp;
import io.pathtrack.results.followup.FollowUpReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.StringType;

/**
 * What a report says beyond its outcome (docs/architecture.md §4a), added to the published report as extensions and
 * read back into the event's headers ({@link #headers}): the follow-ups it recommends ({@link FollowUpReader}, in its
 * conclusion and texts), whether it confirms calcifications in the specimen ({@link CalcificationReader}), the imaging
 * category its own order states (HL7 v2 OBR-31 becomes the order's reason) and the care team it names (the order's
 * performer CareTeam members, the encounter's attending) — who must hear of an amendment.
 */
public final class ReportCuesAnnotator {
  /** At most this many care-team members are carried. */
  static final int MAX_CARE_TEAM = 20;
  private static final Pattern PRACTITIONER = Pattern.compile("Practitioner/[A-Za-z0-9\\-.]{1,64}");
  private static final Set<String> ATTENDER = Set.of("ATND", "attender", "PPRF");
  private static final FollowUpReader FOLLOW_UPS = new FollowUpReader();
  private static final CalcificationReader CALCIFICATIONS = new CalcificationReader();
  private static final List<String> URLS = List.of(Extensions.FOLLOW_UP, Extensions.CALCIFICATIONS,
      Extensions.IMAGING_CATEGORY, Extensions.CARE_TEAM, Extensions.DISCIPLINE, Extensions.CULTURE, Extensions.PERFORMER);

  private ReportCuesAnnotator() {}

  /**
   * Adds the cues to the report (replacing any it carried: they are the system's reading, not the sender's).
   *
   * @param culture the culture's result, for a microbiology report
   */
  public static void annotate(DiagnosticReport report, ReportFacts facts, Optional<String> culture) {
    report.getExtension().removeIf(e -> URLS.contains(e.getUrl()));
    report.addExtension(Extensions.DISCIPLINE, new CodeType(
        (culture.isPresent() ? Discipline.MICROBIOLOGY : Discipline.HISTOLOGY).code()));
    culture.ifPresent(c -> report.addExtension(Extensions.CULTURE, new CodeType(c)));
    Map<String, FollowUp> followUps = new LinkedHashMap<>();
    List<String> texts = new ArrayList<>();
    if (facts.conclusion() != null) {
      texts.add(facts.conclusion());
      FOLLOW_UPS.read(facts.conclusion(), "conclusion").forEach(f -> followUps.putIfAbsent(f.kind().code(), f));
    }
    for (int i = 0; i < facts.attachmentTexts().size(); i++) {
      texts.add(facts.attachmentTexts().get(i));
      FOLLOW_UPS.read(facts.attachmentTexts().get(i), "presentedForm[" + i + "]")
          .forEach(f -> followUps.putIfAbsent(f.kind().code(), f));
    }
    if (facts.narrative() != null) {
      texts.add(facts.narrative());
      FOLLOW_UPS.read(facts.narrative(), "text.div").forEach(f -> followUps.putIfAbsent(f.kind().code(), f));
    }
    followUps.values().stream().limit(ReportCues.MAX_FOLLOW_UPS).forEach(f -> {
      Extension e = report.addExtension().setUrl(Extensions.FOLLOW_UP);
      e.addExtension("kind", new CodeType(f.kind().code()));
      e.addExtension("text", new StringType(f.phrase()));
      f.interval().ifPresent(p -> e.addExtension("interval", new StringType(p.toString())));
    });
    // Present in any text wins; else the first text that mentions them at all.
    CalcificationReader.Presence calcifications = CalcificationReader.Presence.NOT_MENTIONED;
    for (String text : texts) {
      CalcificationReader.Presence p = CALCIFICATIONS.read(text);
      if (p == CalcificationReader.Presence.PRESENT) {
        calcifications = p;
        break;
      }
      if (calcifications == CalcificationReader.Presence.NOT_MENTIONED) {
        calcifications = p;
      }
    }
    report.addExtension(Extensions.CALCIFICATIONS, new CodeType(calcifications.name().toLowerCase().replace('_', '-')));
    imagingCategory(report).ifPresent(c -> report.addExtension(Extensions.IMAGING_CATEGORY, new CodeType(c.code())));
    careTeam(report).forEach(member -> report.addExtension(Extensions.CARE_TEAM, new Reference(member)));
    performer(report).ifPresent(p -> report.addExtension(Extensions.PERFORMER, new Reference(p)));
  }

  /** The first practitioner performing a Procedure the report contains (the biopsy, and who performed it). */
  static Optional<String> performer(DiagnosticReport report) {
    for (org.hl7.fhir.r4.model.Resource contained : report.getContained()) {
      if (contained instanceof org.hl7.fhir.r4.model.Procedure procedure) {
        for (org.hl7.fhir.r4.model.Procedure.ProcedurePerformerComponent p : procedure.getPerformer()) {
          if (p.hasActor() && p.getActor().hasReference() && PRACTITIONER.matcher(p.getActor().getReference()).matches()) {
            return Optional.of(p.getActor().getReference());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** The cues as event headers, from the annotated report's extensions. */
  public static Map<String, String> headers(DiagnosticReport report) {
    Map<String, String> headers = new LinkedHashMap<>();
    List<ReportCues.FollowUp> followUps = new ArrayList<>();
    for (Extension e : report.getExtensionsByUrl(Extensions.FOLLOW_UP)) {
      String kind = Extensions.singleValue(e, "kind").orElse(null);
      String interval = Extensions.singleValue(e, "interval").orElse(null);
      if (kind != null) {
        followUps.addAll(ReportCues.followUps(kind + (interval == null ? "" : ":" + interval)));
      }
    }
    ReportCues cues = new ReportCues(Optional.empty(), Optional.empty(), followUps);
    Optional.ofNullable(cues.followUpsHeader()).ifPresent(v -> headers.put(EventHeaders.FOLLOW_UPS, v));
    Extensions.singleValue(report, Extensions.CALCIFICATIONS)
        .ifPresent(v -> headers.put(EventHeaders.CALCIFICATIONS, v));
    Extensions.singleValue(report, Extensions.DISCIPLINE)
        .ifPresent(v -> headers.put(EventHeaders.DISCIPLINE, v));
    Extensions.singleValue(report, Extensions.CULTURE).ifPresent(v -> headers.put(EventHeaders.CULTURE, v));
    Extensions.singleValue(report, Extensions.IMAGING_CATEGORY)
        .ifPresent(v -> headers.put(EventHeaders.IMAGING_CATEGORY, v));
    Extensions.single(report, Extensions.PERFORMER).map(Extension::getValue)
        .filter(v -> v instanceof Reference r && r.hasReference())
        .ifPresent(v -> headers.put(EventHeaders.PERFORMER, ((Reference) v).getReference()));
    List<String> team = report.getExtensionsByUrl(Extensions.CARE_TEAM).stream()
        .filter(e -> e.getValue() instanceof Reference r && r.hasReference())
        .map(e -> ((Reference) e.getValue()).getReference()).toList();
    if (!team.isEmpty()) {
      headers.put(EventHeaders.CARE_TEAM, String.join(",", team));
    }
    return headers;
  }

  /** Whether the report is a culture report: its category or code says microbiology ({@link Discipline#of}). */
  public static boolean microbiology(DiagnosticReport report) {
    return Discipline.of(report.getCategory(), report.getCode()) == Discipline.MICROBIOLOGY;
  }

  /** The cue extensions, to keep on a report that is otherwise dropped. */
  public static List<Extension> extensions(DiagnosticReport report) {
    return report.getExtension().stream().filter(e -> URLS.contains(e.getUrl())).map(Extension::copy).toList();
  }

  private static Optional<ImagingCategory> imagingCategory(DiagnosticReport report) {
    for (Reference basedOn : report.getBasedOn()) {
      if (basedOn.getResource() instanceof ServiceRequest order) {
        StringBuilder text = new StringBuilder();
        order.getReasonCode().forEach(reason -> {
          text.append(reason.hasText() ? reason.getText() : "").append('\n');
          reason.getCoding().forEach(c -> text.append(c.hasDisplay() ? c.getDisplay() : "").append('\n'));
        });
        order.getNote().forEach(note -> text.append(note.getText() == null ? "" : note.getText()).append('\n'));
        Optional<ImagingCategory> found = ImagingCategory.find(text.toString());
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** Practitioners of the order's performer CareTeam(s) and the encounter's attending, each once. */
  static List<String> careTeam(DiagnosticReport report) {
    Set<String> members = new LinkedHashSet<>();
    for (Reference basedOn : report.getBasedOn()) {
      if (basedOn.getResource() instanceof ServiceRequest order) {
        for (Reference performer : order.getPerformer()) {
          if (performer.getResource() instanceof CareTeam team) {
            team.getParticipant().forEach(p -> add(members, p.getMember()));
          }
        }
      }
    }
    if (report.getEncounter().getResource() instanceof Encounter encounter) {
      for (Encounter.EncounterParticipantComponent p : encounter.getParticipant()) {
        boolean attending = p.getType().stream().flatMap(t -> t.getCoding().stream())
            .anyMatch(c -> c.getCode() != null && ATTENDER.contains(c.getCode()));
        if (attending) {
          add(members, p.getIndividual());
        }
      }
    }
    return members.stream().limit(MAX_CARE_TEAM).toList();
  }

  private static void add(Set<String> members, Reference member) {
    if (member != null && member.hasReference() && PRACTITIONER.matcher(member.getReference()).matches()) {
      members.add(member.getReference());
    }
  }
}

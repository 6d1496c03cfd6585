package io.pathtrack.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Specimen;

/** Reads what a specimen event says about its order: the ordering practitioner and the procedure. */
public final class SpecimenOrders {
  /** Calcifications named as the target, in the languages the classifier reads. */
  private static final Pattern CALCIFICATION = Pattern.compile("(?i)(?<!\\p{L})(?:(?:micro-?)?calcifications?"
      + "|(?:micro)?calcificaties|(?:mikro)?kalk(?:herd\\p{L}*|spritzer\\p{L}*)?|\\p{L}*verkalkung(?:en)?"
      + "|(?:micro)?calcificaciones|(?:micro)?calcificazioni)(?!\\p{L})");

  private SpecimenOrders() {}

  /** The requester of the first order in {@code Specimen.request} (contained ServiceRequest). */
  public static Optional<String> orderingPractitioner(Specimen specimen) {
    return orders(specimen).stream().filter(order -> order.hasRequester() && order.getRequester().hasReference())
        .map(order -> order.getRequester().getReference()).findFirst();
  }

  /**
   * The orders {@code Specimen.request} refers to: resolved by the parser, or local references ({@code #order})
   * to the ServiceRequests the Specimen contains, as a Specimen built in code holds them.
   */
  public static List<ServiceRequest> orders(Specimen specimen) {
    List<ServiceRequest> orders = new ArrayList<>();
    for (Reference request : specimen.getRequest()) {
      if (request.getResource() instanceof ServiceRequest order) {
        orders.add(order);
      } else if (request.hasReference() && request.getReference().startsWith("#")) {
        String id = request.getReference().substring(1);
        specimen.getContained().stream().filter(ServiceRequest.class::isInstance).map(ServiceRequest.class::cast)
            .filter(order -> id.equals(order.getIdElement().getIdPart())).findFirst().ifPresent(orders::add);
      }
    }
    return orders;
  }

  /** The procedure type coded in {@code Specimen.collection.method}, if it is one of ours. */
  public static Optional<ProcedureType> procedureType(Specimen specimen) {
    if (!specimen.getCollection().hasMethod()) {
      return Optional.empty();
    }
    return specimen.getCollection().getMethod().getCoding().stream()
        .filter(c -> ProcedureType.SYSTEM.equals(c.getSystem()))
        .map(c -> ProcedureType.fromCode(c.getCode()))
        .flatMap(Optional::stream)
        .findFirst();
  }

  /**
   * The imaging category the order states: in {@code ServiceRequest.reasonCode} (text, codes and displays),
   * {@code supportingInfo} (displays), {@code note} or the order's {@link Extensions#IMAGING_CATEGORY}; the first order
   * that states one decides.
   */
  public static Optional<ImagingCategory> imagingCategory(Specimen specimen) {
    for (ServiceRequest order : orders(specimen)) {
      Optional<ImagingCategory> coded = Extensions.singleValue(order, Extensions.IMAGING_CATEGORY)
          .flatMap(ImagingCategory::fromCode);
      if (coded.isPresent()) {
        return coded;
      }
      Optional<ImagingCategory> category = ImagingCategory.find(orderText(order));
      if (category.isPresent()) {
        return category;
      }
    }
    return Optional.empty();
  }

  /** Whether the biopsy targeted calcifications, as the order's reason, notes or body site say. */
  public static boolean calcificationTarget(Specimen specimen) {
    StringBuilder text = new StringBuilder();
    for (ServiceRequest order : orders(specimen)) {
      text.append(orderText(order)).append('\n');
      order.getBodySite().forEach(site -> text.append(concept(site)).append('\n'));
    }
    if (specimen.getCollection().hasBodySite()) {
      text.append(concept(specimen.getCollection().getBodySite()));
    }
    return CALCIFICATION.matcher(text.length() > ImagingCategory.MAX_TEXT ? text.substring(0, ImagingCategory.MAX_TEXT)
        : text).find();
  }

  /**
   * Who performed the biopsy: {@code Specimen.collection.collector}, else the first performer of the order (the
   * radiologist a concordance question goes to).
   */
  public static Optional<String> performer(Specimen specimen) {
    if (specimen.getCollection().hasCollector() && specimen.getCollection().getCollector().hasReference()) {
      return Optional.of(specimen.getCollection().getCollector().getReference());
    }
    return orders(specimen).stream().flatMap(order -> order.getPerformer().stream())
        .filter(Reference::hasReference).map(Reference::getReference).findFirst();
  }

  /**
   * The disciplines the specimen's orders ask for: microbiology for an order whose code or category says so
   * ({@link Discipline#microbiology}), histology for any other order; empty when it has no order.
   */
  public static java.util.Set<Discipline> disciplines(Specimen specimen) {
    java.util.Set<Discipline> ordered = java.util.EnumSet.noneOf(Discipline.class);
    for (ServiceRequest order : orders(specimen)) {
      ordered.add(Discipline.of(order.getCategory(), order.getCode()));
    }
    return ordered;
  }

  /** The disciplines whose final report the specimen has had ({@link Extensions#REPORTED_DISCIPLINE}). */
  public static java.util.Set<Discipline> reportedDisciplines(Specimen specimen) {
    java.util.Set<Discipline> reported = java.util.EnumSet.noneOf(Discipline.class);
    for (Extension e : specimen.getExtensionsByUrl(Extensions.REPORTED_DISCIPLINE)) {
      if (e.getValue() != null && e.getValue().hasPrimitiveValue()) {
        Discipline.fromCode(e.getValue().primitiveValue()).ifPresent(reported::add);
      }
    }
    return reported;
  }

  /** The lifecycle status the specimen carries ({@link Extensions#LIFECYCLE_STATUS}), if any. */
  public static Optional<String> lifecycleStatus(Specimen specimen) {
    return Extensions.singleValue(specimen, Extensions.LIFECYCLE_STATUS);
  }

  /** The reason given when the specimen was moved to {@code status} (a note {@code "rejected: unlabelled"}), if any. */
  public static Optional<String> reasonFor(Specimen specimen, String status) {
    String prefix = status + ": ";
    for (int i = specimen.getNote().size() - 1; i >= 0; i--) {
      String text = specimen.getNote().get(i).getText();
      if (text != null && text.startsWith(prefix) && text.length() > prefix.length()) {
        return Optional.of(text.substring(prefix.length()).trim());
      }
    }
    return specimen.getCondition().stream().map(SpecimenOrders::concept).filter(c -> !c.isBlank()).findFirst();
  }

  private static String orderText(ServiceRequest order) {
    StringBuilder text = new StringBuilder();
    order.getReasonCode().forEach(reason -> text.append(concept(reason)).append('\n'));
    order.getSupportingInfo().forEach(info -> text.append(info.getDisplay() == null ? "" : info.getDisplay()).append('\n'));
    order.getNote().forEach(note -> text.append(note.getText() == null ? "" : note.getText()).append('\n'));
    return text.toString();
  }

  private static String concept(CodeableConcept concept) {
    StringBuilder text = new StringBuilder(concept.hasText() ? concept.getText() : "");
    for (Coding coding : concept.getCoding()) {
      text.append(' ').append(coding.hasDisplay() ? coding.getDisplay() : "");
    }
    return text.toString();
  }

  public static Specimen parse(String json) {
    return Fhir.json().parseResource(Specimen.class, json);
  }
}

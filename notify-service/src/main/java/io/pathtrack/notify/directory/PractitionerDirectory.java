package io.pathtrack.notify.directory;

import io.pathtrack.notify.domain.Contact;
import io.pathtrack.notify.domain.Practitioners;
import io.pathtrack.contract.Fhir;
import io.pathtrack.contract.Vocabulary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The practitioners notify-service can reach, read from a FHIR Bundle of Practitioner (name, email),
 * PractitionerRole (working hours in {@code availableTime}, endpoints, covering physician and
 * escalation as extensions, the roles {@code results-desk} and {@code lab-contact} as codes) and
 * Endpoint ({@code rest-hook} for a webhook, with its secret in a {@code X-PathTrack-Secret} header
 * line; {@code hl7-fhir-rest} for an EHR's FHIR base).
 */
public final class PractitionerDirectory implements Practitioners {
  public static final String COVERING = Vocabulary.BASE + "/StructureDefinition/covering-practitioner";
  public static final String ESCALATES_TO = Vocabulary.BASE + "/StructureDefinition/escalates-to";
  public static final String ROLE_SYSTEM = Vocabulary.BASE + "/CodeSystem/notification-role";

  private final Map<String, Contact> byReference;
  private final Contact fallback;
  private final Optional<Contact> labContact;
  private final ZoneId zone;

  public PractitionerDirectory(Bundle bundle, ZoneId zone) {
    this.zone = zone;
    Map<String, Resource> index = new HashMap<>();
    for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
      Resource r = e.getResource();
      if (r != null && r.getIdElement().hasIdPart()) {
        index.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
        if (e.hasFullUrl()) {
          index.put(e.getFullUrl(), r);
        }
      }
    }
    Map<String, Contact> contacts = new LinkedHashMap<>();
    for (Resource r : index.values()) {
      if (r instanceof Practitioner p) {
        String ref = "Practitioner/" + p.getIdElement().getIdPart();
        contacts.putIfAbsent(ref, new Contact(ref, name(p), telecom(p, ContactPoint.ContactPointSystem.EMAIL),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of()));
      }
    }
    String desk = null;
    String lab = null;
    for (Resource r : index.values()) {
      if (!(r instanceof PractitionerRole role) || !role.hasPractitioner()) {
        continue;
      }
      String ref = role.getPractitioner().getReference();
      Contact base = contacts.get(ref);
      if (base == null) {
        throw new IllegalArgumentException("PractitionerRole/" + role.getIdElement().getIdPart() + " names " + ref
            + ", which is not in the directory");
      }
      Optional<Contact.Webhook> webhook = base.webhook();
      Optional<URI> fhirBase = base.fhirBase();
      for (Reference er : role.getEndpoint()) {
        if (index.get(er.getReference()) instanceof Endpoint endpoint && endpoint.hasAddress()) {
          String type = endpoint.getConnectionType().getCode();
          if ("rest-hook".equals(type)) {
            webhook = Optional.of(new Contact.Webhook(URI.create(endpoint.getAddress()), secret(endpoint)));
          } else if ("hl7-fhir-rest".equals(type)) {
            fhirBase = Optional.of(URI.create(endpoint.getAddress()));
          }
        }
      }
      List<Contact.Hours> hours = new ArrayList<>(base.hours());
      for (PractitionerRole.PractitionerRoleAvailableTimeComponent t : role.getAvailableTime()) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        t.getDaysOfWeek().forEach(d -> days.add(day(d.getValue().toCode())));
        hours.add(new Contact.Hours(days,
            t.hasAvailableStartTime() ? LocalTime.parse(t.getAvailableStartTime()) : LocalTime.MIN,
            t.hasAvailableEndTime() ? LocalTime.parse(t.getAvailableEndTime()) : LocalTime.MAX));
      }
      contacts.put(ref, new Contact(ref, base.name(), base.email(), webhook, fhirBase,
          reference(role.getExtensionByUrl(COVERING)).or(base::covering),
          reference(role.getExtensionByUrl(ESCALATES_TO)).or(base::escalatesTo), List.copyOf(hours),
          department(role).or(base::department)));
      for (var code : role.getCode()) {
        for (var coding : code.getCoding()) {
          if (ROLE_SYSTEM.equals(coding.getSystem()) && "results-desk".equals(coding.getCode())) {
            desk = ref;
          } else if (ROLE_SYSTEM.equals(coding.getSystem()) && "lab-contact".equals(coding.getCode())) {
            lab = ref;
          }
        }
      }
    }
    this.byReference = Map.copyOf(contacts);
    if (desk == null) {
      throw new IllegalArgumentException("the directory needs a PractitionerRole coded results-desk: the fallback recipient");
    }
    this.fallback = byReference.get(desk);
    this.labContact = Optional.ofNullable(lab).map(byReference::get);
  }

  /** Reads a directory Bundle (JSON) from a stream. */
  public static PractitionerDirectory read(InputStream json, ZoneId zone) {
    try {
      return new PractitionerDirectory(
          Fhir.json().parseResource(Bundle.class, new String(json.readAllBytes(), StandardCharsets.UTF_8)), zone);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public Optional<Contact> find(String reference) {
    return Optional.ofNullable(reference).map(byReference::get);
  }

  /** Who gets a result nobody else can be found for: the results desk. */
  @Override
  public Contact fallback() {
    return fallback;
  }

  /** Who in the lab is told of turnaround warnings and breaches. */
  @Override
  public Optional<Contact> labContact() {
    return labContact;
  }

  @Override
  public boolean onDuty(Contact contact, Instant at) {
    if (contact.hours().isEmpty()) {
      return true;
    }
    ZonedDateTime local = at.atZone(zone);
    return contact.hours().stream().anyMatch(h -> h.days().contains(local.getDayOfWeek())
        && !local.toLocalTime().isBefore(h.start()) && local.toLocalTime().isBefore(h.end()));
  }

  /**
   * The escalation chain from {@code first}: first, their covering physician, then whom they escalate
   * to (and so on), then the results desk; no one twice.
   */
  @Override
  public List<Contact> chain(Contact first) {
    Set<String> seen = new LinkedHashSet<>();
    List<Contact> chain = new ArrayList<>();
    Contact next = first;
    while (next != null && seen.add(next.reference())) {
      chain.add(next);
      Contact current = next;
      next = current.covering().filter(c -> !seen.contains(c)).flatMap(this::find)
          .or(() -> current.escalatesTo().flatMap(this::find)).orElse(null);
    }
    if (seen.add(fallback.reference())) {
      chain.add(fallback);
    }
    return chain;
  }

  private static String name(Practitioner p) {
    if (!p.hasName()) {
      return p.getIdElement().getIdPart();
    }
    var n = p.getNameFirstRep();
    return n.hasText() ? n.getText() : n.getNameAsSingleString();
  }

  private static Optional<String> telecom(Practitioner p, ContactPoint.ContactPointSystem system) {
    return p.getTelecom().stream().filter(t -> t.getSystem() == system && t.hasValue()).map(ContactPoint::getValue).findFirst();
  }

  private static Optional<String> reference(Extension e) {
    return e == null || !(e.getValue() instanceof Reference r) ? Optional.empty() : Optional.ofNullable(r.getReference());
  }

  /** The webhook secret: an {@code X-PathTrack-Secret: value} header line, or {@code X-PathTrack-Secret-Env: NAME}. */
  private static String secret(Endpoint endpoint) {
    for (var header : endpoint.getHeader()) {
      String h = header.getValue();
      if (h.startsWith("X-PathTrack-Secret-Env:")) {
        String value = System.getenv(h.substring(h.indexOf(':') + 1).trim());
        if (value != null) {
          return value;
        }
      } else if (h.startsWith("X-PathTrack-Secret:")) {
        return h.substring(h.indexOf(':') + 1).trim();
      }
    }
    throw new IllegalArgumentException("Endpoint/" + endpoint.getIdElement().getIdPart()
        + " (rest-hook) needs a header X-PathTrack-Secret or X-PathTrack-Secret-Env");
  }

  private static DayOfWeek day(String code) {
    return switch (code) {
      case "mon" -> DayOfWeek.MONDAY;
      case "tue" -> DayOfWeek.TUESDAY;
      case "wed" -> DayOfWeek.WEDNESDAY;
      case "thu" -> DayOfWeek.THURSDAY;
      case "fri" -> DayOfWeek.FRIDAY;
      case "sat" -> DayOfWeek.SATURDAY;
      default -> DayOfWeek.SUNDAY;
    };
  }
  /** The role's organization (its display), else its first specialty: the department the figures are kept by. */
  private static Optional<String> department(PractitionerRole role) {
    if (role.hasOrganization() && role.getOrganization().hasDisplay()) {
      return Optional.of(role.getOrganization().getDisplay().trim()).filter(d -> !d.isEmpty());
    }
    return role.getSpecialty().stream()
        .map(s -> s.hasText() ? s.getText() : s.getCodingFirstRep().getDisplay())
        .filter(d -> d != null && !d.isBlank()).map(String::trim).findFirst();
  }

}

package io.pathtrack.results.fuzz;

import io.pathtrack.contract.Fhir;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Structure-aware mutations of FHIR XML. Each JSON seed is converted to XML with HAPI; a copy is read as
 * a DOM and elements are deleted, duplicated, renamed, given hostile values or nested thousands deep.
 * Then the prolog may get a DOCTYPE or ENTITY declaration (internal, external, parameter entities,
 * "billion laughs", in any case, after a long comment or a processing instruction), and the whole may be
 * sent as UTF-16 or damaged byte by byte.
 */
final class FhirXmlMutator {
  static final String FHIR_NS = "http://hl7.org/fhir";
  private static final String NEST = "nestPlaceholder";

  static final List<String> CONTENT_TYPES = List.of("application/fhir+xml", "application/xml", "text/xml",
      "application/xml+fhir", "application/fhir+xml; charset=utf-16", "text/plain");

  /** Declarations that must never reach the parser; {@code &e;} and {@code &lol5;} are used in the body. */
  static final List<String> DOCTYPES = List.of(
      "<!DOCTYPE DiagnosticReport>",
      "<!DOCTYPE DiagnosticReport [<!ENTITY e \"invasive carcinoma\">]>",
      "<!DOCTYPE DiagnosticReport SYSTEM \"file:///etc/hostname\">",
      "<!DOCTYPE DiagnosticReport [<!ENTITY e SYSTEM \"file:///etc/hostname\">]>",
      "<!DOCTYPE DiagnosticReport [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/x.dtd\"> %p;]>",
      "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
          + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
          + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">"
          + "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">]>",
      "<!doctype DiagnosticReport>",
      "<!DocType DiagnosticReport [ <!ENTITY e \"benign\"> ]>",
      "<!DOCTYPE\nDiagnosticReport\n[\n<!ENTITY\te\t\"x\">\n]>",
      "<!ENTITY e \"benign\">");

  record XmlSeed(String name, String xml, boolean withoutDiagnosticContent) {}

  private static final DocumentBuilderFactory DOCUMENTS = documentBuilderFactory();
  private static final TransformerFactory TRANSFORMERS = TransformerFactory.newInstance();

  private final List<XmlSeed> seeds = new ArrayList<>();
  private final List<XmlSeed> seedsWithoutFindings = new ArrayList<>();

  FhirXmlMutator(List<Seeds.Seed> jsonSeeds) {
    for (Seeds.Seed seed : jsonSeeds) {
      xml(seed.text()).ifPresent(xml -> seeds.add(new XmlSeed(seed.name(), xml, false)));
      String empty = FhirJsonMutator.write(DiagnosticContent.removedFrom(FhirJsonMutator.read(seed.text())), false);
      xml(empty).ifPresent(xml -> seedsWithoutFindings.add(new XmlSeed(seed.name(), xml, true)));
    }
  }

  /** The seed as HAPI writes it in XML, if HAPI reads the JSON at all. */
  private static java.util.Optional<String> xml(String json) {
    try {
      return java.util.Optional.of(Fhir.xml().encodeResourceToString(Fhir.json().parseResource(json)));
    } catch (RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  FuzzInput next(FuzzChoices choices) {
    XmlSeed seed = choices.oneIn(5) ? choices.pick(seedsWithoutFindings) : choices.pick(seeds);
    List<String> recipe = new ArrayList<>(List.of(seed.name() + (seed.withoutDiagnosticContent() ? " without-diagnostic-content" : "")));
    String body = mutate(seed.xml(), choices, !seed.withoutDiagnosticContent(), recipe);
    String text = prolog(choices, recipe) + body;
    byte[] bytes = ByteMutations.encode(text, choices);
    byte[] damaged = ByteMutations.maybeDamage(bytes, choices);
    if (damaged != bytes) {
      recipe.add("bytes-damaged");
    }
    String contentType = choices.oneIn(6) ? null : choices.pick(CONTENT_TYPES);
    return new FuzzInput("xml", damaged, contentType, seed.withoutDiagnosticContent(), recipe);
  }

  private String mutate(String xml, FuzzChoices choices, boolean diagnosticAllowed, List<String> recipe) {
    Document doc = parse(xml);
    int operations = choices.below(5);
    String nested = null;
    for (int i = 0; i < operations; i++) {
      List<Element> elements = elements(doc.getDocumentElement());
      Element target = choices.pick(elements);
      int op = choices.below(8);
      switch (op) {
        case 0 -> {
          if (target != doc.getDocumentElement()) {
            target.getParentNode().removeChild(target);
          }
        }
        case 1 -> {
          if (target != doc.getDocumentElement()) {
            target.getParentNode().insertBefore(target.cloneNode(true), target);
          }
        }
        case 2 -> target.setAttribute("value", hostile(choices, diagnosticAllowed));
        case 3 -> target.removeAttribute("value");
        case 4 -> {
          if (target != doc.getDocumentElement()) {
            String name = choices.pick(List.of(target.getLocalName() + "x", target.getLocalName().toUpperCase(java.util.Locale.ROOT),
                "Observation", "extension", "div", "resource"));
            Element renamed = doc.createElementNS(choices.oneIn(4) ? "urn:other" : FHIR_NS, name);
            while (target.getFirstChild() != null) {
              renamed.appendChild(target.getFirstChild());
            }
            target.getParentNode().replaceChild(renamed, target);
          }
        }
        case 5 -> {
          String text = hostile(choices, diagnosticAllowed);
          // a CDATA section holding "]]>" is split by the writer, slowly for megabytes of them
          target.appendChild(choices.oneIn(2) || text.contains("]]>") ? doc.createTextNode(text)
              : choices.oneIn(2) ? doc.createComment(" -- ") : doc.createCDATASection(text));
        }
        case 6 -> {
          if (nested == null) {
            nested = nesting(choices);
            target.appendChild(doc.createElementNS(FHIR_NS, NEST));
          }
        }
        default -> target.setAttribute(choices.pick(List.of("id", "url", "xmlns:x", "x:y")), hostile(choices, diagnosticAllowed));
      }
      recipe.add(List.of("delete", "duplicate", "hostile-value", "drop-value", "rename", "hostile-child",
          "deep-nesting", "attribute").get(op) + ":" + target.getLocalName());
    }
    String text = write(doc);
    if (nested != null) {
      text = text.replaceFirst("<" + NEST + "[^>]*/>", java.util.regex.Matcher.quoteReplacement(nested));
    }
    if (text.contains("carcinoma") && choices.oneIn(2)) {
      text = text.replaceFirst("carcinoma", "&e;");
      recipe.add("entity-reference");
    }
    return text;
  }

  /** An XML declaration or not, and, one time in three, a DOCTYPE or ENTITY declaration placed somewhere in the prolog. */
  private static String prolog(FuzzChoices choices, List<String> recipe) {
    String declaration = choices.pick(List.of("", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\"?>\n",
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<?xml version=\"1.1\"?>", "<?xml version='1.0' standalone='yes'?>"));
    if (!choices.oneIn(3)) {
      return declaration;
    }
    String doctype = choices.pick(DOCTYPES);
    String before = switch (choices.below(5)) {
      case 0 -> "";
      case 1 -> "\n\n   ";
      case 2 -> "<!--" + "x".repeat(choices.pick(List.of(10, 4_000, 4_085, 4_090, 5_000, 70_000))) + "-->";
      case 3 -> "<?pi " + "y".repeat(choices.pick(List.of(10, 5_000))) + "?>";
      default -> "<!-- a comment -->\n";
    };
    recipe.add("doctype-after-" + before.length() + "-chars");
    return declaration + before + doctype;
  }

  private static String hostile(FuzzChoices choices, boolean diagnosticAllowed) {
    String text;
    do {
      text = NastyText.any(choices);
    } while (!diagnosticAllowed && NastyText.DIAGNOSTIC.stream().anyMatch(text::contains));
    // DOM cannot hold characters XML forbids; keep what an XML writer can write, the rest goes in as bytes later
    return text.codePoints().filter(FhirXmlMutator::allowedInXml)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
  }

  private static boolean allowedInXml(int c) {
    return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000;
  }

  private static String nesting(FuzzChoices choices) {
    int depth = choices.pick(List.of(10, 200, 999, 1_001, 5_000, 50_000));
    return "<extension url=\"x\">".repeat(depth) + "<valueString value=\"y\"/>" + "</extension>".repeat(depth);
  }

  private static List<Element> elements(Element root) {
    List<Element> out = new ArrayList<>();
    out.add(root);
    NodeList all = root.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      out.add((Element) all.item(i));
    }
    return out;
  }

  private static DocumentBuilderFactory documentBuilderFactory() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      return factory;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Document parse(String xml) {
    try {
      return DOCUMENTS.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    } catch (Exception e) {
      throw new IllegalStateException("seed is not XML", e);
    }
  }

  private static String write(Node doc) {
    try {
      var transformer = TRANSFORMERS.newTransformer();
      transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
      StringWriter out = new StringWriter();
      transformer.transform(new DOMSource(doc), new StreamResult(out));
      return out.toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

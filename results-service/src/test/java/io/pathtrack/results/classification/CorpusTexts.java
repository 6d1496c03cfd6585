package io.pathtrack.results.classification;

/**
 * Report texts from the third-party corpus (/work/shared/corpus, see its SOURCES.md), as the adapter
 * hands them to the classifier: presentedForm decoded from base64, narrative XHTML reduced to text.
 */
final class CorpusTexts {

  private CorpusTexts() {}

  /** vamhv-DiagnosticReport-ex-MHV-labReport-5.json presentedForm[0] (VA My HealtheVet mapping IG, CC-BY-SA-4.0). */
  static final String VA_COLON_POLYPS = """
      Date Spec taken: Sep 24, 1999        Pathologist:JAZBIEH MOEZZI MD
      Date Spec rec'd: Sep 24, 1999 13:46  Resident:\s
      Date  completed: Sep 27, 1999        Accession #: SP 99 2207
      Submitted by: KHURSHID YOUSUF MD     Practitioner:KHURSHID YOUSUF
      -------------------------------------------------------------------------------
      Specimen:\s
      POLYPS (A) CECAL
             (B) PROXIMAL ASCENDING
             (C) RECTAL
      Brief Clinical History:
      COLON POLYPS PER FLEX SIG
      Preoperative Diagnosis:
      COLON POLYPS
      Operative Findings:
      |TAB||NOWRAP|
      1. CECAL POLYPS X 2
      2. ASCENDING COLON POLYP
      3. RECTAL POLYP
      Postoperative Diagnosis:
      SAME
      Gross description:
      |TAB||NOWRAP|
      SPECIMEN (A) LABELED CECAL POLYP X 2.  RECEIVED IN FORMALIN IS ONE PALE
      GREY TISSUE FRAGMENT MEASURING 0.4 CM IN DIAMETER.  EMBEDDED ENTIRELY IN
      ONE BLOCK.
      SPECIMEN (B) LABELED PROXIMAL ASCENDING COLON.  RECEIVED IN FORMALIN ARE
      TWO PALE BROWN TISSUE FRAGMENTS MEASURING 0.3 CM IN AGGREGATE.  EMBEDDED
      ENTIRELY IN ONE BLOCK.
      SPECIMEN (C) LABELED RECTAL POLYP.  RECEIVED IN FORMALIN ARE THREE MINUTE
      TISSUE FRAGMENTS MEASURING 0.3 CM IN AGGREGATE.  EMBEDDED ENTIRELY
      IN ONE BLOCK.
      Microscopic description: (Date Spec taken: Sep 24, 1999)
      |TAB||BLANK(3)|
      |TAB||NOWRAP|
      DIAGNOSIS:
      A) CECAL POLYP: HYPERPLASTIC POLYP.  (SEE NOTE)
      B &amp; C)
      PROXIMAL ASCENDING COLON AND RECTAL POLYPS: TUBULAR ADENOMAS. (SEE
      NOTE)
      \s
      NOTE: COAGULATION ARTEFACT AND POOR TISSUE PRESERVATION IS NOTED CAUSING
      DIFFICULTY IN EVALUATION OF LESION.
      DR. YOUSUF WAS NOTIFIED.
      """;

  /** vamhv-DiagnosticReport-ex-MHV-labReport-4.json presentedForm[0] (two header lines left out): removed orthopaedic hardware. */
  static final String VA_HARDWARE = """
      Date Spec taken: Aug 09, 2000        Pathologist:SEETHA SURYAPRASAD MD
      Submitted by: MARK MAZUR MD          Practitioner:MARK MAZUR DPM
      -------------------------------------------------------------------------------
      Specimen:\s
      OLD HARDWARE LEFT FOOT X2
      Brief Clinical History:
      This 71 y/o wm presents with painful hardware L 1st metatarsal head. The
      pins were inserted 3 years ago for a bunion procedure. The Bunionprocedure
      is well healed and pt is now wanting the pin removed. Will probably need
      k-wire driver and power for this case.
      Preoperative Diagnosis:
      PAINFUL HARDWARE LEFT FIRST METATARSAL\s
      Postoperative Diagnosis:
      PAINFUL HARDWARE LEFT FIRST METATARSAL\s
      Gross description:
      RECEIVED UNFIXED AND LABELED "OLD HARDWARE LEFT FOOT X 2" CONSISTS OF TWO
      1.7 CM AND 2.5 CM LONG 1 MM WIDE METALLIC PINS.
      |TAB||NOWRAP|
      DIAGNOSIS: HARDWARE (CLINICALLY FROM LEFT FOOT)
      """;

  /** vamhv-DiagnosticReport-ex-MHV-labReport-6.json presentedForm[0] (header lines left out): the post-operative diagnosis is not the diagnosis. */
  static final String VA_TUBULAR_ADENOMA = """
      Specimen:\s
      POLYP @ 12CM
      Brief Clinical History:
      70 YEAR OLD MALE FOR SCREENING EXAM. \s
      Operative Findings:
      SMOOTH BROAD BASED POLYP
      Postoperative Diagnosis:
      PROBABLE BENIGN POLYP
      Gross description:
      RECEIVED IN FORMALIN AND LABELED "POLYP"  CONSISTS OF TWO 1 MM FRAGMENTS
      OF PINK TISSUE.  SUBMITTED IN TOTAL IN ONE BLOCK.
      Microscopic description: (Date Spec taken: Aug 09, 1999)
      |TAB||BLANK(3)|
      DIAGNOSIS:
      POLYP AT 12 CM. TUBULAR ADENOMA.
      """;

  /** vamhv-DiagnosticReport-ex-MHV-labReport-7.json presentedForm[0]: the text stops after the specimen list. */
  static final String VA_NO_DIAGNOSIS = """
      Date Spec taken: Sep 08, 1997        Pathologist:JAZBIEH MOEZZI MD
      Date Spec rec'd: Sep 08, 1997 13:08  Resident:\s
      Date  completed: Sep 09, 1997        Accession #: SP 97 2091
      Submitted by: DEBRA K LATTA MD       Practitioner:DEBRA K LATTA
      -------------------------------------------------------------------------------
      Specimen:\s
      (A) BONE FROM RIGHT FOOT
      (B) BONE RIGHT FOOT
      """;

  /**
   * r4core-DiagnosticReport-pap.json text.div (HL7 FHIR R4 core example, CC0), tags replaced by spaces as
   * the adapter does: the outcome is only in the narrative.
   */
  static final String R4_PAP_NARRATIVE = "Acme Anatomic Pathology Services 2216 Santa Monica Blvd, Suite 114 "
      + "Santa Monica, CA 90404 =============================================================== GYN CYTOLOGY "
      + "(PAP SMEAR) REPORT =============================================================== Patient: Everywoman, "
      + "Eve Report Date: 2/14/2013 DOB: 05/31/1973 Age: 30 Sex: F MRN: PATID14567 Patient Address: 2222 Home "
      + "Street Huntington Park CA 90255 Order: ORD40 Physician: Careful, Adam 5742200012 (NPI) SpecimenID: "
      + "GHSID40 Collected Date: 2/11/2013 Received Date: 2/12/2013 LMP: 1/28/2013 Specimen Source: Cervical "
      + "Cytology (ThinPrep) Previously abnormal Pap? Unknown Specimen Adequacy: Satisfactory Diagnostic "
      + "Interpretation: Epithelial cell abnormality: Atypical squamous cells of undetermined significance "
      + "Hormonal Evaluations: not possible, due to presence of atypical cells Recommendations: Appropriate "
      + "Follow-up. Suggest repeat as clinically indicated Comments: Abnormal report reviewed by pathologist "
      + "for confirmation";

  /** mii-DiagnosticReport-mii-exa-patho-report.json conclusion (MII Pathologie-Befund, CC0). */
  static final String MII_CONCLUSION = "Gut differenziertes azinäres Adenokarzinom der Prostata, ISUP-Gradgruppe 1";

  /** bihcei-Bundle-RadicalProstatectomyDocument_GH_3.json DiagnosticReport.conclusion. */
  static final String BIHCEI_CONCLUSION = "Adenokarzinom der Prostata, Gleason Score 3+4=7, pT2c pN0 (0/12) R0. "
      + "Maximaler Tumordurchmesser 18 mm. (Volumenanteil ca. 25% der Prostata). Keine extrakapsuläre Extension, "
      + "keine Samenblaseninvasion, alle Resektionsränder tumorfrei.";
}

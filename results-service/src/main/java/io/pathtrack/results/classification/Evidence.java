package io.pathtrack.results.classification;

import io.pathtrack.contract.Outcome;

/**
 * Why a report got its outcome: the code or phrase that placed it, and where it was found.
 *
 * @param source   the evidence level
 * @param outcome  what this piece of evidence says on its own
 * @param matched  the code (e.g. "ICD-O-3 8500/3") or phrase (e.g. "negative for malignancy") as found
 * @param location where it was found, e.g. "conclusionCode[0]", "conclusion, part B",
 *                 "result[3].valueCodeableConcept", "presentedForm[0], part A", "text.div"
 */
public record Evidence(EvidenceSource source, Outcome outcome, String matched, String location) {}

import type { MilestoneKey } from "../snapshot.ts";
import { stepIndex } from "./catalog-index.ts";
import type { Eligibility } from "./context.ts";
import type { StepEntriesView } from "./step-entries.ts";

/**
 * The steps whose being done proves the school has an ECFMG sponsor note: ECFMG accepts an
 * application, gives a USMLE eligibility, accepts a Pathway or issues an ERAS token only for a
 * graduate of a school with one: without the note no ECFMG certification is possible (ECFMG's
 * medical school policy, https://www.ecfmg.org/resources/medical-school-policy.html, the catalog's
 * source for wdoms_listing). The ERAS application goes in only with that token. Waived proves nothing: it
 * says the step was not taken. NRMP registration and a certified rank list prove nothing either: NRMP
 * registers anyone.
 */
export const SPONSOR_NOTE_EVIDENCE: readonly MilestoneKey[] = [
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "ecfmg_pathway",
  "eras_token",
  "eras_application",
];
const EVIDENCE_AT: readonly number[] = SPONSOR_NOTE_EVIDENCE.map(stepIndex);
/**
 * The steps whose being done the record holds against a note answered "no", one bit each
 * (noteRecordEvidence, note-contradicted-by-record.ts): the application ECFMG approved, a USMLE
 * Step 1 or Step 2 CK passed, the certificate. Named, so OPENS_BESIDE_NO, which both the gate and
 * the question's words read, lists the same steps.
 */
export const RECORD_EVIDENCE_BITS = {
  ecfmg_application: 1,
  usmle_step1: 2,
  usmle_step2ck: 4,
  ecfmg_certification: 8,
} as const satisfies Partial<Record<MilestoneKey, number>>;
/** A step the record's evidence reads (RECORD_EVIDENCE_BITS). */
export type RecordEvidenceStep = keyof typeof RECORD_EVIDENCE_BITS;

/**
 * The steps whose being done opens the gate even beside a note answered "no": the ECFMG certificate,
 * and a USMLE Step 1 or Step 2 CK passed, which FSMB lets an IMG sit only with an approved ECFMG
 * application, given only for a school with the note (BOOKED_EXAM_EVIDENCE's sources). A matched
 * applicant with both exams passed and the certificate pending was silenced from Match Day on:
 * no contract, no J-1 chain, no email. An application reported done stays a question (applicants
 * mark it done on submitting).
 */
const OPENS_STEPS: readonly RecordEvidenceStep[] = ["ecfmg_certification", "usmle_step1", "usmle_step2ck"];
export const OPENS_BESIDE_NO: readonly MilestoneKey[] = OPENS_STEPS;

/**
 * The record's bits for a USMLE Step 1 or Step 2 CK sitting, not passed: booked (`scheduled`, which
 * for an exam is a seat with its fee paid, not a plan: a planned day is `in_progress`), sat with its
 * result untold, or failed (a retake). Above every RECORD_EVIDENCE_BITS bit. Its keys are
 * BOOKED_EXAM_EVIDENCE: the one list of exams whose sitting proves the note.
 */
export const SITTING_EVIDENCE_BITS = {
  usmle_step1: 16,
  usmle_step2ck: 32,
} as const satisfies Partial<Record<MilestoneKey, number>>;
/** Every evidence bit (RECORD_EVIDENCE_BITS and SITTING_EVIDENCE_BITS): a reader's own bits go above it. */
export const ALL_EVIDENCE_BITS: number = [
  ...Object.values(RECORD_EVIDENCE_BITS),
  ...Object.values(SITTING_EVIDENCE_BITS),
].reduce((bits, bit) => bits | bit, 0);

/**
 * The exams whose sitting (SITTING_EVIDENCE_BITS) proves the note too, as a pass does: a seat needs
 * FSMB's registration and scheduling permit, and an IMG registers for Step 1 and Step 2 CK "through
 * FSMB's USMLE application, which needs an approved ECFMG Application for Certification" (official,
 * the fact sheet's "Where to register for Step 1 and Step 2 CK", FSMB's USMLE application page, read
 * on its content server; the public pages cited are ECFMG's https://iwa2.ecfmg.org/Overview.asp, the
 * approved application first, and USMLE's https://www.usmle.org/path-licensure, IMGs using FSMB's
 * USMLE Portal). ECFMG approves that application only for a school with a sponsor note covering the
 * graduation year (SCHOOL_POLICY_URL's policy, wdoms_listing's source). So beside an answered "no",
 * the booking is the stronger answer: the applicant holds the permit and the seat, where the WDOMS
 * reading (a sponsor note's years) is the answer most often misread. Holding the plan instead would
 * silence the booked exam's own reminders and the deadlines after it for an applicant ECFMG already
 * accepted; the question (ANSWERS_CONTRADICT_RECORD) is still asked, critical, until the answer is
 * corrected.
 */
const SITTING_STEPS = Object.keys(SITTING_EVIDENCE_BITS) as (keyof typeof SITTING_EVIDENCE_BITS)[];
export const BOOKED_EXAM_EVIDENCE: readonly MilestoneKey[] = SITTING_STEPS;

/** OPENS_BESIDE_NO done and any sitting, as the record's evidence bits: what opens the gate, one list. */
export const OPENS_GATE_BITS: number =
  OPENS_STEPS.reduce((bits, key) => bits | RECORD_EVIDENCE_BITS[key], 0) |
  SITTING_STEPS.reduce((bits, key) => bits | SITTING_EVIDENCE_BITS[key], 0);
/** The sitting bits alone: what proves a note left unknown, beside the steps done. */
const SITTING_BITS: number = SITTING_STEPS.reduce((bits, key) => bits | SITTING_EVIDENCE_BITS[key], 0);

/** Each step done the evidence reads, at its index, with its bit. */
const DONE_AT = (Object.keys(RECORD_EVIDENCE_BITS) as RecordEvidenceStep[]).map((key) => ({
  at: stepIndex(key),
  bit: RECORD_EVIDENCE_BITS[key],
}));
/** Each exam whose sitting the evidence reads, at its index, with its key and bit. */
const SITTING_AT = SITTING_STEPS.map((key) => ({ at: stepIndex(key), key, bit: SITTING_EVIDENCE_BITS[key] }));

/**
 * The record's evidence of a sponsor note, as bits (RECORD_EVIDENCE_BITS, SITTING_EVIDENCE_BITS):
 * each step done, and each exam booked (`scheduled`, its day ahead or passed with the result untold)
 * or failed (its result in `failed`, the plan's failedScores: a retake). The one reading the gate
 * (eligibilityOf) and the question (noteRecordEvidence) share.
 */
export function recordEvidence(entries: StepEntriesView, failed: readonly { key: MilestoneKey }[]): number {
  let evidence = 0;
  for (const { at, bit } of DONE_AT) if (entries.at(at)?.status === "done") evidence |= bit;
  for (const { at, key, bit } of SITTING_AT) {
    const step = entries.at(at);
    if (step !== undefined && (step.status === "scheduled" || failed.some((one) => one.key === key)))
      evidence |= bit;
  }
  return evidence;
}

/**
 * The ECFMG eligibility gate from the school's WDOMS sponsor note (true: "eligible", false:
 * "ineligible"), with the record's evidence (recordEvidence: `failed`, the results below their
 * mark). A "no" beside the applicant's own certificate, pass or USMLE sitting (OPENS_GATE_BITS) is
 * asked about (ANSWERS_CONTRADICT_RECORD), never let silence the steps after it. An unknown note
 * (null) is "unchecked" unless the record proves it: one of SPONSOR_NOTE_EVIDENCE reported done or
 * a USMLE sitting (the snapshot's own entry, any season), or `interviewed`: the interviews are
 * evidence of being in the Match (interviewsAreEvidence, the one rule the presumption and the
 * intake warning share: an IMG's interview follows an ERAS application, which needs ECFMG's token;
 * one dated outside the season is not). Then the applicant counts as eligible, as if the WDOMS check
 * were done, for every reader (gates, risks, budget, the moved plan's later Match, which keeps this
 * gate). Reads the entries before any earlier season's are reset.
 */
export function eligibilityOf(
  note: boolean | null,
  entries: StepEntriesView,
  interviewed: boolean,
  failed: readonly { key: MilestoneKey }[],
): Eligibility {
  if (note === true) return "eligible";
  if (note === false)
    return (recordEvidence(entries, failed) & OPENS_GATE_BITS) !== 0 ? "eligible" : "ineligible";
  if (interviewed) return "eligible";
  for (let at = 0; at < EVIDENCE_AT.length; at++)
    if (entries.at(EVIDENCE_AT[at] as number)?.status === "done") return "eligible";
  return (recordEvidence(entries, failed) & SITTING_BITS) !== 0 ? "eligible" : "unchecked";
}

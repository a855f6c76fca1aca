import type { MilestoneKey } from "../snapshot.ts";
import { stepIndex } from "./catalog-index.ts";
import type { Eligibility } from "./context.ts";
import type { StepEntriesView } from "./step-entries.ts";

/**
 * The steps whose being done proves the school has an ECFMG sponsor note: ECFMG accepts an
 * application, gives a USMLE eligibility, accepts a Pathway or issues an ERAS token only for a
 * graduate of a school with one: without the note no ECFMG certification is possible (ECFMG's
 * medical school policy, https://www.ecfmg.org/resources/medical-school-policy.html, the catalog's
 * source for wdoms_listing). Waived proves nothing: it says the step was not taken.
 */
export const SPONSOR_NOTE_EVIDENCE: readonly MilestoneKey[] = [
  "ecfmg_application",
  "usmle_step1",
  "usmle_step2ck",
  "ecfmg_pathway",
  "eras_token",
];
const EVIDENCE_AT: readonly number[] = SPONSOR_NOTE_EVIDENCE.map(stepIndex);

/**
 * The ECFMG eligibility gate from the school's WDOMS sponsor note (true: "eligible", false:
 * "ineligible"). An unknown note (null) is "unchecked" unless the record proves it (tester t9o F12,
 * F1, the lead's rulings): one of SPONSOR_NOTE_EVIDENCE reported done (the snapshot's own entry,
 * any season), or `interviewed`: the interviews are evidence of being in the Match
 * (interviewsAreEvidence, the one rule the presumption and the intake warning share: an IMG's
 * interview follows an ERAS application, which needs ECFMG's token; one dated outside the season is
 * not). Then the applicant counts as eligible, as if the WDOMS check were done, for every reader
 * (gates, risks, budget, the moved plan's later Match, which keeps this gate). Reads the entries
 * before any earlier season's are reset.
 */
export function eligibilityOf(
  note: boolean | null,
  entries: StepEntriesView,
  interviewed: boolean,
): Eligibility {
  if (note === true) return "eligible";
  if (note === false) return "ineligible";
  if (interviewed) return "eligible";
  for (let at = 0; at < EVIDENCE_AT.length; at++)
    if (entries.at(EVIDENCE_AT[at] as number)?.status === "done") return "eligible";
  return "unchecked";
}

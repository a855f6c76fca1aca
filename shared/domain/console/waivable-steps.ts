import { catalogEntry, MILESTONE_CATALOG } from "../catalog/index.ts";
import type { FieldProblem } from "../field-problems.ts";
import type { MilestoneEntry, MilestoneKey } from "../snapshot.ts";
import { stampingWaiverRefused } from "../us-zones.ts";
import { stepName } from "./advisor-voice.ts";

/**
 * Whether an applicant may skip the step: the catalog's `waivable` (research, SOAP), the steps the
 * applicant's own "Not for me" is offered on. Every other step is one ECFMG, NRMP or the visa needs,
 * so "waived" there would read as satisfied and plan the applicant past a step they still owe (in
 * the what-if as at intake: Step 2 CK "waived" would say "nothing still holds back your
 * certificate"). Pure.
 */
export function mayBeWaived(key: MilestoneKey): boolean {
  return catalogEntry(key).waivable !== undefined;
}

/** The steps an applicant may skip, by the advisor's names: "Research experience (optional), SOAP". */
export function waivableStepNames(): string {
  return MILESTONE_CATALOG.filter((entry) => mayBeWaived(entry.key))
    .map((entry) => stepName(entry.key))
    .join(", ");
}

/** Why `key` may not be "waived", for the field that says so (one wording: intake, CLI, what-if). */
export function notWaivableMessage(key: MilestoneKey): string {
  return `cannot be waived: ${stepName(key)} is not a step an applicant may skip (only ${waivableStepNames()} may be, as the applicant's own "Not for me" offers); record its status or date instead`;
}

/** Why the H-1B stamping may not be "waived" by an applicant in `zone`, outside the US. */
export function stampingNotWaivableMessage(zone: string): string {
  return `cannot be waived: the applicant's time zone (${zone}) is outside the US, and only someone already in the US can have a change of status; from abroad the H-1B visa must be stamped at a US consulate before residency starts; record its status or date instead`;
}

/**
 * Why a milestone entry's "waived" is refused, or null when it is not (or the entry is not waived):
 * a step mayBeWaived refuses, or the H-1B stamping waived from a `zone` outside the US
 * (stampingWaiverRefused). One rule for the intake, the plan CLI and the console's what-if.
 */
export function waiverRefusal(entry: Pick<MilestoneEntry, "key" | "status">, zone?: string): string | null {
  if (entry.status !== "waived") return null;
  if (!mayBeWaived(entry.key)) return notWaivableMessage(entry.key);
  return zone !== undefined && stampingWaiverRefused(entry, zone) ? stampingNotWaivableMessage(zone) : null;
}

/**
 * The intake contract's rule on "waived" (receive-submission.ts, the plan CLI): one problem per
 * milestone whose "waived" waiverRefusal refuses (an update names no zone, so only a snapshot's
 * `zone` is checked), at `milestones.<index>.status`. Empty when none.
 */
export function notWaivableProblems(
  milestones: readonly Pick<MilestoneEntry, "key" | "status">[],
  zone?: string,
): FieldProblem[] {
  return milestones.flatMap((entry, index) => {
    const message = waiverRefusal(entry, zone);
    return message === null ? [] : [{ path: `milestones.${index}.status`, message }];
  });
}

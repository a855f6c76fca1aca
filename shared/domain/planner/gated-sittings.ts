import type { PaidTo } from "../catalog/fees-schema.ts";
import {
  catalogEntry,
  FEES,
  FEES_OTHER_CURRENCY,
  MILESTONE_CATALOG,
  SCHOOL_CHECK,
} from "../catalog/index.ts";
import { deadlineWords } from "../date-words.ts";
import type { Deadline } from "../plan.ts";
import type { MilestoneKey } from "../snapshot.ts";
import { DAY_MS, startOfLocalDate } from "../time.ts";
import { applies, type PlanContext } from "./context.ts";
import { deadlineDetail } from "./date-math.ts";
import { payeeOf } from "./fee-payee.ts";
import { feeStatusOf } from "./fees-paid.ts";

/** Each step's fee paid at booking (spent once "scheduled"), whose `paidTo` says who took it. */
const BOOKED_FEE = new Map<MilestoneKey, { paidTo: PaidTo; paidWithinDays?: number }>();
for (const fee of [...FEES, ...FEES_OTHER_CURRENCY])
  if (fee.spentWhen.includes("scheduled") && !BOOKED_FEE.has(fee.milestone))
    BOOKED_FEE.set(fee.milestone, {
      paidTo: fee.paidTo,
      ...("paidWithinDays" in fee && fee.paidWithinDays !== undefined
        ? { paidWithinDays: fee.paidWithinDays }
        : {}),
    });

/**
 * The exams an applicant books a day for and pays at booking (a fee spent once "scheduled") that
 * wait on the school's sponsor note: OET Medicine and the USMLE exams.
 */
const GATED_EXAMS = MILESTONE_CATALOG.filter(
  (entry) => entry.applicantDateIsDue && entry.needsEcfmgEligibleSchool && BOOKED_FEE.has(entry.key),
);

/** A sitting booked behind the school gate: the exam, its day as the plan renders it, and who it is booked with. */
export interface GatedSitting {
  readonly key: MilestoneKey;
  readonly day: Deadline;
  readonly body: string;
}

/**
 * The sittings the applicant has booked (scheduled, or under way with a day: feeStatusOf) for exams
 * behind the school gate (the sponsor note missing or not yet checked), whose day has not gone by:
 * paid, and still theirs to keep, move or cancel with the body that took the booking. Empty for an
 * eligible school, so a plan without a gate does no more work than the status check.
 */
export function gatedSittings(context: PlanContext): readonly GatedSitting[] {
  if (context.eligibility === "eligible") return [];
  const out: GatedSitting[] = [];
  for (const entry of GATED_EXAMS) {
    if (!applies(context, entry) || feeStatusOf(context, entry.key) !== "scheduled") continue;
    const given = context.entries.get(entry.key)?.date;
    const booked = BOOKED_FEE.get(entry.key);
    if (given === undefined || booked === undefined) continue;
    const at = startOfLocalDate(context.zone, given);
    if (at + DAY_MS <= context.now) continue;
    const source = `your scheduled date ${given}`;
    out.push({
      key: entry.key,
      day: deadlineDetail(context.zone, at, "applicant", "applicant", source),
      body: payeeOf(booked.paidTo, given, booked.paidWithinDays),
    });
  }
  return out;
}

/** The exam as the sitting's words name it: "OET" for OET Medicine, else the catalog's advisor name. */
function examName(key: MilestoneKey): string {
  return key === "oet_medicine" ? "OET" : (catalogEntry(key).advisorName ?? catalogEntry(key).title);
}

/**
 * The gate's words on each booked sitting: its day, the body to decide with before that body's own
 * change or cancel cut-off, and what a result kept could serve (milestones.json `sittingKept`: an
 * OET result within ECFMG's window for a score's age, never a window invented). "" when none.
 */
export function gatedSittingWords(context: PlanContext): string {
  const sittings = gatedSittings(context);
  if (sittings.length === 0) return "";
  const template =
    context.eligibility === "ineligible"
      ? SCHOOL_CHECK.ineligible.bookedSitting
      : SCHOOL_CHECK.unchecked.bookedSitting;
  // What a result kept could serve, said once after the sittings it is about (two USMLE Steps
  // booked read the same sentence twice).
  const said = new Set<string>();
  return sittings
    .map((sitting) => {
      const words = template
        .replace("{exam}", () => examName(sitting.key))
        .replace("{day}", () => deadlineWords(sitting.day).local)
        .replaceAll("{body}", () => sitting.body);
      const kept =
        sitting.key === "oet_medicine"
          ? SCHOOL_CHECK.sittingKept.oet_medicine
          : SCHOOL_CHECK.sittingKept.usmle;
      if (said.has(kept.text)) return words;
      said.add(kept.text);
      return `${words} ${kept.text}`;
    })
    .join(" ");
}

/** A gated step's booked sitting (gatedSittings), for its blocked row and card; undefined when none. */
export function gatedSittingOf(context: PlanContext, key: MilestoneKey): GatedSitting | undefined {
  if (context.eligibility === "eligible") return undefined;
  return gatedSittings(context).find((sitting) => sitting.key === key);
}

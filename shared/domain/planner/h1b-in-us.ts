import {
  type CatalogEntry,
  catalogEntry,
  type Fee,
  type FeeToVerify,
  MILESTONE_CATALOG,
} from "../catalog/index.ts";
import type { BudgetItem, Deadline } from "../plan.ts";
import { isoInZone, isoUtc, startOfLocalDate } from "../time.ts";
import { type PlanContext, statusOf } from "./context.ts";
import type { DueDate } from "./deadlines.ts";
import { livesOutsideUs } from "./h1b.ts";
import { lowerFirst } from "./lower-first.ts";
import { reminderId } from "./reminder-id.ts";
import { reminderRecord } from "./reminder-record.ts";
import { catchUpOf, type TimedReminder } from "./reminders.ts";
import { timedReminder } from "./timed-reminder.ts";

/**
 * An H-1B applicant whose time zone is a US zone (livesOutsideUs, which also picks the proclamation
 * risk's words) may not need a visa stamp at all: the fact sheet's proclamation row names an in-US
 * change of status as a case apart from a petition asking for consular notification.
 * The program chooses the route on the petition itself, so the petition's card asks it from the
 * contract on (one notice on that card while the stamping waits). Until the applicant says which
 * route the program files, the stamping step reads conditionally and asks that question: while the
 * petition is pending it waits for the petition, whose card asks (one notice); once it is approved,
 * "which did it file" (the approval notice shows it) with the step's whole ladder, as abroad;
 * "Not for me" (waived) once the program confirms a
 * change of status, taken while the petition is pending too; the H visa fee is to verify, not
 * counted. Abroad, nothing changes.
 */

const STAMPING = catalogEntry("visa_h1b_stamping");

/** The question the step asks before the applicant answers (its one reminder's title). */
export const ROUTE_QUESTION = "Will your program file a change of status or consular processing?";

const CHANGE_OF_STATUS =
  "If you are in the US in a status that allows it, your program's petition can ask USCIS for a change of status: then there is no visa stamp to get before residency, and a trip abroad before you start needs your program's advice. If your program files for consular processing instead, ";
const ANSWER =
  " Ask your program which it files: once it confirms a change of status, tap Not for me; if it files for consular processing, tell us your interview date.";

/** The stamping step's entry for an applicant in the US, its words conditional on the route (built once). */
const IN_US_STAMPING: CatalogEntry = routeEntry(
  ROUTE_QUESTION,
  "USCIS approving your program's petition is not a visa: on a change of status in the US there is no visa stamp to get before residency; on consular processing you file the DS-160, pay the H visa fee and attend an interview at a US embassy or consulate, whose appointment wait differs by post and changes month to month.",
  CHANGE_OF_STATUS,
  ANSWER,
);

/** The question once the petition is approved: the program has filed, its approval notice shows which route. */
export const FILED_QUESTION = "Did your program file a change of status or consular processing?";

/**
 * Once the petition is approved the program has chosen: the approval notice (Form I-797) shows
 * which (advice: a change of status comes with an I-94 record attached to it; consular
 * notification has none and means the visa is stamped abroad), so the step says "filed" and where
 * to look, not "ask which it files".
 */
const FILED_CHANGE_OF_STATUS =
  "Your program's petition is approved: its approval notice (Form I-797) shows which it filed (advice). An I-94 record attached to the notice means a change of status: then there is no visa stamp to get before residency, a trip abroad before you start needs your program's advice, and you tap Not for me. If the notice is for consular notification instead, ";
const FILED_ANSWER =
  " Then tell us your interview date; if the notice leaves you unsure, ask your program's GME office which it filed.";

/** The in-US stamping's entry once the petition is approved (its ladder counts down as abroad: not a one-off question). */
const IN_US_STAMPING_FILED: CatalogEntry = routeEntry(
  FILED_QUESTION,
  "USCIS approving your program's petition is not a visa: on a change of status the approval carries your new I-94 record and there is no visa stamp to get before residency; on consular notification you file the DS-160, pay the H visa fee and attend an interview at a US embassy or consulate, whose appointment wait differs by post and changes month to month.",
  FILED_CHANGE_OF_STATUS,
  FILED_ANSWER,
);

/** The stamping's entry titled with `question`, its why `why`, its actions the consular words between `lead` and `answer`. */
function routeEntry(question: string, why: string, lead: string, answer: string): CatalogEntry {
  return Object.freeze({
    ...STAMPING,
    title: `H-1B visa: ${lowerFirst(question)}`,
    why: { ...STAMPING.why, text: why },
    action: `${lead}${lowerFirst(STAMPING.action)}${answer}`,
    statusActions: {
      ...STAMPING.statusActions,
      inProgress: `${lead}${lowerFirst(STAMPING.statusActions?.inProgress ?? STAMPING.action)}${answer}`,
    },
  });
}

const PETITION = catalogEntry("visa_h1b");

/**
 * The route question on the petition's card (advice, no processing time: the fact sheet gives none):
 * the program chooses change of status or consular notification on the petition itself (the
 * stamping's `waivable` note), so it is asked while the petition is prepared, not once it is approved.
 * The stamping step waits for the petition and offers "Not for me" from the timeline's waiting list.
 */
const ROUTE_ON_PETITION =
  " Your program chooses on the petition itself whether it asks USCIS for a change of status, if you are in the US in a status that allows it (no visa stamp to get before residency: then tap Not for me on the H-1B visa step under Waiting on something on your timeline), or for consular notification (then you get the visa stamped at a US embassy or consulate abroad once the petition is approved): ask it which it files (advice).";

/** The petition's words with `receipt` for what its receipt number serves, `late` for what a late filing leaves too little time for. */
function petitionWords(receipt: string, late: string, question: string): CatalogEntry {
  return Object.freeze({
    ...PETITION,
    action: `${PETITION.action}${question}`,
    statusActions: Object.fromEntries(
      Object.entries(PETITION.statusActions ?? {}).map(([status, text]) => [
        status,
        `${text
          .replace("which your visa interview needs", `which your ${receipt} needs`)
          .replace("too little time for the visa interview", `too little time for ${late}`)}${question}`,
      ]),
    ),
  });
}

/**
 * The petition's words for an applicant in the US while the stamping's route is not answered:
 * the receipt number serves a change of status or a visa interview, whichever the
 * program files (the catalog's words assume consular processing), and the card asks which.
 */
const IN_US_PETITION = petitionWords(
  "change of status or your visa interview",
  "a change of status or a visa interview",
  ROUTE_ON_PETITION,
);

/** The petition's words once the applicant said the program files a change of status (the stamping waived): no visa interview. */
const CHANGE_OF_STATUS_PETITION = petitionWords("change of status", "the change of status", "");

/**
 * The blocked row's title of `entry` as planned (inUsEntryFor): the in-US stamping's route question
 * rather than the catalog's "stamped at a US consulate"; undefined for any other.
 */
export function inUsTitle(entry: CatalogEntry): string | undefined {
  return entry === IN_US_STAMPING || entry === IN_US_STAMPING_FILED ? entry.title : undefined;
}

/** Whether the applicant is on the H-1B track in a US zone. */
export function h1bInUs(context: PlanContext): boolean {
  return context.applicant.visa === "H-1B" && !livesOutsideUs(context);
}

/**
 * Whether the applicant is on the change-of-status route: H-1B in a US zone, the stamping waived
 * (Not for me, once the program confirms a change of status). A change of status grants H-1B
 * status in the US, not a visa (the stamping's `waivable` note: no visa to get stamped before
 * residency), so every text on this route says status and never promises a visa.
 */
export function changeOfStatus(context: PlanContext): boolean {
  return h1bInUs(context) && statusOf(context, STAMPING.key) === "waived";
}

/**
 * The petition's date as the change-of-status route reads it (the petition planned with
 * CHANGE_OF_STATUS_PETITION): the same day, but its source speaks of the approval a change of status
 * needs, not of the visa interview the catalog's rule counts back from; `due` unchanged for any
 * other entry. One copy per date (PlanDates renders and keeps each date it is asked for).
 */
export function inUsDue(entry: CatalogEntry, due: DueDate | null): DueDate | null {
  if (entry !== CHANGE_OF_STATUS_PETITION || due === null) return due;
  let copy = changeOfStatusDues.get(due);
  if (copy === undefined) {
    copy = Object.freeze({ ...due, source: CHANGE_OF_STATUS_DUE_SOURCE });
    changeOfStatusDues.set(due, copy);
  }
  return copy;
}

const changeOfStatusDues = new WeakMap<DueDate, DueDate>();
const CHANGE_OF_STATUS_DUE_SOURCE = `${PETITION.due.from === "milestone" ? `${PETITION.due.offsetDays} days from the ${PETITION.due.key}` : "the"} due date (two weeks before residency's start; on a change of status there is no stamping); advice: a change of status needs the approved petition before residency starts, its approval notice carrying your new I-94 record; the same month as on the consular route leaves time to ask your program about a late approval`;

/**
 * The entry a step is planned with in the US: the stamping's in-US one while the route is not
 * answered (not started or under way; an interview date is the consular route's answer), asking
 * which the program files while the petition is pending, which it filed once approved; and the
 * petition's neutral words asking the route until then too, its change-of-status words once the
 * stamping is waived; else `entry` unchanged.
 */
export function inUsEntryFor(
  context: PlanContext,
  entry: CatalogEntry,
  status: PlanContext["statuses"][number],
): CatalogEntry {
  if (entry.key === PETITION.key) {
    const route = statusOf(context, STAMPING.key);
    if (!h1bInUs(context)) return entry;
    return routeUnanswered(route) ? IN_US_PETITION : route === "waived" ? CHANGE_OF_STATUS_PETITION : entry;
  }
  if (entry.key !== STAMPING.key || !routeUnanswered(status) || !h1bInUs(context)) return entry;
  return statusOf(context, PETITION.key) === "done" ? IN_US_STAMPING_FILED : IN_US_STAMPING;
}

/** By catalog index, the steps inUsEntryFor may plan with an in-US entry (the petition, the stamping): any other it returns as given. */
export const IN_US_AT: readonly boolean[] = MILESTONE_CATALOG.map(
  (entry) => entry.key === PETITION.key || entry.key === STAMPING.key,
);

/** Whether the stamping's `status` leaves the route unanswered: not started or under way. */
function routeUnanswered(status: PlanContext["statuses"][number]): boolean {
  return status === "not_started" || status === "in_progress";
}

/**
 * The route question while the petition is prepared (the petition's card asks it: IN_US_PETITION),
 * one notice on that card at the next delivery slot toward the petition's date `due`, since the
 * stamping step waits for the petition and a blocked step has no reminder (as a presumed step's
 * question rides on that step while the certificate's card waits). Counted on the stamping, as its
 * own question is, hung on the day the contract was reported signed (else the petition's date),
 * never on now: re-planned, it keeps its id. Once the petition is done the stamping is a next step
 * and asks again through its own ladder, titled as the question (IN_US_STAMPING_FILED), with its
 * Not for me button. The one notice of the route question: the stamping never asks it while the
 * petition is pending, as it waits for the petition.
 */
export function routeQuestionOnPetition(
  context: PlanContext,
  entry: CatalogEntry,
  due: { at: number; detail: Deadline },
  into: TimedReminder[],
): void {
  if (entry !== IN_US_PETITION) return;
  const { catchUp } = catchUpOf(context);
  if (catchUp >= due.at) return;
  const day = context.entries.get("contract")?.date;
  const since = day === undefined ? due.at : startOfLocalDate(context.zone, day);
  const reminder = reminderRecord({
    id: reminderId(STAMPING.key, undefined, PETITION_ROUTE_RUNG, since),
    milestone: PETITION.key,
    rung: PETITION_ROUTE_RUNG,
    title: ROUTE_QUESTION,
    deadline: due.detail.at,
    deadlineDetail: due.detail,
    sendAt: isoUtc(catchUp),
    sendAtLocal: isoInZone(context.zone, catchUp),
    why: PETITION_ROUTE_WHY,
  });
  into.push(timedReminder(catchUp, due.at, Object.freeze(reminder)));
}

/** The rung of the route question on the petition's card (its email item offers the stamping's Not for me). */
export const PETITION_ROUTE_RUNG = "route-asked-on-petition";

const PETITION_ROUTE_WHY =
  "Your program chooses on the H-1B petition itself between a change of status (in the US, no visa stamp to get before residency) and consular notification (the visa stamped at a US embassy or consulate abroad once the petition is approved), so the answer comes before it files, not once the petition is approved (advice).";

/**
 * The H visa fee (MRV) of an applicant in the US who has not got the visa: paid only on the consular
 * route, so listed to verify with that reason, not counted (null for any other fee or applicant).
 */
export function consularOnlyFee(context: PlanContext, fee: Fee, item: BudgetItem): BudgetItem | null {
  if (fee.milestone !== STAMPING.key || item.status !== "upcoming" || !h1bInUs(context)) return null;
  return { ...item, verify: CONSULAR_ONLY };
}

const CONSULAR_ONLY =
  "to verify: paid only if your program files for consular processing; on a change of status in the US there is no visa to get";

/**
 * A fee to verify charged on the H-1B visa's issuance (its steps include the stamping: the Visa
 * Integrity Fee, "on issuance of any nonimmigrant visa" per the fact sheet) for an applicant in the
 * US who has not got the visa: as the H visa fee (consularOnlyFee), owed only on the consular route,
 * so its line says so before its own flag (`item`, the fee's line, unchanged otherwise; null for any
 * other fee or applicant). The proclamation's $100,000 row (listed in the US while the route is not
 * settled, proclamationApplies) says the same of consular notification.
 */
export function consularOnlyToVerify(
  context: PlanContext,
  fee: FeeToVerify,
  item: BudgetItem,
): BudgetItem | null {
  if (!h1bInUs(context)) return null;
  // The proclamation's row in the US (listed while the route is unsettled): the fee's label speaks of
  // someone outside the US, so the line says on which route it is reported to apply.
  if (fee.key === "h1b_proclamation_100k")
    return { ...item, verify: prefixed(CONSULAR_NOTIFICATION_ONLY, item) };
  if (!fee.milestones.includes(STAMPING.key)) return null;
  if (statusOf(context, STAMPING.key) === "done") return null;
  return { ...item, verify: prefixed(CONSULAR_ONLY, item) };
}

/** `reason` before the line's own flag, if it has one. */
function prefixed(reason: string, item: BudgetItem): string {
  return item.verify === undefined ? reason : `${reason} (${item.verify})`;
}

const CONSULAR_NOTIFICATION_ONLY =
  "to verify: reported to apply if your program's petition asks for consular notification, not to a change of status approved in the US";

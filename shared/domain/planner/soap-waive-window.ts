import { type DoneOpens, doneOpensFor } from "../applicant-choices.ts";
import type { SeasonCalendar } from "../seasons/index.ts";
import type { MilestoneKey } from "../snapshot.ts";

/**
 * When SOAP's "Not for me" can first count, while it cannot yet; undefined for any other step or
 * once it can. The plan takes a SOAP answer of any status (waived too) only from Match Week's
 * notification (early-soap-answer.ts): before it, SOAP is preparation in case the applicant
 * does not match, and a "Not for me" would be ignored while the page said "we will stop reminding
 * you". So the window is Match Week's Done window (doneOpensFor), told in Not for me's words: the
 * email and the timeline offer no button before it (actionsFor) and the action page answers "Not yet"
 * with the hour, as it does for Done. Pure.
 */
export function waiveOpensFor(
  milestone: MilestoneKey,
  calendar: SeasonCalendar,
  today: string,
  zone: string,
  now: number,
): DoneOpens | undefined {
  if (milestone !== "soap") return undefined;
  const opens = doneOpensFor("match_week", calendar, today, zone, now);
  if (opens?.at === undefined) return opens;
  return {
    ...opens,
    at: {
      ...opens.at,
      why: "until it, SOAP is a step to prepare for in case you do not match, and a “Not for me” before it would not change your plan",
      markWhen: "Tap Not for me on SOAP from then if you matched or will not take part in SOAP",
    },
  };
}

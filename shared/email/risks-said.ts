import type { Plan, Risk } from "#domain/plan.ts";
import { forPeople } from "./for-people.ts";
import type { Item } from "./reminder-items.ts";
import { riskLine } from "./reminder-sections.ts";

/**
 * An email says a risk once, in the place of the item whose why opens with the risk's message (a
 * risk's notice: criticalRiskNotices), so the item carries the risk's sources and "Risks to watch"
 * names it only by the item's title, or leaves out a section that would only repeat.
 */

/**
 * The risk an item's why opens with, whole: the item is that risk's notice, or a reminder whose
 * why is the risk's words (a target passed: the reminder and its warning say the same).
 */
export function riskSaidBy(item: Item, plan: Plan): Risk | undefined {
  return plan.risks.find((risk) => item.why.startsWith(forPeople(risk.message)));
}

/**
 * The lines under "Risks to watch" (before forPeople), in the plan's order: a risk no item says, in
 * full, with its sources (`said` false); a risk an item above says, by that item's title. None
 * when every risk is said above: the section would only repeat.
 */
export function risksBelow(
  plan: Plan,
  items: readonly Item[],
): { risk: Risk; line: string; said: boolean }[] {
  const saidBy = items.map((item) => ({ item, risk: riskSaidBy(item, plan) }));
  const rows = plan.risks.map((risk) => {
    const sayer = saidBy.find((each) => each.risk === risk)?.item;
    return sayer === undefined
      ? { risk, line: riskLine(risk), said: false }
      : { risk, line: riskLine(risk, `${sayer.title} (see above)`), said: true };
  });
  return rows.every((row) => row.said) ? [] : rows;
}

/**
 * Where a critical risk's "What to do" link points (the timeline's risks, which say how to resolve
 * it), wherever the email says the risk: under "Risks to watch", or on the item that says it (an
 * undated notice has no buttons, so that link is its only way on). False for a warning, or an
 * email without links.
 */
export function whatToDoUrl(risk: Risk | undefined, timelineUrl?: string): string | false {
  return risk?.severity === "critical" && timelineUrl !== undefined ? `${timelineUrl}#risks` : false;
}

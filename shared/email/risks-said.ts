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
 * full, with its sources (`said` false); a risk an item above says, by that item's title; a risk
 * whose notice an item carries after "Also:" (Item.carried), by that notice's title, with its sources,
 * which the item leaves to its own risk (it was said in full a second time). None when every risk is
 * said above: the section would only repeat.
 */
export function risksBelow(
  plan: Plan,
  items: readonly Item[],
): { risk: Risk; line: string; said: boolean }[] {
  const saidBy = items.map((item) => ({ item, risk: riskSaidBy(item, plan) }));
  const rows = plan.risks.map((risk) => {
    const sayer = saidBy.find((each) => each.risk === risk)?.item;
    if (sayer !== undefined) return { risk, line: riskLine(risk, `${sayer.title} (see above)`), said: true };
    const carried = carriedTitle(items, forPeople(risk.message));
    return {
      risk,
      line: riskLine(risk, carried === undefined ? risk.message : `${carried} (see above)`),
      said: false,
    };
  });
  return rows.every((row) => row.said) ? [] : rows;
}

/** The title of the notice an item carries (Item.carried) whose words open with `message`. */
function carriedTitle(items: readonly Item[], message: string): string | undefined {
  for (const item of items)
    for (const notice of item.carried ?? []) if (notice.why.startsWith(message)) return notice.title;
  return undefined;
}

/**
 * Where a critical risk's "What to do" link points (the timeline's risks, which say how to resolve
 * it), wherever the email says the risk: under "Risks to watch", or on the item that says it (an
 * undated notice has no buttons, so that link is its only way on), and the question about answers
 * that disagree (DONE_DATES_OUT_OF_ORDER: the timeline says which answers and how to resend them).
 * False for any other warning, or an email without links.
 */
export function whatToDoUrl(risk: Risk | undefined, timelineUrl?: string): string | false {
  const leads = risk?.severity === "critical" || risk?.code === "DONE_DATES_OUT_OF_ORDER";
  return leads && timelineUrl !== undefined ? `${timelineUrl}#risks` : false;
}

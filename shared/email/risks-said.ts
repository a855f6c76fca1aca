import type { Plan, Risk } from "#domain/plan.ts";
import { forPeople } from "./for-people.ts";
import type { Item } from "./reminder-items.ts";
import { riskLine } from "./reminder-sections.ts";

/**
 * A risk's notice in an email says the risk once, in the notice's place: its why opens with the
 * risk's message (criticalRiskNotices), so the item carries the risk's sources and "Risks to
 * watch" names it only by the notice's title, or leaves out a section that would only repeat.
 */

/** The risk whose message an item's why opens with: the item is that risk's notice. */
export function riskSaidBy(item: Item, plan: Plan): Risk | undefined {
  if (item.risk === undefined) return undefined;
  return plan.risks.find((risk) => risk.code === item.risk && item.why.startsWith(forPeople(risk.message)));
}

/**
 * The lines under "Risks to watch" (before forPeople), in the plan's order: a risk no item says, in
 * full, with its sources (`said` false); a risk a notice above says, by that notice's title. None
 * when every risk is said above: the section would only repeat.
 */
export function risksBelow(
  plan: Plan,
  items: readonly Item[],
): { risk: Risk; line: string; said: boolean }[] {
  const rows = plan.risks.map((risk) => {
    const notice = items.find((item) => riskSaidBy(item, plan) === risk);
    return notice === undefined
      ? { risk, line: riskLine(risk), said: false }
      : { risk, line: riskLine(risk, `${notice.title} (see above)`), said: true };
  });
  return rows.every((row) => row.said) ? [] : rows;
}

import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import type { MilestoneKey } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { matchedPlan, rankingPlan, ZONE } from "#test/unit/domain/date-basis-plans.ts";

/**
 * An email said "projected date" under the contract's date, as under NRMP's
 * projected dates, though no authority sets it. An item's date says who sets it: our advice,
 * projected, or nothing for a confirmed date; both parts alike.
 */

/**
 * The date line of the email's one item about the step's first reminder that counts down to its
 * deadline, in the text part and in the HTML part (other steps' lines are not this test's).
 */
function itemDates(thePlan: Plan, milestone: MilestoneKey): { text: string; html: string } {
  const reminder = thePlan.reminders.find(
    (each) => each.milestone === milestone && each.countsDownTo === undefined,
  );
  if (reminder === undefined) throw new Error(`no reminder for ${milestone}`);
  const email = renderReminderEmail({
    recipientName: "Asha Rao",
    reminders: [reminder],
    plan: thePlan,
    unsubscribeUrl: "https://example.org/unsubscribe",
    timezone: ZONE,
  });
  const lines = email.text.split("\n");
  const text = lines[lines.findIndex((line) => line.startsWith("1. ")) + 1] ?? "";
  const html =
    email.html.match(/<strong>[^<]*<\/strong>[^<]*<br \/><span class="muted">[^<]*<\/span>/)?.[0] ?? "";
  return { text, html };
}

describe("an email's date says who sets it", () => {
  it("the contract's date: our advice, in the text and the HTML", () => {
    const { text, html } = itemDates(matchedPlan(), "contract");
    // Due by the J-1 sponsorship's day waiting on it (our Fri 2 Apr is its target).
    expect(text).toMatch(/Mon 5 Apr 2027.* \(our advice, not set by any authority\)$/);
    expect(html).toContain(" · our advice, not set by any authority</span>");
    expect(text).not.toContain("projected date");
    expect(html).not.toContain("projected date");
  });

  it("NRMP's rank order list deadline in a projected season: projected, not advice", () => {
    const { text, html } = itemDates(rankingPlan(2027), "rank_order_list");
    expect(text).toContain("(projected date)");
    expect(html).toContain(" · projected date</span>");
    expect(text).not.toContain("our advice");
    expect(html).not.toContain("our advice");
  });

  it("the same deadline in a confirmed season: neither", () => {
    const { text, html } = itemDates(rankingPlan(2026), "rank_order_list");
    expect(text).toContain("Thu 26 Feb 2026");
    expect(html).toContain("Thu 26 Feb 2026");
    for (const part of [text, html]) {
      expect(part).not.toContain("projected date");
      expect(part).not.toContain("our advice");
    }
  });
});

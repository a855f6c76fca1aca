import { describe, expect, it } from "vitest";
import { planDiff } from "#domain/console/what-if.ts";
import { plan as planFor } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { applicantFactory, examsDone, inputFactory } from "./factories.ts";

/**
 * The what-if's "Reminders … next <time>" named a reminder already sent
 * (a critical notice planned at the next delivery slot, which the ledger holds): the plan lists
 * every reminder, sent ones included, and the difference counted them all. It counts, and names as
 * next, only what the ledger does not hold, as the ledger's "scheduled" rows and the sender do.
 */
describe("the what-if's reminders leave out those already sent", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const input = inputFactory({
    applicant: applicantFactory({ matchYear: 2027, visa: "J-1" }),
    milestones: examsDone("2025-06-01"),
  });
  const plan = planFor(input, seasonCalendar(2027), now);
  const [first, second] = plan.reminders;

  it("the case: the plan has at least two reminders", () => {
    expect(first).toBeDefined();
    expect(second).toBeDefined();
  });

  it("a reminder the ledger holds is neither counted nor next, on either side", () => {
    const sent = new Set([first?.id ?? ""]);
    const diff = planDiff(plan, plan, new Set(), undefined, sent);
    expect(diff.reminders.before).toBe(plan.reminders.length - 1);
    expect(diff.reminders.after).toBe(plan.reminders.length - 1);
    expect(diff.reminders.nextBefore).toBe(second?.sendAt);
    expect(diff.reminders.nextAfter).toBe(second?.sendAt);
    expect(diff.reminders.added + diff.reminders.removed).toBe(0);
  });

  it("the next is the earliest still to send, whatever the plan's order", () => {
    const reordered = { ...plan, reminders: [...plan.reminders].reverse() };
    const diff = planDiff(reordered, reordered, new Set(), undefined, new Set([first?.id ?? ""]));
    expect(diff.reminders.nextBefore).toBe(second?.sendAt);
  });
});

describe("the what-if's reminders leave out those past their deadline", () => {
  it("a reminder whose deadline is at or before the plan's now is never sent: not counted", () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const plan = planFor(
      inputFactory({ applicant: applicantFactory({ matchYear: 2027 }), milestones: examsDone("2025-06-01") }),
      seasonCalendar(2027),
      now,
    );
    const [first] = plan.reminders;
    if (first === undefined) throw new Error("the plan has no reminder");
    const gone = {
      ...plan,
      reminders: [
        { ...first, id: "gone", sendAt: "2026-05-01T00:00:00.000Z", deadline: "2026-05-30T00:00:00.000Z" },
        ...plan.reminders,
      ],
    };
    const diff = planDiff(gone, gone);
    expect(diff.reminders.before).toBe(plan.reminders.length);
    expect(diff.reminders.nextBefore).toBe(first.sendAt);
  });
});

import { describe, expect, it } from "vitest";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { EARLY_LIST, planFor, REPORTED } from "#test/unit/domain/registered-applicant.ts";

/**
 * The registered applicant who left Step 1 out of the
 * intake was first emailed "The 2027 Match is out of reach … ask NRMP about withdrawing". The first
 * email of the plan now is about the 2027 Match kept: no "out of reach", no "withdraw".
 */
describe("the first email of an applicant registered for the Match with Step 1 unreported", () => {
  it("does not call the Match out of reach nor ask to withdraw", () => {
    const result = planFor([...REPORTED, EARLY_LIST]);
    const first = [...result.reminders].sort((a, b) => a.sendAt.localeCompare(b.sendAt))[0];
    if (first === undefined) throw new Error("no reminder");
    // The rank list's notice goes at the next morning's slot, in one email with Step 1's question.
    const together = result.reminders.filter((each) => each.sendAt === first.sendAt);
    const email = renderReminderEmail({
      recipientName: "Adaeze Nwosu",
      reminders: together,
      plan: result,
      unsubscribeUrl: "https://example.org/unsubscribe",
      timezone: "Africa/Lagos",
    });
    expect(first.sendAt.slice(0, 10)).toBe("2026-12-04"); // the notice, at the next morning's slot
    // Step 1's question says "If not, the 2027 Match is most likely out of reach": a condition, not the verdict.
    expect(`${email.subject}\n${email.text}`).not.toMatch(/Match is out of reach|withdraw/i);
    expect(email.html).not.toMatch(/Match is out of reach|withdraw/i);
    expect(together.map((each) => each.risk)).toContain("ROL_BEFORE_RANKING_OPENS");
  });
});

import { describe, expect, it } from "vitest";
import { whyAndNext } from "#email/why-and-next.ts";

// An H-1B applicant in Shanghai, her certificate issued, Step 3 not booked, on 7 Dec 2026: her first
// email's critical notice gave, under "Why it matters", the visitor-visa holder's two days and
// "Step 3 is offered only in the US: plan the trip", and Step 3's card under "Next step" gave the
// same two days and the same trip in its own words: 4,875 px on a phone, each point twice.

const WHY =
  "Ranking on H-1B for the 2027 Match is most likely out of reach: programs decide before the rank order list deadline, Thu 25 Feb 2027 (projected). " +
  "Step 3's result can reach programs around Fri 12 Mar 2027 at the earliest. That day is after our projected deadline. " +
  "If you already hold a B-1/B-2 visa, there is still time: apply to FSMB by Wed 6 Jan 2027 and sit Step 3 in the US by Wed 27 Jan 2027 (our advice). " +
  "Step 3 is offered only in the US: plan the trip. " +
  "Rank programs that offer a J-1 too, either way: a J-1 needs no Step 3.";
const ACTION =
  "Our projected rank order list deadline leaves no time for FSMB, a visitor visa and a US test date: only with a B-1/B-2 visa you already hold can your Step 3 result still reach programs in time (apply to FSMB by Wed 6 Jan 2027, sit Step 3 in the US by Wed 27 Jan 2027, our advice). " +
  "Step 3 is offered only in the US, so plan the trip: you live outside the US, so it needs a US visitor visa (B-1/B-2): apply for it now. " +
  "To sit it by Fri 19 Mar 2027: apply for the visitor visa and, beside it, to FSMB by Mon 11 Jan 2027, and book your test date by Fri 12 Mar 2027.";

describe("an email item's why beside its next step", () => {
  const { why } = whyAndNext({ why: WHY, action: ACTION });

  it("leaves out a sentence whose days to act by the next step gives, and one the next step says with more words", () => {
    expect(why).not.toContain("If you already hold a B-1/B-2 visa");
    expect(why).not.toContain("plan the trip");
  });

  it("keeps what the next step does not say: the deadline, the earliest result (a day that is no day to act by), the J-1 route", () => {
    expect(why).toContain("before the rank order list deadline, Thu 25 Feb 2027 (projected).");
    expect(why).toContain(
      "Step 3's result can reach programs around Fri 12 Mar 2027 at the earliest. That day is after",
    );
    expect(why).toContain("Rank programs that offer a J-1 too");
  });
});

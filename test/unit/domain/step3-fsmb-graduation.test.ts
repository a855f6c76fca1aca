import { describe, expect, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { planFor } from "./advisor-road.ts";
import { applicantFactory, doneMilestones, inputFactory, REGISTERED_KEYS } from "./factories.ts";

// FSMB's Step 3 page says processing to the scheduling permit takes
// about 2 weeks, and "it can take up to 12 weeks after you graduate for FSMB to verify your
// graduation" (https://www.fsmb.org/step-3/step-3-information/). The plan gave a certified applicant
// 14 days but one whose certificate was pending 12 weeks from the certificate, so two applicants in
// the same position once certified got contradictory verdicts. The one rule: the permit comes about
// 2 weeks after applying (with the certificate) and not before graduation plus 12 weeks.

const NOW = "2026-12-02T09:00:00Z";

function h1bInput(timezone: string, graduation: string, certified: boolean) {
  const milestones: MilestoneEntry[] = doneMilestones(REGISTERED_KEYS, "2026-09-01");
  if (certified) milestones.push({ key: "ecfmg_certification", status: "done", date: "2026-11-20" });
  return inputFactory({
    applicant: applicantFactory({ matchYear: 2027, timezone, visa: "H-1B", graduation }),
    milestones,
  });
}
const step3Risk = (timezone: string, graduation: string, certified: boolean, now = NOW) =>
  planFor(h1bInput(timezone, graduation, certified), now).risks.find(
    (risk) => risk.code === "STEP3_NEEDED_FOR_H1B",
  );
const earliestResult = (message: string | undefined) =>
  /Step 3's result can reach programs around (\w{3} \d+ \w{3} \d{4})/.exec(message ?? "")?.[1];

describe("FSMB's Step 3 permit: about 2 weeks after applying, never before graduation + 12 weeks", () => {
  it("gives a long-graduated applicant the same verdict certified or with the certificate due now", () => {
    const certified = step3Risk("Africa/Lagos", "2024-06-30", true);
    const pending = step3Risk("Africa/Lagos", "2024-06-30", false);
    expect(pending?.severity).toBe(certified?.severity);
    expect(earliestResult(pending?.message)).toBe(earliestResult(certified?.message));
    // 2 Dec + 60 days for the visitor visa, FSMB's 14 days beside it, + 7 to a seat + 28 for the result.
    expect(earliestResult(certified?.message)).toBe("Sun 7 Mar 2027");
    // The same latest day holding a visitor visa: the certificate (or the FSMB application) by 6 Jan.
    expect(certified?.message).toContain("apply to FSMB by Wed 6 Jan 2027");
    expect(pending?.message).toContain("get your ECFMG certificate and apply to FSMB by Wed 6 Jan 2027");
    expect(pending?.message).not.toContain("12 weeks for FSMB to verify graduation");
  });

  it("keeps H-1B ranking in reach for a recent graduate whose 12 weeks from graduation end in time", () => {
    // Graduated 1 Oct 2026, in Chicago (no trip): the certificate can come now (diploma verified
    // by mid-November, every result in), the permit no earlier than 24 Dec 2026 (graduation + 84
    // days), a seat by 31 Dec and the result by 28 Jan 2027, before the 24 Feb deadline.
    const risk = step3Risk("America/Chicago", "2026-10-01", false);
    expect(risk?.severity).toBe("warning");
  });

  it("counts the 12 weeks from graduation when they end after FSMB's 2 weeks", () => {
    // Graduated 1 Nov 2026, in Chicago: permit no earlier than 24 Jan 2027 (graduation + 84 days),
    // a seat by 31 Jan, the result by Sun 28 Feb 2027, after the rank order list deadline.
    const risk = step3Risk("America/Chicago", "2026-11-01", false);
    expect(risk?.severity).toBe("critical");
    expect(earliestResult(risk?.message)).toBe("Sun 28 Feb 2027");
    expect(risk?.message).toContain("up to 12 weeks after you graduate");
    expect(risk?.message).toContain("Sun 24 Jan 2027");
    expect(risk?.sources?.some((source) => source.includes("12 weeks after you graduate"))).toBe(true);
  });

  it("never says the 12 weeks for a graduation long past", () => {
    const risk = step3Risk("America/Chicago", "2024-06-30", true, "2026-10-01T12:00:00Z");
    expect(risk?.message).not.toContain("12 weeks");
  });
});

// With the visa "undecided" in Lagos, VISA_UNDECIDED's H-1B comparison left out the
// visitor-visa wait and the $100,000 proclamation and called H-1B feasible (result ~20 Jan), while
// the same applicant on the H-1B track was told it is most likely out of reach (~21 Mar).
describe("VISA_UNDECIDED's H-1B comparison is the H-1B track's own verdict", () => {
  const planOn = (visa: "undecided" | "H-1B", timezone: string, now = NOW) =>
    planFor(
      inputFactory({
        applicant: applicantFactory({ matchYear: 2027, timezone, visa, graduation: "2024-06-30" }),
        milestones: [
          ...doneMilestones(REGISTERED_KEYS, "2026-09-01"),
          { key: "ecfmg_certification", status: "done", date: "2026-11-20" },
        ],
      }),
      now,
    );

  it("abroad: the same earliest result, the visitor-visa wait, out of reach and the proclamation", () => {
    const undecided = planOn("undecided", "Africa/Lagos").risks.find(
      (risk) => risk.code === "VISA_UNDECIDED",
    );
    const track = planOn("H-1B", "Africa/Lagos").risks.find((risk) => risk.code === "STEP3_NEEDED_FOR_H1B");
    expect(track?.severity).toBe("critical");
    expect(earliestResult(undecided?.message)).toBe(earliestResult(track?.message));
    expect(undecided?.message).toContain("60 days for a visitor visa (B-1/B-2) interview");
    expect(undecided?.message).toContain("most likely out of reach");
    expect(undecided?.message).toContain("$100,000");
    expect(undecided?.sources?.some((source) => source.includes("Global Visa Wait Times"))).toBe(true);
    expect(undecided?.sources?.some((source) => source.includes("mccownevans.com"))).toBe(true);
  });

  it("in the US: no visitor visa, the proclamation on the consular route only, the same day as the track", () => {
    const now = "2026-11-01T12:00:00Z";
    const undecided = planOn("undecided", "America/Chicago", now).risks.find(
      (risk) => risk.code === "VISA_UNDECIDED",
    );
    const track = planOn("H-1B", "America/Chicago", now).risks.find(
      (risk) => risk.code === "STEP3_NEEDED_FOR_H1B",
    );
    expect(track?.severity).toBe("warning");
    expect(undecided?.message).not.toContain("visitor visa");
    expect(undecided?.message).toContain(
      "In the US, the payment is reported to apply to a petition that asks for consular notification",
    );
    expect(undecided?.message).not.toContain("out of reach");
  });
});

// The certificate's step: ranking on H-1B, the certificate is needed within weeks
// (its H-1B target), yet the step's text spoke only of the residency deadline in June.
describe("the ECFMG certificate's step on the H-1B track says when ranking needs it", () => {
  const action = (now: string) =>
    planFor(h1bInput("Africa/Lagos", "2024-06-30", false), now).nextSteps.find(
      (step) => step.milestone === "ecfmg_certification",
    )?.action ?? "";

  it("names the H-1B target while it is ahead", () => {
    expect(action("2026-10-01T09:00:00Z")).toContain(
      "For ranking on H-1B you need it by Fri 20 Nov 2026 (our advice), so Step 3's result reaches programs before the rank order list deadline",
    );
  });

  it("names the visitor-visa holder's last day once the target has passed", () => {
    const text = action("2026-12-02T09:00:00Z");
    expect(text).toContain("For ranking on H-1B it was needed by Fri 20 Nov 2026 (our advice)");
    // Both days come from the projected rank order list deadline.
    expect(text).toContain("Wed 6 Jan 2027 (our advice) only if you already hold a visitor visa");
  });
});

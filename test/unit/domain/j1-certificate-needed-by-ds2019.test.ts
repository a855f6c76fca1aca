import { describe, expect, it } from "vitest";
import { reminderShownDate } from "#domain/date-words.ts";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import type { Visa } from "#domain/snapshot.ts";
import { matched2027, milestoneFactory } from "./factories.ts";

// A matched J-1 applicant in Auckland sent their part of ECFMG's sponsorship (the step done, 1 Apr
// 2027) but never reported the certificate. ECFMG's review, planned to start by Mon 5 Apr 2027,
// waits for it and ends with the DS-2019 (planned for Mon 17 May 2027, our advice): once the
// sponsorship's day has passed, the certificate is needed by the DS-2019's date, so its card, its
// reminders and their Due line name that day (not the certificate's own date, Wed 16 Jun, a month
// later), and VISA_STEP_LATE says at once that the chain waits for it, where no risk was raised
// until the DS-2019's date had passed.

const calendar = seasonCalendar(2027);

function matchedWithSponsorshipSent(visa: Visa, timezone: string) {
  const chain =
    visa === "J-1"
      ? [
          milestoneFactory("j1_statement_of_need", "done", "2027-03-30"),
          milestoneFactory("j1_ecfmg_sponsorship", "done", "2027-04-01"),
        ]
      : [];
  return matched2027(timezone, {
    visa,
    extra: [milestoneFactory("contract", "done", "2027-03-26"), ...chain],
  });
}

const planAt = (visa: Visa, timezone: string, now: string): Plan =>
  plan(matchedWithSponsorshipSent(visa, timezone), calendar, new Date(now));
const certificateOf = (planned: Plan) =>
  planned.nextSteps.find((step) => step.milestone === "ecfmg_certification");
const ds2019Of = (planned: Plan) => planned.blocked.find((step) => step.milestone === "j1_ds2019");
const certificateReminders = (planned: Plan) =>
  planned.reminders.filter((each) => each.milestone === "ecfmg_certification");

describe.each(["Pacific/Auckland", "America/Chicago", "Asia/Kolkata"])(
  "a matched J-1 applicant (%s) whose certificate is unreported past the sponsorship's day",
  (timezone) => {
    const planned = planAt("J-1", timezone, "2027-05-10T16:00:00Z");

    it("is needed by the DS-2019's date: the card and every reminder's Due line name it", () => {
      const certificate = certificateOf(planned);
      expect(certificate?.urgency).toBe("urgent");
      expect(certificate?.deadline?.local).toBe("Mon 17 May 2027");
      expect(ds2019Of(planned)?.deadline?.local).toBe("Mon 17 May 2027");
      const reminders = certificateReminders(planned);
      expect(reminders.length).toBeGreaterThan(0);
      for (const each of reminders) {
        expect(each.overdueSince).toBeUndefined();
        expect(reminderShownDate(each).local).toBe("Mon 17 May 2027");
      }
    });

    it("warns now that the visa chain waits for it, naming the DS-2019's date and the visa's", () => {
      const late = planned.risks.find((risk) => risk.code === "VISA_STEP_LATE");
      expect(late?.severity).toBe("warning");
      expect(late?.milestones).toEqual(["ecfmg_certification", "j1_ds2019"]);
      expect(late?.message).toContain("Mon 17 May 2027");
      expect(late?.message).toContain("Wed 16 Jun 2027");
      expect(planned.risks.map((risk) => risk.code)).not.toContain("VISA_NOT_READY_FOR_START");
    });

    it("past the DS-2019's date, the DS-2019 is the late step and the certificate's own date holds", () => {
      const after = planAt("J-1", timezone, "2027-05-18T16:00:00Z");
      expect(certificateOf(after)?.deadline?.local).toBe("Wed 16 Jun 2027");
      expect(after.risks.find((risk) => risk.code === "VISA_STEP_LATE")?.milestones).toEqual(["j1_ds2019"]);
    });
  },
);

describe("the certificate's own date where no DS-2019 waits for it", () => {
  it("before the sponsorship's day, a J-1 certificate keeps that day as its target and raises no warning", () => {
    const planned = planAt("J-1", "Pacific/Auckland", "2027-03-31T16:00:00Z");
    expect(certificateOf(planned)?.deadline?.local).toBe("Wed 16 Jun 2027");
    expect(planned.risks.map((risk) => risk.code)).not.toContain("VISA_STEP_LATE");
  });

  it("a matched H-1B applicant's certificate counts down to its own date, with no J-1 warning", () => {
    const planned = planAt("H-1B", "Pacific/Auckland", "2027-05-10T16:00:00Z");
    expect(certificateOf(planned)?.deadline?.local).toBe("Wed 16 Jun 2027");
    expect(planned.risks.find((risk) => risk.milestones.includes("ecfmg_certification"))?.code).not.toBe(
      "VISA_STEP_LATE",
    );
  });
});

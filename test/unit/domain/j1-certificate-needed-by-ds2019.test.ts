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
// until the DS-2019's date had passed. Past that date the certificate stays overdue since it, and
// the visa risks keep naming it until it is reported.

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

    // Past the DS-2019's date the certificate is still what holds the DS-2019 and the visa back: an
    // advisor keeps it overdue since that day and keeps naming it, never counting down again to the
    // visa's own date (a certificate "due" with the visa leaves no time for ECFMG's review, the
    // DS-2019 and the consulate after it).
    it.each(["2027-05-18T16:00:00Z", "2027-05-27T16:00:00Z", "2027-06-05T16:00:00Z", "2027-06-20T16:00:00Z"])(
      "past the DS-2019's date (%s), the certificate is overdue since it on every channel and the risk names it",
      (now) => {
        const after = planAt("J-1", timezone, now);
        const certificate = certificateOf(after);
        expect(certificate?.urgency).toBe("overdue");
        expect(certificate?.deadline?.local).toBe("Mon 17 May 2027");
        const overdue = after.overdue.find((step) => step.milestone === "ecfmg_certification");
        expect(overdue?.deadline?.local).toBe("Mon 17 May 2027");
        const reminders = certificateReminders(after);
        expect(reminders.length).toBeGreaterThan(0);
        for (const each of reminders) expect(each.overdueSince?.local).toBe("Mon 17 May 2027");
        const visa = after.risks.find(
          (risk) => risk.code === "VISA_STEP_LATE" || risk.code === "VISA_NOT_READY_FOR_START",
        );
        expect(visa?.milestones).toContain("ecfmg_certification");
        expect(visa?.milestones).toContain("j1_ds2019");
        expect(visa?.message).toContain(
          "Your ECFMG certificate is not reported, and your DS-2019, planned for Mon 17 May 2027 (our advice), waits for it",
        );
        expect(visa?.message).toContain("your certificate is overdue since that day");
        expect(visa?.message).not.toContain("still holds");
        expect(after.risks.filter((risk) => risk.code === "VISA_STEP_LATE").length).toBeLessThanOrEqual(1);
        const question = after.risks.find((risk) => risk.code === "CERTIFICATION_AFTER_START");
        if (question !== undefined) {
          expect(question.message).toContain(
            "it was needed by Mon 17 May 2027 (our advice) for your DS-2019",
          );
          expect(question.message).not.toContain("Wed 16 Jun 2027");
        }
      },
    );

    it("from residency's start, START_DELAYED names the certificate and no visa warning is added", () => {
      const started = planAt("J-1", timezone, "2027-07-05T16:00:00Z");
      expect(certificateOf(started)?.deadline?.local).toBe("Mon 17 May 2027");
      const codes = started.risks.map((risk) => risk.code);
      expect(codes).not.toContain("VISA_STEP_LATE");
      expect(started.risks.find((risk) => risk.code === "START_DELAYED")?.milestones).toContain(
        "ecfmg_certification",
      );
    });

    it("with the Statement of Need late too, one warning names the certificate and the Statement of Need", () => {
      const withoutNeed = matchedWithSponsorshipSent("J-1", timezone);
      const planned = plan(
        {
          ...withoutNeed,
          milestones: withoutNeed.milestones.filter((entry) => entry.key !== "j1_statement_of_need"),
        },
        calendar,
        new Date("2027-05-10T16:00:00Z"),
      );
      const late = planned.risks.filter((risk) => risk.code === "VISA_STEP_LATE");
      expect(late).toHaveLength(1);
      expect(late[0]?.milestones).toEqual(["ecfmg_certification", "j1_ds2019", "j1_statement_of_need"]);
      expect(late[0]?.message).toContain("Your ECFMG certificate is not reported");
      expect(late[0]?.message).toContain("This plan's day for your Statement of Need");
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

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * Omar (Cairo, J-1, 2027 Match): matched, contract signed, Statement of Need and his part of the
 * ECFMG J-1 sponsorship application sent (the step done, 2 Apr 2027), ECFMG certification still in
 * progress. A done sponsorship made the certificate read as issued: the plan stopped asking for it
 * and its Pathway-validity warning spoke of "your certificate". ECFMG sponsors a J-1 physician only
 * with a certificate and checks it in its review, after the applicant's part (the catalog's
 * `issuedApart`), so the certificate is asked for until reported done, by the day the review is
 * planned to start (the sponsorship's date, Mon 5 Apr 2027), then toward the DS-2019's date, which waits for it.
 */
const FILE = new URL(
  "../../fixtures/after-the-match/j1-sponsorship-sent-certificate-pending-cairo.json",
  import.meta.url,
);
const omar: ApplicantSnapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const planAt = (snapshot: ApplicantSnapshot, now: string): Plan =>
  plan(snapshot, seasonCalendar(2027), new Date(now));
const certificateStep = (planned: Plan) =>
  planned.nextSteps.find((step) => step.milestone === "ecfmg_certification");
const certificateReminders = (planned: Plan) =>
  planned.reminders.filter((reminder) => reminder.milestone === "ecfmg_certification");

describe("a J-1 sponsorship sent does not issue the ECFMG certificate", () => {
  it("the snapshot: sponsorship done, certificate in progress (the case under test)", () => {
    const status = (key: string) => omar.milestones.find((entry) => entry.key === key)?.status;
    expect(status("j1_ecfmg_sponsorship")).toBe("done");
    expect(status("ecfmg_certification")).toBe("in_progress");
  });

  it.each(["2027-04-05T10:00:00Z", "2027-05-15T10:00:00Z", "2027-06-20T10:00:00Z"])(
    "at %s the certificate is still asked for, and no risk reads it as issued",
    (now) => {
      const planned = planAt(omar, now);
      expect(certificateStep(planned)).toBeDefined();
      expect(planned.risks.map((risk) => risk.code)).not.toContain("PATHWAY_CERTIFICATE_MAY_EXPIRE");
    },
  );

  it("5 Apr: urgent, needed by the day ECFMG's review is planned to start, the sponsorship's date", () => {
    const step = certificateStep(planAt(omar, "2027-04-05T10:00:00Z"));
    expect(step?.urgency).toBe("urgent");
    expect(step?.action).toContain("your sponsorship application is in, and ECFMG's review");
    expect(step?.action).toContain("Mon 5 Apr 2027");
  });

  it("15 May: that day passed, it is chased toward the DS-2019's date, which waits for it", () => {
    const planned = planAt(omar, "2027-05-15T10:00:00Z");
    expect(certificateStep(planned)?.action).toContain("waits for your certificate: get it issued now.");
    expect(certificateStep(planned)?.deadline?.local).toBe("Mon 17 May 2027");
    const reminders = certificateReminders(planned);
    expect(reminders.length).toBeGreaterThanOrEqual(1);
    expect(reminders[0]?.sendAt.slice(0, 10)).toBe("2027-05-16");
    for (const reminder of reminders) expect(reminder.deadlineDetail?.local).toBe("Mon 17 May 2027");
  });

  it("marked done, the certificate leaves the plan and its Pathway validity is checked", () => {
    const issued = {
      ...omar,
      milestones: omar.milestones.map((entry) =>
        entry.key === "ecfmg_certification"
          ? { ...entry, status: "done" as const, date: "2027-04-01" }
          : entry,
      ),
    };
    const planned = planAt(issued, "2027-04-05T10:00:00Z");
    expect(certificateStep(planned)).toBeUndefined();
    expect(planned.risks.map((risk) => risk.code)).toContain("PATHWAY_CERTIFICATE_MAY_EXPIRE");
  });
});

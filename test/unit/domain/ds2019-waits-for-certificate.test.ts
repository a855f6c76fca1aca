import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";

/**
 * The J-1 sponsorship sent does not issue the ECFMG certificate, and ECFMG's review, which ends
 * with the DS-2019, waits for it: the DS-2019 waits on the certificate, never an ordinary next step
 * asking the program's liaison for it. Sita Karki: Kathmandu, J-1, matched, contract and Statement
 * of Need done, sponsorship application complete on 1 Apr 2027, no certificate reported.
 */
const file = fileURLToPath(
  new URL("../../fixtures/ds2019-waits-for-certificate/sponsorship-sent-kathmandu.json", import.meta.url),
);
const sita = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const calendar = seasonCalendar(2027);
const MAY = new Date("2027-05-15T06:00:00Z");

describe("the DS-2019 while the certificate is not in", () => {
  it("waits for the certificate, with its date, and sends no reminder of its own", () => {
    const result = plan(sita, calendar, MAY);
    expect(result.nextSteps.map((step) => step.milestone)).not.toContain("j1_ds2019");
    const ds2019 = result.blocked.find((step) => step.milestone === "j1_ds2019");
    expect(ds2019?.waitingFor).toEqual(["ecfmg_certification"]);
    expect(ds2019?.deadline?.local).toBe("Mon 17 May 2027");
    expect(result.reminders.filter((reminder) => reminder.milestone === "j1_ds2019")).toEqual([]);
    // The certificate is the step to act on, and says the DS-2019 comes after it.
    const certificate = result.nextSteps.find((step) => step.milestone === "ecfmg_certification");
    expect(certificate?.action).toContain("Your DS-2019 (planned for Mon 17 May 2027, our advice)");
  });

  it("is a next step again once the certificate is reported issued", () => {
    const issued = {
      ...sita,
      milestones: [
        ...sita.milestones,
        { key: "ecfmg_certification" as const, status: "done" as const, date: "2027-05-10" },
      ],
    };
    const result = plan(issued, calendar, MAY);
    const ds2019 = result.nextSteps.find((step) => step.milestone === "j1_ds2019");
    expect(ds2019?.action).toContain("Ask your program's liaison for the DS-2019");
  });
});

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderPlan } from "../../../shared/cli/plan.ts";

/**
 * BLOCKED shows the date that matters: the certificate's row showed only its own date (two weeks
 * before residency) while the plan needs it earlier, by the J-1 sponsorship application's date or,
 * ranking on H-1B, by the day Step 3 must be applied for. By the rule a next step's row follows
 * (its target beside its deadline), a blocked step shows its target while that is ahead and
 * earlier than its deadline, "needed by … for <the step that needs it>", its deadline beside it.
 */
const DIR = fileURLToPath(new URL("../../fixtures/blocked-step-dates/", import.meta.url));
const NOW = "2026-11-30T12:00:00Z";
const planOf = (file: string) => {
  const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${DIR}${file}`, "utf8")));
  const planned = plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(NOW));
  return { planned, text: renderPlan(planned, snapshot.applicant.fullName, snapshot.applicant.timezone) };
};
const rowOf = (text: string, key: string): string =>
  text
    .slice(text.indexOf("\nBLOCKED\n"), text.indexOf("\nOVERDUE\n"))
    .split("\n")
    .find((line) => line.startsWith(`  ${key} `)) ?? "";

describe("BLOCKED shows the certificate's target beside its deadline", () => {
  it.each([
    [
      "J-1: the sponsorship application's date",
      "certificate-j1-step2ck-pending-dhaka.json",
      "needed by Mon 5 Apr 2027 † for j1_ecfmg_sponsorship",
      "Wed 16 Jun 2027 †",
    ],
    [
      "H-1B: the day Step 3 needs it",
      "certificate-h1b-2028-cairo.json",
      "needed by Fri 19 Nov 2027 † for usmle_step3",
      "Fri 16 Jun 2028 †",
    ],
  ])("%s", (_, file, neededBy, deadline) => {
    const { planned, text } = planOf(file);
    const certificate = planned.blocked.find((step) => step.milestone === "ecfmg_certification");
    expect(certificate?.target?.basis).toBe("advice");
    expect(Date.parse(certificate?.target?.at ?? "")).toBeLessThan(
      Date.parse(certificate?.deadline?.at ?? ""),
    );
    const row = rowOf(text, "ecfmg_certification");
    expect(row).toContain(neededBy);
    expect(row.indexOf(neededBy)).toBeLessThan(row.indexOf(deadline));
    expect(text).toContain("target (your time)");
  });

  it("a blocked step with no earlier target shows none", () => {
    const { planned, text } = planOf("certificate-j1-step2ck-pending-dhaka.json");
    const visa = planned.blocked.find((step) => step.milestone === "visa_j1");
    expect(visa?.target).toBeUndefined();
    expect(rowOf(text, "visa_j1")).toMatch(/^ {2}visa_j1 +j1_ds2019 +- +Wed 16 Jun 2027 †/);
  });
});

/**
 * A visa step after Match Day past the date the plan counted on, still waiting (the DS-2019 behind
 * an overdue sponsorship), read "-" while the risk said it was past the date we plan for: it keeps
 * that date, "overdue since …" (it is the step it waits on that is overdue, so it is not listed there).
 */
describe("BLOCKED keeps a passed date after Match Day: overdue since …", () => {
  const file = "j1-chain-after-contract-accra.json";
  const at = (now: string) => {
    const snapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(`${DIR}${file}`, "utf8")));
    const planned = plan(snapshot, seasonCalendar(snapshot.applicant.matchYear), new Date(now));
    return { planned, text: renderPlan(planned, snapshot.applicant.fullName, snapshot.applicant.timezone) };
  };

  it("in June, the DS-2019 and the visa say since when", () => {
    const { planned, text } = at("2027-06-20T12:00:00Z");
    const ds2019 = planned.blocked.find((step) => step.milestone === "j1_ds2019");
    expect(ds2019?.deadline).toBeUndefined();
    expect(ds2019?.overdueSince?.local).toBe("Mon 17 May 2027");
    expect(rowOf(text, "j1_ds2019")).toContain("overdue since Mon 17 May 2027 †");
    expect(rowOf(text, "visa_j1")).toContain("overdue since Wed 16 Jun 2027 †");
    expect(planned.overdue.map((step) => step.milestone)).not.toContain("j1_ds2019");
  });

  it("on 1 May, still ahead, they show their dates", () => {
    const { planned, text } = at("2027-05-01T12:00:00Z");
    expect(planned.blocked.find((step) => step.milestone === "j1_ds2019")?.overdueSince).toBeUndefined();
    expect(rowOf(text, "j1_ds2019")).toMatch(/ Mon 17 May 2027 † /);
    expect(rowOf(text, "j1_ds2019")).not.toContain("overdue since");
  });
});

/**
 * Match Day never reported (Lucia, Lima, list certified, in June): she may not have matched, so the
 * chain after Match Day keeps the dates planned as for a matched applicant, bare, and its why says
 * it starts once she matches; "overdue since …" read as matched and late.
 */
describe("BLOCKED after an unreported Match Day: planned dates, never overdue since", () => {
  it("in June, the contract, Statement of Need, sponsorship, DS-2019 and visa keep their planned dates", () => {
    const snapshot = ApplicantSnapshotSchema.parse(
      JSON.parse(readFileSync(`${DIR}match-unreported-j1-lima.json`, "utf8")),
    );
    const planned = plan(snapshot, seasonCalendar(2027), new Date("2027-06-10T14:00:00Z"));
    const text = renderPlan(planned, snapshot.applicant.fullName, snapshot.applicant.timezone);
    const chain = ["contract", "j1_statement_of_need", "j1_ecfmg_sponsorship", "j1_ds2019", "visa_j1"];
    for (const key of chain) {
      const step = planned.blocked.find((each) => each.milestone === key);
      expect(step?.overdueSince, key).toBeUndefined();
      expect(step?.why, key).toContain("This starts once you match");
      expect(rowOf(text, key), key).not.toContain("overdue since");
    }
    expect(rowOf(text, "contract")).toContain("Fri 2 Apr 2027 †");
    expect(rowOf(text, "j1_ds2019")).toContain("Mon 17 May 2027 †");
  });
});

import { describe, expect, it } from "vitest";
import type { Plan } from "#domain/plan.ts";
import { planInOwnMatch, readSnapshot } from "./fixture-snapshots.ts";

/**
 * A failed Step 2 CK in words, on the
 * reported applicants (test/fixtures/step2ck-retakes-and-myeras): Nusrat, Dhaka, 2028 Match, Step 2 CK scored 205 (218
 * in force); Farhana, Dhaka, 2027 Match, Step 2 CK done with 209 and its target passed.
 */
const DIR = new URL("../../fixtures/step2ck-retakes-and-myeras/", import.meta.url).pathname;
const DHAKA_DEC = "2026-12-04T20:00:00+06:00";
const planOf = (file: string, now: string): Plan => planInOwnMatch(readSnapshot(DIR, `${file}.json`), now);
const step2ck = (result: Plan) => result.nextSteps.find((step) => step.milestone === "usmle_step2ck");
const risk = (result: Plan, code: string) => result.risks.find((one) => one.code === code);
const ofStep2ck = (result: Plan) => result.reminders.filter((one) => one.milestone === "usmle_step2ck");

describe("a failed attempt's retake leads with its target", () => {
  const done = planOf("nusrat_ck_failed_done", DHAKA_DEC);
  const inProgress = planOf("nusrat_ck_inprogress_fail", DHAKA_DEC);

  it.each([
    ["done", done],
    ["in progress", inProgress],
  ])(
    "reported %s: the card names the target first and the last sitting day as the last that counts",
    (_form, result) => {
      const action = step2ck(result)?.action ?? "";
      expect(action).toContain(
        "sit it by Wed 25 Aug 2027 (our advice), so the pass reaches programs before they start review (Wed 22 Sep 2027, projected); Wed 26 Jan 2028 (our advice) is the last day that still counts for the 2028 Match",
      );
      expect(action.indexOf("Wed 25 Aug 2027")).toBeLessThan(action.indexOf("Wed 26 Jan 2028"));
      expect(risk(result, "SCORE_BELOW_PASSING")?.message).toContain(
        "if not, reapply to FSMB and sit it again by Wed 25 Aug 2027 (our advice), so the pass reaches programs before they start review (Wed 22 Sep 2027, projected); Wed 26 Jan 2028 (our advice) is the last day that still counts for the 2028 Match",
      );
    },
  );

  it("both forms are urgent, with the same first reminder: the critical notice now", () => {
    expect(step2ck(done)?.urgency).toBe("urgent");
    expect(step2ck(inProgress)?.urgency).toBe("urgent");
    const first = (result: Plan) => ofStep2ck(result)[0];
    expect(first(inProgress)?.rung).toBe("critical-risk");
    expect(first(inProgress)?.id).toBe(first(done)?.id);
    expect(first(inProgress)?.sendAt).toBe(first(done)?.sendAt);
    expect(risk(inProgress, "SCORE_BELOW_PASSING")?.message).toMatch(
      /^You reported a Step 2 CK score of 205;/,
    );
  });
});

describe('a booked retake says "retake" in every status', () => {
  it("booked after the last sitting day: 'Your retake is on …', and the risk names the retake", () => {
    const result = planOf("nusrat_ck_retake_too_late", DHAKA_DEC);
    expect(step2ck(result)?.action).toMatch(/^Your retake is on Thu 10 Feb 2028, after Wed 26 Jan 2028/);
    expect(risk(result, "EXAMS_LATE_FOR_RANKING")?.message).toContain(
      "Your USMLE Step 2 CK retake on Thu 10 Feb 2028",
    );
  });

  it("its day passed: 'Your retake was on …', the result still pending and once it is overdue", () => {
    const pending = planOf("nusrat_ck_retake_booked", "2027-03-20T10:00:00+06:00");
    expect(step2ck(pending)?.action).toMatch(/^Your retake was on Wed 10 Mar 2027; your score is expected/);
    const overdue = planOf("nusrat_ck_retake_booked", "2027-05-20T10:00:00+06:00");
    expect(step2ck(overdue)?.action).toMatch(
      /^Your retake was scheduled for Wed 10 Mar 2027\. Did you take it\?/,
    );
  });
});

describe("a passing score on a scheduled exam is kept scheduled and questioned", () => {
  const result = planOf("nusrat_ck_sched_passing_score", DHAKA_DEC);

  it("keeps the exam booked, raises a warning asking to mark it done, counts no pass and no retake", () => {
    expect(step2ck(result)?.action).toMatch(/^Your exam is on Wed 10 Mar 2027/);
    const warning = risk(result, "SCORE_ON_SCHEDULED_EXAM");
    expect(warning?.severity).toBe("warning");
    expect(warning?.milestones).toEqual(["usmle_step2ck"]);
    expect(warning?.message).toContain(
      "You reported a score of 235 for USMLE Step 2 CK booked for Wed 10 Mar 2027",
    );
    expect(warning?.message).toContain("If you sat it, mark it done");
    expect(risk(result, "SCORE_BELOW_PASSING")).toBeUndefined();
    expect(JSON.stringify(result.budget)).not.toContain("retake");
  });

  it("a failing score there stays the booked retake, with no such warning", () => {
    const retake = planOf("nusrat_ck_retake_booked", DHAKA_DEC);
    expect(risk(retake, "SCORE_ON_SCHEDULED_EXAM")).toBeUndefined();
    expect(step2ck(retake)?.action).toMatch(/^Your retake is on Wed 10 Mar 2027/);
  });
});

describe("a failed score's retake replaces the first attempt's 'target passed'", () => {
  const result = planOf("t9x-step2ck-failed-score209-reported-done-dhaka", "2026-12-04T04:00:00Z");

  it("one message about the exam: SCORE_BELOW_PASSING, no TARGET_PASSED, no 'your target date has passed' rung", () => {
    expect(risk(result, "SCORE_BELOW_PASSING")).toBeDefined();
    expect(risk(result, "TARGET_PASSED")).toBeUndefined();
    const reminders = ofStep2ck(result);
    expect(reminders.map((one) => one.rung)).not.toContain("target-passed");
    expect(JSON.stringify(reminders)).not.toContain("target date has passed");
  });

  it("keeps weekly follow-ups to the last sitting day, in the retake's words", () => {
    const followUps = ofStep2ck(result).filter((one) => one.rung === "after-target");
    expect(followUps.length).toBeGreaterThanOrEqual(4);
    for (const one of followUps) {
      expect(one.title).toBe("Pass USMLE Step 2 CK: book your retake");
      expect(one.why).toContain("Book your retake with FSMB now and sit it by Wed 27 Jan 2027 at the latest");
    }
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plan } from "#domain/planner.ts";
import { seasonCalendar } from "#domain/seasons/index.ts";
import { type ApplicantSnapshot, ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";

/**
 * Two critical notices on one step at one instant are one email item, the step's own first: Farhana
 * (Dhaka, H-1B, certificate issued, rank list marked certified on a day still to come) signs up on
 * 16 Jan 2027. Step 3's H-1B notice rides her rank order list (Step 3 is not a next step: she graduated
 * on 20 Dec 2026 and was certified on 5 Jan 2027, so FSMB's graduation check passes the petition's sit-by
 * day even with a visitor visa held, as Step 3 abroad now allows for an earlier graduate), as does
 * "Your rank order list does not count", both due the rank list deadline. Step 3's notice, placed
 * first, made the list's own an "Also:" under "Ranking on H-1B … rank J-1 programs too". Now the
 * list's own notice leads and carries Step 3's (Reminder.folded), so the sender marks both sent.
 */
const FILE = new URL("../../fixtures/notice-fold/h1b-list-dated-ahead-dhaka.json", import.meta.url);
const farhana: ApplicantSnapshot = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const SIGN_UP = "2027-01-16T06:00:00Z"; // 12:00 in Dhaka
const planned = plan(farhana, seasonCalendar(2027), new Date(SIGN_UP));
const risk = (code: string) => planned.risks.find((each) => each.code === code);
const atSignUp = planned.reminders.filter((each) => each.sendAt === planned.reminders[0]?.sendAt);

describe("two critical notices on the rank order list at sign-up", () => {
  const onList = atSignUp.filter(
    (each) => each.milestone === "rank_order_list" && each.rung === "critical-risk",
  );

  it("both risks are noticed on the rank order list (the case under test)", () => {
    expect(risk("STEP3_NEEDED_FOR_H1B")?.noticeOn).toBe("rank_order_list");
    expect(risk("ROL_BEFORE_RANKING_OPENS")?.noticeOn).toBe("rank_order_list");
    expect(onList.find((each) => each.risk === "ROL_BEFORE_RANKING_OPENS")?.deadline).toBe(
      "2027-02-25T02:00:00.000Z",
    );
  });

  it("the list's own notice leads and carries Step 3's, its words after 'Also:'", () => {
    const lead = onList.find((each) => each.deadline === "2027-02-25T02:00:00.000Z");
    expect(lead?.risk).toBe("ROL_BEFORE_RANKING_OPENS");
    expect(lead?.title).toBe("Your rank order list does not count: ranking is open, certify it again now");
    expect(lead?.why).toContain(
      "Also: Ranking on H-1B for the 2027 Match is most likely out of reach: rank J-1 programs too. ",
    );
    expect(lead?.folded?.map((each) => each.risk)).toEqual(["STEP3_NEEDED_FOR_H1B"]);
    expect(atSignUp.filter((each) => each.risk === "STEP3_NEEDED_FOR_H1B")).toEqual([]);
  });

  it("the carried notice keeps its own id, the one every plan gives it", () => {
    // The list not marked: Step 3's notice goes alone.
    const unmarked = {
      ...farhana,
      milestones: farhana.milestones.filter((each) => each.key !== "rank_order_list"),
    };
    const alone = plan(unmarked, seasonCalendar(2027), new Date(SIGN_UP)).reminders.find(
      (each) => each.risk === "STEP3_NEEDED_FOR_H1B",
    );
    const carried = onList.flatMap((each) => each.folded ?? []);
    expect(alone?.id).toMatch(/^r-/);
    expect(carried.map((each) => each.id)).toEqual([alone?.id]);
  });

  it("the email's first item is the list's, with Step 3's notice in it once", () => {
    const text = renderReminderEmail({
      recipientName: farhana.applicant.fullName,
      reminders: atSignUp,
      plan: planned,
      unsubscribeUrl: "https://api.example.org/unsubscribe?token=abc.def",
    }).text;
    const items = text.split("\n").filter((line) => /^\d+\. /.test(line));
    expect(items[0]).toBe("1. Your rank order list does not count: ranking is open, certify it again now");
    expect(text.split("Also: Ranking on H-1B for the 2027 Match").length - 1).toBe(1);
  });
});

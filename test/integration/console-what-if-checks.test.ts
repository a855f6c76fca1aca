import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { fieldForAdvisor } from "../../functions/console/pages/html.ts";
import { step2Applicant, type TestApplicant } from "./support/applicants.ts";
import { consoleRequest, HELEN, signIn } from "./support/console.ts";
import { applicantState, clockTo, drainStream, itemsMentioning, postWebhook } from "./support/local-stack.ts";

/**
 * A saved what-if passes the same check as "Mark done": a blocked step, a date
 * in the future, or a done step with no date is refused naming the change's field, and nothing is
 * written. A what-if whose own earlier change unblocks the step still saves.
 */
describe("saving a what-if checks its done steps as Mark done does", () => {
  let helen: string;
  let target: TestApplicant;

  const preview = async (changes: Record<string, string | number>[], who: TestApplicant = target) => {
    const shown = await consoleRequest(`/console/applicants/${who.applicantId}/what-if`, {
      token: helen,
      form: { changes: JSON.stringify(changes) },
    });
    expect(shown.status).toBe(200);
    return shown.body.replaceAll("&#39;", "'");
  };

  /**
   * Previews, then saves with the preview's save id; a preview that offers no Save (it says why)
   * is saved as a hand-made request would be, with a well-formed id, to show the save refuses too.
   */
  async function previewAndSave(changes: Record<string, string | number>[], who: TestApplicant = target) {
    const shown = await preview(changes, who);
    const saveId = /name="saveId" value="([^"]*)"/.exec(shown)?.[1] ?? `console-what-if-${randomUUID()}`;
    return consoleRequest(`/console/applicants/${who.applicantId}/what-if/save`, {
      token: helen,
      form: { changes: JSON.stringify(changes), saveId },
    });
  }

  beforeAll(async () => {
    await clockTo("2026-06-01T00:00:00Z");
    helen = await signIn(HELEN);
    target = step2Applicant();
    target.snapshot.applicant.advisorEmail = HELEN;
    expect((await postWebhook(target.snapshot)).status).toBe(202);
    await drainStream();
  });

  it.each([
    [
      "a blocked step",
      { kind: "milestone", key: "match_week", status: "done", date: "2026-05-30" },
      "0.milestone",
    ],
    [
      "a date in the future",
      { kind: "milestone", key: "research", status: "done", date: "2099-01-01" },
      "0.date",
    ],
    ["a done step with no date", { kind: "milestone", key: "research", status: "done" }, "0.date"],
    [
      "a pass dated before the booked exam day",
      { kind: "milestone", key: "usmle_step2ck", status: "done", date: "2026-05-20" },
      "0.date",
    ],
  ])("refuses %s and writes nothing", async (_what, change, field) => {
    const mark = await consoleRequest(`/console/applicants/${target.applicantId}/milestones/${change.key}`, {
      token: helen,
      form: { date: "date" in change ? change.date : "" },
    });
    expect(mark.status).toBe(400);
    await drainStream();
    const before = await itemsMentioning(target.applicantId);
    // The preview says why and offers no Save, with the save's own check.
    const shown = await preview([change]);
    expect(shown).toContain("This change cannot be saved");
    // The field in the form's words; the problem+json below keeps the path.
    expect(shown).toContain(`<strong>${fieldForAdvisor(field)}</strong>`);
    expect(shown).not.toContain("Save as a milestone.update");
    const saved = await previewAndSave([change]);
    expect(saved.status).toBe(400);
    expect(saved.body).toContain(field);
    await drainStream();
    expect(await itemsMentioning(target.applicantId)).toEqual(before);
  });

  // "waived" on a step an IMG cannot skip dropped its risks, reminders and fee.
  it("refuses waiving a required step in the preview and the save, and writes nothing", async () => {
    const change = { kind: "milestone", key: "usmle_step2ck", status: "waived" };
    const before = await itemsMentioning(target.applicantId);
    const shown = await preview([change]);
    expect(shown).toContain("This change cannot be saved");
    expect(shown).toContain("cannot be waived: USMLE Step 2 CK is not a step an applicant may skip");
    expect(shown).not.toContain("Save as a milestone.update");
    const saved = await previewAndSave([change]);
    expect(saved.status).toBe(400);
    expect(saved.body).toContain("0.status");
    await drainStream();
    expect(await itemsMentioning(target.applicantId)).toEqual(before);
  });

  // As at intake (test/unit/functions/stamping-waiver-intake.test.ts); the console knows the zone
  // (Asia/Kolkata, outside the US).
  it("refuses the H-1B stamping waived from outside the US in the preview and the save, and writes nothing", async () => {
    const changes: Record<string, string>[] = [
      { kind: "visa", visa: "H-1B" },
      { kind: "milestone", key: "visa_h1b_stamping", status: "waived" },
    ];
    const before = await itemsMentioning(target.applicantId);
    const shown = await preview(changes);
    expect(shown).toContain("This change cannot be saved");
    expect(shown).toContain("cannot be waived: the applicant's time zone (Asia/Kolkata) is outside the US");
    expect(shown).not.toContain("Save as a milestone.update");
    const saved = await previewAndSave(changes);
    expect(saved.status).toBe(400);
    expect(saved.contentType).toContain("application/problem+json");
    expect(saved.body).toContain("1.status");
    await drainStream();
    expect(await itemsMentioning(target.applicantId)).toEqual(before);
  });

  it("refuses a Match whose rank order list deadline has passed: the form's minimum, the preview and the save", async () => {
    const form = await consoleRequest(`/console/applicants/${target.applicantId}/what-if`, { token: helen });
    // The clock is in June 2026: the 2026 Match's list was due in February 2026.
    expect(form.body).toMatch(/name="matchYear" value="2027" min="2027"/);
    const shown = await preview([{ kind: "matchYear", matchYear: 2026 }]);
    expect(shown).toContain("This change cannot be saved");
    expect(shown).toContain(
      "must be 2027 or later: the 2026 Match's rank order list deadline (2026-02-25) has passed",
    );
    expect(shown).not.toContain("Save as a milestone.update");
    const saved = await previewAndSave([{ kind: "matchYear", matchYear: 2026 }]);
    expect(saved.status).toBe(400);
    expect(saved.body).toContain("0.matchYear");
    expect((await applicantState(target.applicantId))?.profile.matchYear).toBe(2027);
  });

  it("warns about an interview outside the Match's interview season, citing the season's dates, and still offers Save", async () => {
    const interview = (startsAt: string) => ({
      kind: "interview",
      program: "Mercy Internal Medicine",
      startsAt,
      timezone: "America/New_York",
      format: "virtual",
    });
    const outside = await preview([interview("2026-07-01T10:00:00-04:00")]);
    expect(outside).toContain("outside the 2027 Match's interview season");
    expect(outside).toMatch(/programs may review ERAS applications from 2026-09-\d\d \(.*https?:\/\//);
    expect(outside).toContain("Save as a milestone.update");
    const inside = await preview([interview("2026-11-02T10:00:00-05:00")]);
    expect(inside).not.toContain("interview season");
  });

  // The preview says why, in the words Mark done answers (the exam day, and
  // what to do if it moved), and the save refuses the same.
  it("names the booked exam day when a pass is dated before it, in Mark done, the preview and the save", async () => {
    const change = { kind: "milestone", key: "usmle_step2ck", status: "done", date: "2026-05-20" };
    const words = "on or after the exam day booked for USMLE Step 2 CK (2026-08-20)";
    const mark = await consoleRequest(`/console/applicants/${target.applicantId}/milestones/usmle_step2ck`, {
      token: helen,
      form: { date: "2026-05-20" },
    });
    expect(mark.status).toBe(400);
    expect(mark.body).toContain(words);
    const shown = await preview([change]);
    expect(shown).toContain(words);
    expect(shown).toContain("if the exam moved, save a what-if with the new date first");
    const saved = await previewAndSave([change]);
    expect(saved.status).toBe(400);
    expect(saved.body).toContain(words);
    expect(
      (await applicantState(target.applicantId))?.milestones.find((m) => m.key === "usmle_step2ck"),
    ).toMatchObject({
      status: "scheduled",
      date: "2026-08-20",
    });
  });

  it("saves a done step its own what-if unblocks", async () => {
    // Step 2 CK sat on its booked day, 20 May, and not yet recorded as passed: a pass dated before
    // the booked day is refused, so this applicant's exam was on the pass's day.
    const sat = step2Applicant({ examDate: "2026-05-20" });
    sat.snapshot.applicant.advisorEmail = HELEN;
    expect((await postWebhook(sat.snapshot)).status).toBe(202);
    await drainStream();
    const saved = await previewAndSave(
      [
        { kind: "milestone", key: "usmle_step2ck", status: "done", date: "2026-05-20" },
        { kind: "milestone", key: "ecfmg_certification", status: "done", date: "2026-05-31" },
      ],
      sat,
    );
    expect(saved.status).toBe(200);
    const milestones = (await applicantState(sat.applicantId))?.milestones ?? [];
    expect(milestones.find((milestone) => milestone.key === "ecfmg_certification")).toMatchObject({
      status: "done",
    });
  });

  describe("what-ifs that change nothing, and dates outside the intake's years", () => {
    const interview = (startsAt: string) => ({
      kind: "interview",
      program: "Lakeside Family Medicine",
      startsAt,
      timezone: "America/New_York",
      format: "virtual",
    });

    it("refuses an interview in the past naming startsAt, in the preview and the save", async () => {
      const shown = await preview([interview("2026-05-20T10:00:00-04:00")]);
      expect(shown).toContain("This change cannot be saved");
      // The local clock keeps running from the instant beforeAll set, so on a slow machine "now" is
      // minutes past it by this test.
      expect(shown).toMatch(/<strong>Starts at<\/strong>: must be after now \(2026-06-01 \d{2}:\d{2} UTC\)/);
      expect(shown).not.toContain("Save as a milestone.update");
      const saved = await previewAndSave([interview("2026-05-20T10:00:00-04:00")]);
      expect(saved.status).toBe(400);
      expect(saved.body).toContain("0.startsAt");
    });

    it("says an interview identical to a recorded one changes nothing, and offers no Save", async () => {
      const saved = await previewAndSave([interview("2026-11-02T10:00:00-05:00")]);
      expect(saved.status).toBe(200);
      expect((await applicantState(target.applicantId))?.interviews).toHaveLength(1);
      for (const startsAt of ["2026-11-02T10:00:00-05:00", "2026-11-02T15:00:00Z"]) {
        const shown = await preview([interview(startsAt)]);
        expect(shown).toContain("This change makes no difference to the plan.");
        expect(shown).toContain(
          "leaves the interview with Lakeside Family Medicine on 2026-11-02 as the applicant",
        );
        expect(shown).not.toContain("Save as a milestone.update");
      }
    });

    it("answers 0001-01-01 with 400 naming the field: problem+json, or the problem in the page for htmx", async () => {
      const base = `/console/applicants/${target.applicantId}`;
      const change = JSON.stringify([
        { kind: "milestone", key: "research", status: "done", date: "0001-01-01" },
      ]);
      const json = await consoleRequest(`${base}/what-if`, { token: helen, form: { changes: change } });
      expect(json.status).toBe(400);
      expect(json.contentType).toContain("application/problem+json");
      expect(JSON.parse(json.body)).toMatchObject({
        status: 400,
        errors: [{ path: "0.date", message: expect.stringContaining("from 1900-01-01 to 2100-12-31") }],
      });
      const page = await consoleRequest(`${base}/what-if`, {
        token: helen,
        htmx: true,
        form: {
          kind: "interview",
          program: "Mercy",
          startsAt: "0001-01-01T10:00:00Z",
          timezone: "America/New_York",
        },
      });
      expect(page.status).toBe(400);
      expect(page.contentType).toContain("text/html");
      expect(page.body).toContain(
        "<strong>Starts at</strong>: must be a date-time with a UTC offset from 1900-01-01",
      );
      const mark = await consoleRequest(`${base}/milestones/research`, {
        token: helen,
        form: { date: "0001-01-01" },
      });
      expect(mark.status).toBe(400);
      expect(JSON.parse(mark.body)).toMatchObject({ errors: [{ path: "date" }] });
      const research = (await applicantState(target.applicantId))?.milestones.find(
        (m) => m.key === "research",
      );
      expect(research?.date).not.toBe("0001-01-01");
    });
  });

  it("Mark done records the chosen step once, as the advisor's: a second one says it is done already and records nothing", async () => {
    const base = `/console/applicants/${target.applicantId}`;
    const audits = async () =>
      (await consoleRequest(base, { token: helen })).body.split("<td>milestone.mark</td>").length - 1;
    const before = await audits();
    const first = await consoleRequest(`${base}/milestones/research`, {
      token: helen,
      form: { date: "2026-05-29" },
    });
    expect(first.status).toBe(200);
    expect(first.body).toContain("done on 2026-05-29, recorded as yours.");
    const again = await consoleRequest(`${base}/milestones/research`, {
      token: helen,
      form: { date: "2026-05-31" },
    });
    expect(again.status).toBe(200);
    expect(again.body).toContain("was already done on 2026-05-29: nothing changed or recorded.");
    expect(
      (await applicantState(target.applicantId))?.milestones.find((m) => m.key === "research"),
    ).toMatchObject({
      status: "done",
      date: "2026-05-29",
    });
    expect(await audits()).toBe(before + 1);
    const page = (await consoleRequest(base, { token: helen })).body;
    expect(page).toContain(`<td>${HELEN} (advisor)</td><td>milestone.mark</td>`);
  });
});

/**
 * A Match-year switch's difference, through the console's route, says which steps the
 * record has done for the 2027 Match and the 2028 Match must redo, and the way back reads them done.
 */
describe("a what-if switching the Match year says what is done for which Match", () => {
  let helen: string;
  let target: TestApplicant;

  beforeAll(async () => {
    await clockTo("2027-02-01T12:00:00Z");
    helen = await signIn(HELEN);
    target = step2Applicant();
    target.snapshot.applicant.advisorEmail = HELEN;
    target.snapshot.milestones = target.snapshot.milestones.map((entry) =>
      entry.key === "usmle_step2ck"
        ? { key: "usmle_step2ck", status: "done", date: "2026-07-20" }
        : ["lors", "eras_token", "eras_application", "nrmp_registration"].includes(entry.key)
          ? { ...entry, date: "2026-09-10" }
          : entry,
    );
    expect((await postWebhook(target.snapshot)).status).toBe(202);
    await drainStream();
  });

  it("2027 → 2028: last season's ERAS application is done, a new step to redo for 2028", async () => {
    const shown = await consoleRequest(`/console/applicants/${target.applicantId}/what-if`, {
      token: helen,
      form: { changes: JSON.stringify([{ kind: "matchYear", matchYear: 2028 }]) },
    });
    expect(shown.status).toBe(200);
    const row = shown.body
      .split("<tr>")
      .find((cells) => cells.startsWith("<td>ERAS application</td>"))
      ?.split("</tr>")[0];
    expect(row).toMatch(/^<td>ERAS application<\/td><td>done<\/td>/);
    expect(row).toContain("(done for 2027; redo for 2028)");
    expect(shown.body).not.toMatch(/<td>ERAS application<\/td><td><span class="muted">nothing to do/);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { milestoneUpdate, step2Applicant, type TestApplicant } from "./support/applicants.ts";
import { consoleRequest, HELEN, signIn } from "./support/console.ts";
import { applicantState, clockTo, drainStream, itemsMentioning, postWebhook } from "./support/local-stack.ts";

/**
 * Reminders a re-plan drops are in the notice ledger: a moved date and a
 * step marked done cancel the reminders still scheduled, each row with its time and why. The record
 * rides in the plan's own write (RemindersCancelled), so an erase still leaves no item.
 */
const cancelledRows = (page: string) =>
  page
    .split("<tr>")
    .filter((row) => row.startsWith("<td>cancelled</td>"))
    .map((row) => row.split("</tr>")[0] ?? "")
    .map((row) =>
      row
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .trim(),
    );

describe("reminders cancelled by a re-plan, on the local stack", () => {
  let helen: string;
  let target: TestApplicant;
  const page = async () =>
    (await consoleRequest(`/console/applicants/${target.applicantId}`, { token: helen })).body;

  beforeAll(async () => {
    await clockTo("2026-06-01T00:00:00Z");
    helen = await signIn(HELEN);
    target = step2Applicant();
    target.snapshot.applicant.advisorEmail = HELEN;
    expect((await postWebhook(target.snapshot)).status).toBe(202);
    await drainStream();
  });

  it("a moved exam date cancels the old date's reminders, saying the date moved", async () => {
    expect(cancelledRows(await page())).toEqual([]);
    await clockTo("2026-06-02T00:00:00Z");
    const moved = milestoneUpdate(target, [
      { key: "usmle_step2ck", status: "scheduled", date: "2026-08-27" },
    ]);
    expect((await postWebhook(moved)).status).toBe(202);
    await drainStream();

    const rows = cancelledRows(await page());
    expect(rows).toHaveLength(1);
    // The wake-up at 2026-06-02T00:00Z, in ET as the console shows instants.
    expect(rows[0]).toContain("Mon 1 Jun 2026, 8:00 PM ET");
    expect(rows[0]).toContain("not sent to the applicant: USMLE Step 2 CK (");
    expect(rows[0]).toContain("re-planned: the date moved");
    expect(rows[0]).not.toMatch(/\byour\b/i);
  });

  it("marking the step done cancels what was still scheduled, saying why; an erase leaves no item", async () => {
    await clockTo("2026-06-03T00:00:00Z");
    // The applicant's form says Step 2 CK was passed on 2 Jun, before the day booked (27 Aug): the
    // intake records what the applicant reports. The console's Mark done refuses a pass dated before
    // the booked day, and the exam's rungs all fall before that day, so only a
    // form can mark it done while they are still scheduled.
    const passed = milestoneUpdate(target, [{ key: "usmle_step2ck", status: "done", date: "2026-06-02" }]);
    expect((await postWebhook(passed)).status).toBe(202);
    await drainStream();

    const rows = cancelledRows(await page());
    expect(rows).toHaveLength(2);
    const done = rows.find((row) => row.includes("the step was marked done")) ?? "";
    expect(done).toContain("Tue 2 Jun 2026, 8:00 PM ET");
    // The exam's rungs (14, 3 and 1 day before) for the new date, none of them sent.
    for (const rung of ["due-in-14d", "due-in-3d", "due-in-1d"])
      expect(done).toContain(`USMLE Step 2 CK (${rung})`);
    expect((await applicantState(target.applicantId))?.ledger).toEqual([]);

    const erase = await consoleRequest(`/console/applicants/${target.applicantId}/erase`, {
      token: helen,
      form: { confirm: "erase", fullName: "Priya Raman" },
    });
    expect(erase.status).toBe(200);
    const left = (await itemsMentioning(target.applicantId)).filter((item) => item.pk !== "AUDIT#erasure");
    expect(left).toEqual([]);
  });
});

/**
 * The ledger's "scheduled" rows come from a plan made now, while the
 * re-plan after a change diffed against the reminders stored at the last wake-up. Once an exam day
 * has passed (the ladder turns to the deadline, the result follow-up appears) with no wake-up
 * since, Mark done made three of four scheduled rows vanish with no "cancelled" row.
 */
describe("every reminder the ledger showed as scheduled that Mark done drops is cancelled, on the local stack", () => {
  const rowsOf = (page: string, status: string) =>
    page
      .split("<tr>")
      .filter((row) => row.startsWith(`<td>${status}</td>`))
      .map((row) =>
        (row.split("</tr>")[0] ?? "")
          .replace(/<[^>]+>/g, " ")
          .replace(/\s+/g, " ")
          .trim(),
      );

  it("lists each of them as cancelled, with the reason, after a Mark done past the exam day", async () => {
    await clockTo("2026-06-01T00:00:00Z");
    const helen = await signIn(HELEN);
    const target = step2Applicant();
    target.snapshot.applicant.advisorEmail = HELEN;
    expect((await postWebhook(target.snapshot)).status).toBe(202);
    await drainStream();
    const page = async () =>
      (await consoleRequest(`/console/applicants/${target.applicantId}`, { token: helen })).body;

    // Two days after the exam (20 Aug 2026): its own-date rungs are sent, the plan has turned.
    await clockTo("2026-08-22T12:00:00Z");
    const shown = rowsOf(await page(), "scheduled")
      .map((row) => /USMLE Step 2 CK \([^)]+\)/.exec(row)?.[0])
      .filter((label): label is string => label !== undefined);
    expect(shown.length).toBeGreaterThan(1);
    expect(shown).toContain("USMLE Step 2 CK (result-follow-up)");

    const mark = await consoleRequest(`/console/applicants/${target.applicantId}/milestones/usmle_step2ck`, {
      token: helen,
      form: { date: "2026-08-20" },
    });
    expect(mark.status).toBe(200);
    await drainStream();

    const after = await page();
    const done = rowsOf(after, "cancelled").find((row) => row.includes("the step was marked done")) ?? "";
    for (const label of shown) expect(done).toContain(label);
    expect(rowsOf(after, "scheduled").join(" ")).not.toContain("USMLE Step 2 CK");
  });
});

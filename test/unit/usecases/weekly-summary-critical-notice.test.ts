import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../../shared/cli/plan.ts";

/** One email the preview wrote: its file name, the applicant's day it went out on, subject and text. */
interface Email {
  name: string;
  /** "Tue 20 Apr 2027" */
  day: string;
  subject: string;
  text: string;
}

/** An applicant and the stretch of days whose emails the preview writes. */
interface Walk {
  snapshot: string;
  now: string;
  until: string;
}

/** The emails the reminder function would send on the walk, as due or with the given preferences. */
async function emails(walk: Walk, preferences?: object): Promise<Email[]> {
  const dir = mkdtempSync(join(tmpdir(), "matchpath-weekly-critical-"));
  const files: Record<string, string> = {
    "applicant.json": walk.snapshot,
    "preferences.json": JSON.stringify(preferences ?? {}),
  };
  const io = {
    readFile: (path: string) => files[path] ?? "",
    now: () => new Date(0),
    out: () => {},
    err: () => {},
  };
  const args = ["applicant.json", "--now", walk.now, "--until", walk.until, "--emails", dir, "--count", "30"];
  const chosen = preferences === undefined ? [] : ["--preferences", "preferences.json"];
  expect(await runCli([...args, ...chosen], io)).toBe(0);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), "utf8");
      return {
        name,
        day: /^Sent: ([^,]+),/m.exec(text)?.[1] ?? "",
        subject: /^Subject: (.*)$/m.exec(text)?.[1] ?? "",
        text,
      };
    });
}

/** The emails of `weekly` sent on `email`'s day that tell what its subject tells (its date aside). */
function toldOnItsDay(weekly: readonly Email[], email: Email): Email[] {
  const title = email.subject.replace(/: act (by|in) .*$/, "");
  return weekly.filter((each) => each.day === email.day && each.text.includes(title));
}

/**
 * Wanjiru (Nairobi, J-1, matched on Fri 19 Mar 2027) has not signed her program's contract, so her
 * J-1 sponsorship file cannot be complete in time: on Tue 20 Apr the plan raises a critical notice,
 * the last day to keep her start ("act by Mon 3 May 2027"), and on Tue 4 May, that day passed, that a
 * J-1 start on the program's date is out of reach. She chose one weekly summary: the summary gathered
 * both notices, Monday's held the first six of its thirteen days and the second six days, while an
 * advisor needs her told the day each is raised. Warnings and routine chases still wait for the
 * summary; the email a notice goes in on another day is an ordinary email, not the summary.
 */
const CONTRACT_UNSIGNED: Walk = {
  snapshot: readFileSync(
    new URL("../../fixtures/weekly-summary-critical/contract-unsigned-j1-nairobi.json", import.meta.url),
    "utf8",
  ),
  now: "2027-04-13T06:00:00Z",
  until: "2027-05-26T00:00:00Z",
};

describe("a critical notice breaks through the weekly summary", () => {
  it.each([
    ["Mondays", 1],
    ["Wednesdays", 3],
  ])(
    "with summaries on %s, each notice reaches her the day it is raised, as with each reminder as due",
    async (_day, digestDay) => {
      const notices = (await emails(CONTRACT_UNSIGNED)).filter((email) =>
        email.name.endsWith("-critical-risk.txt"),
      );
      expect(notices.map((email) => `${email.day}: ${email.subject}`)).toEqual([
        "Tue 20 Apr 2027: Your J-1 visa's date can no longer be met: the last day to keep your program's start date: act by Mon 3 May 2027",
        "Tue 4 May 2027: A J-1 start on your program's date is out of reach: tell your program's GME office now",
        "Tue 18 May 2027: A J-1 start on your program's date is out of reach: tell your program's GME office now",
      ]);
      const weekly = await emails(CONTRACT_UNSIGNED, { digest: "weekly", digestDay });
      for (const notice of notices) {
        // Not on the summary's weekday: an ordinary email, never called the summary.
        expect(
          toldOnItsDay(weekly, notice).map((email) => email.subject),
          notice.day,
        ).toEqual([notice.subject]);
      }
    },
  );

  it("leaves the warning and the routine chases to the summary", async () => {
    const weekly = await emails(CONTRACT_UNSIGNED, { digest: "weekly", digestDay: 1 });
    const ownDays = weekly.filter((email) => !email.subject.startsWith("Your weekly summary: "));
    // The eve of the last day (Sun 2 May) is that day's countdown: it goes on its day too.
    expect(ownDays.map((email) => email.day)).toEqual([
      "Tue 20 Apr 2027",
      "Sun 2 May 2027",
      "Tue 4 May 2027",
      "Tue 18 May 2027",
    ]);
    expect(ownDays[1]?.subject).toMatch(/act by Mon 3 May 2027/);
    // The warning of Tue 13 Apr (behind our plan, the visa's own date still holds) waits for Monday's.
    expect(weekly[0]?.day).toBe("Mon 19 Apr 2027");
    expect(weekly[0]?.subject).toMatch(/^Your weekly summary: A visa step is past this plan's day for it/);
  });
});

/**
 * Amaka (J-1, 2027 Match) has not submitted her ECFMG Pathway application past its projected
 * deadline: one critical notice, then the countdown to the last day the plan keeps the Match
 * (Wed 3 Feb 2027, projected), 14, 3 and 1 day(s) before. With Monday summaries the 14-day rung
 * (Wed 20 Jan) was moved to Monday's summary of 25 Jan, where the plan found its day passed and the
 * notice already sent standing for its catch-up: she never heard it.
 */
const PATHWAY = new URL("../../fixtures/pathway-last-day/pathway-not-started-lagos-j1.json", import.meta.url);

describe("the countdown to the last day that keeps the Match breaks through the weekly summary", () => {
  it.each([
    ["Africa/Accra", 1],
    ["Asia/Dhaka", 1],
    ["Asia/Dhaka", 3],
  ])("in %s with summaries on weekday %i, each rung goes on its day", async (zone, digestDay) => {
    const snapshot = JSON.parse(readFileSync(PATHWAY, "utf8"));
    snapshot.applicant.timezone = zone;
    const walk = {
      snapshot: JSON.stringify(snapshot),
      now: "2027-01-10T06:00:00Z",
      until: "2027-02-10T00:00:00Z",
    };
    const countdown = (await emails(walk)).filter((email) => /-last-day-in-\d+d\.txt$/.test(email.name));
    expect(countdown.map((email) => email.day)).toEqual([
      "Wed 20 Jan 2027",
      "Sun 31 Jan 2027",
      "Tue 2 Feb 2027",
    ]);
    const weekly = await emails(walk, { digest: "weekly", digestDay });
    for (const rung of countdown) expect(toldOnItsDay(weekly, rung).length, rung.day).toBe(1);
  });
});

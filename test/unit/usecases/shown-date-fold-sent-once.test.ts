import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { emailsUntil } from "./wake-up-walk.ts";

/**
 * The visa's notice folded into Step 3's for showing the same date (notice-fold-shown-date.test.ts) is
 * sent once: Kwame (Accra, H-1B, Step 3 abroad dated for the petition with a visitor visa held) signs up
 * on 20 Jan 2027; wake-ups fired in order to the rank order list deadline, with the real planner and
 * the use case. The sender marks the carried id sent, so it never comes back alone.
 */
const FILE = new URL("../../fixtures/notice-fold/h1b-step3-abroad-accra.json", import.meta.url);
const kwame = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const SIGN_UP = "2027-01-20T08:00:00.000Z";
const VISA_TITLE =
  "If you match with an H-1B program, the H-1B likely cannot be ready by your start: before you rank, ask each program about a later start or a J-1";

const emailsOf = (until: string) => emailsUntil(kwame, "a_kwame", SIGN_UP, until);

describe("the visa's notice carried by Step 3's", () => {
  it("goes out once, as Step 3's 'Also:', and the ledger holds its title", async () => {
    const { emails, ledger } = await emailsOf("2027-02-25T02:00:00.000Z");
    const saying = emails.filter((email) => email.text.includes(VISA_TITLE));
    expect(emails.length).toBeGreaterThan(1);
    expect(saying.length).toBe(1);
    expect(saying[0]?.text).toContain(`Also: ${VISA_TITLE}`);
    // Never an email item of its own: it rides Step 3's item, which marks it sent.
    const items = emails.flatMap((email) => email.text.split("\n").filter((line) => /^\d+\. /.test(line)));
    expect(items.filter((line) => line.includes(VISA_TITLE))).toEqual([]);
    expect(ledger.map((entry) => entry.subject?.title)).toContain(VISA_TITLE);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ApplicantSnapshotSchema } from "#domain/snapshot.ts";
import { emailsUntil } from "./wake-up-walk.ts";

/**
 * A critical notice folded into another on its step is sent once: Farhana (Dhaka, H-1B, rank list
 * marked certified on a day still to come) signs up on 16 Jan 2027; Step 3's H-1B notice rides as
 * "Also:" in "Your rank order list does not count" (notice-fold-own-first.test.ts). Folded without
 * its id in the ledger, it came back alone at the next wake-up, the same words a second time.
 * Wake-ups fired in order to 23 Feb, with the real planner and the use case.
 */
const FILE = new URL("../../fixtures/notice-fold/h1b-list-dated-ahead-dhaka.json", import.meta.url);
const farhana = ApplicantSnapshotSchema.parse(JSON.parse(readFileSync(FILE, "utf8")));
const SIGN_UP = "2027-01-16T06:00:00.000Z";

const emailsOf = (until: string) => emailsUntil(farhana, "a_farhana", SIGN_UP, until);

describe("Step 3's notice folded into the rank list's", () => {
  it("goes out once, in the sign-up email, and the ledger holds its id", async () => {
    const { emails, ledger } = await emailsOf("2027-02-23T00:00:00.000Z");
    const saying = emails.filter((email) => email.text.includes("rank J-1 programs too"));
    expect(emails.length).toBeGreaterThan(1);
    expect(saying.map((email) => email.text.split("\n").find((line) => line.startsWith("1. ")))).toEqual([
      "1. Your rank order list does not count: ranking is open, certify it again now",
    ]);
    const titles = ledger.map((entry) => entry.subject?.title);
    expect(titles).toContain(
      "Ranking on H-1B for the 2027 Match is most likely out of reach: rank J-1 programs too",
    );
  });
});

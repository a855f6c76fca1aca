import { describe, expect, it } from "vitest";
import { FixedClock, InMemoryApplicantStore, profileFactory } from "#test/unit/usecases/fakes.ts";
import { applicantPagesApi, linkRequest, linksSignedAt } from "./applicant-pages.ts";

/**
 * The preferences page showed 09:00 to an applicant whose intake form set
 * 08:30 (their emails went at 8:30), and saving any other change reset them to 09:00. The page
 * shows the delivery time in effect, so a save that touches something else keeps it.
 */
const now = new Date("2026-06-01T00:00:00Z");

function pageFor(reminderTime: string) {
  const store = new InMemoryApplicantStore();
  store.add(profileFactory({ reminderTime }));
  const api = applicantPagesApi(store, { clock: new FixedClock(now) });
  return api(linkRequest("GET", linksSignedAt(now).preferences));
}

describe("the preferences page shows the delivery time in effect", () => {
  it.each([
    ["08:30", "08:30"],
    // Inside the default quiet hours (21:00-08:00): the planner moves it to their end, and says so here.
    ["07:15", "08:00"],
  ])("an intake's reminderTime %s shows as %s", async (reminderTime, shown) => {
    const page = await pageFor(reminderTime);
    expect(page.statusCode).toBe(200);
    expect(String(page.body)).toMatch(new RegExp(`id="deliveryTime"[^>]*value="${shown}"`));
  });
});

import { describe, expect, it } from "vitest";
import { htmlPage } from "#pages/layout.ts";
import { calendarAddressReplacedPage, linkRefusedPage, pageLinkExpiredPage } from "#pages/refused-links.ts";

const PRIVATE_NOTE = "This page is private to you";

describe("refusal pages show nothing private, so they say nothing of privacy", () => {
  it.each([
    ["401 not valid", linkRefusedPage(401)],
    ["410 expired action link", linkRefusedPage(410)],
    ["410 replaced calendar address", calendarAddressReplacedPage()],
    ["410 expired timeline link", pageLinkExpiredPage("timeline")],
  ])("%s: no 'private to you' footer", (_name, page) => {
    expect(page.body).toContain("Nothing was changed");
    expect(page.body).not.toContain(PRIVATE_NOTE);
  });

  it("a page showing the applicant's own plan keeps the footer", () => {
    expect(htmlPage(200, "Your timeline", "<h1>Your timeline</h1>").body).toContain(PRIVATE_NOTE);
    // A form sent back with its error still shows the applicant's step.
    expect(htmlPage(400, "Scheduled for", "<h1>Scheduled for</h1>").body).toContain(PRIVATE_NOTE);
  });
});

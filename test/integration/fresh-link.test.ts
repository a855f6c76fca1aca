import { beforeAll, describe, expect, inject, it } from "vitest";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { step2Applicant } from "#test/integration/support/applicants.ts";
import {
  applicantState,
  clockTo,
  drainStream,
  emailsTo,
  onlyOne,
  postWebhook,
  stack,
} from "#test/integration/support/local-stack.ts";

/**
 * "Email me a fresh link" on the local stack: DynamoDB Local holds the
 * ledger claim that allows one a day, the SES emulator receives the email. The links are signed
 * 92 days before the stack's clock, so the timeline link (60 days) has expired.
 */
describe("an expired timeline link → Email me a fresh link → one email with working links", () => {
  const applicant = step2Applicant();
  const at = new Date("2026-06-01T00:00:00Z");
  const signedAt = new Date("2026-03-01T00:00:00Z");
  const keyring = () => {
    const keys = inject("handlerEnv").LINK_SIGNING_KEYS;
    if (!keys) throw new Error("the local stack was started without LINK_SIGNING_KEYS");
    return parseKeyring(keys);
  };
  const expired = () =>
    applicantLinks({
      baseUrl: stack.api(),
      keyring: keyring(),
      applicantId: applicant.applicantId,
      feedGeneration: 0,
      now: signedAt,
    });
  const freshLinkEmails = async () =>
    (await emailsTo(applicant.email)).filter((email) => email.subject.startsWith("Your Matchpath links"));

  beforeAll(async () => {
    await clockTo(at.toISOString());
    expect((await postWebhook(applicant.snapshot)).status).toBe(202);
    await drainStream();
  });

  it("sends one email, to the address on file, whose timeline and preferences links open; a second POST sends nothing", async () => {
    const timelineUrl = expired().timeline;
    const page = await fetch(timelineUrl);
    expect(page.status).toBe(410);
    const action = /<form method="post" action="(fresh-link\?[^"]+)">/.exec(await page.text())?.[1];
    expect(action).toBeDefined();
    const postUrl = new URL((action ?? "").replaceAll("&amp;", "&"), timelineUrl).toString();

    const first = await fetch(postUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(first.status).toBe(200);
    const firstPage = await first.text();
    expect(firstPage).toContain("Check your email");

    const email = onlyOne(await freshLinkEmails());
    expect(email.destination.to).toEqual([applicant.email]);
    const urls = (email.body.text ?? "").match(/https?:\/\/\S+\/(?:timeline|preferences)\?\S+/g) ?? [];
    expect(urls.map((url) => new URL(url).pathname)).toEqual(["/timeline", "/preferences"]);
    for (const url of urls) {
      expect(email.body.html).toContain(url.replaceAll("&", "&amp;"));
      const opened = await fetch(url);
      expect(opened.status, url).toBe(200);
    }

    const second = await fetch(postUrl, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
    });
    expect(second.status).toBe(200);
    expect(await second.text()).toBe(firstPage);
    expect(await freshLinkEmails()).toHaveLength(1);

    const ledger = (await applicantState(applicant.applicantId))?.ledger ?? [];
    const entry = onlyOne(ledger.filter((row) => row.reminderId.startsWith("fresh-links:")));
    expect(entry).toMatchObject({
      reminderId: "fresh-links:2026-06-01",
      status: "sent",
      messageId: email.messageId,
    });
  });

  it("refuses an altered token with 401 and sends nothing", async () => {
    const url = new URL(expired().timeline);
    const token = url.searchParams.get("token") ?? "";
    const altered = `${token.slice(0, -3)}${token.endsWith("AAA") ? "BBB" : "AAA"}`;
    const query = new URLSearchParams({ applicant: applicant.applicantId, token: altered });
    const before = (await emailsTo(applicant.email)).length;
    const response = await fetch(`${stack.api()}/fresh-link?${query.toString()}`, { method: "POST" });
    expect(response.status).toBe(401);
    expect(await emailsTo(applicant.email)).toHaveLength(before);
  });
});

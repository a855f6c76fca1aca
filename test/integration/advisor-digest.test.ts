import { describe, expect, inject, it } from "vitest";
import type { MilestoneEntry } from "#domain/snapshot.ts";
import { parseKeyring } from "#links/link-token.ts";
import { createUnsubscribeToken, unsubscribeUrl } from "#links/unsubscribe-token.ts";
import type { ClockMoveReport } from "#local/daily-sweeper.ts";
import { DIGEST_ADVISOR, step2Applicant } from "./support/applicants.ts";
import { ADMIN, consoleRequest, signIn } from "./support/console.ts";
import { clockTo, drainStream, emailsTo, itemsMentioning, postWebhook } from "./support/local-stack.ts";

/**
 * The advisors' daily digest on the local stack: the clock crossing 13:00 UTC runs the
 * sweeper with the digest schedule's Input, as EventBridge Scheduler does in the cloud; the one
 * advisor the stack lists in DIGEST_ADVISORS gets one email a day with news, none without.
 */
describe("the advisor's daily digest on the local stack", () => {
  it("sends one email per day with news, nothing on days without, and never twice a day", async () => {
    await clockTo("2026-09-01T00:00:00Z");
    const applicant = step2Applicant();
    const snapshot = applicant.snapshot;
    snapshot.applicant.advisorEmail = DIGEST_ADVISOR;
    snapshot.milestones = snapshot.milestones
      .filter((entry) => entry.key !== "eras_application")
      .map(
        (entry): MilestoneEntry =>
          entry.key === "usmle_step2ck"
            ? { key: "usmle_step2ck", status: "done", date: "2026-05-20" }
            : entry,
      );
    expect((await postWebhook(snapshot)).status).toBe(202);
    await drainStream();
    const before = (await emailsTo(DIGEST_ADVISOR)).length;
    const digests = async () => (await emailsTo(DIGEST_ADVISOR)).slice(before);

    // 1 September: nothing open yet, so nothing is sent (the day is recorded).
    const first = (await clockTo("2026-09-01T14:00:00Z")) as ClockMoveReport;
    expect(first.digests.map((run) => run.at)).toEqual(["2026-09-01T13:00:00.000Z"]);
    expect(await digests()).toEqual([]);

    // 23 September 13:00: programs review ERAS applications from now on; the risk is a warning.
    const move = (await clockTo("2026-09-23T14:00:00Z")) as ClockMoveReport;
    expect(move.digests).toEqual([expect.objectContaining({ result: expect.anything() })]);
    const [warning, ...none] = await digests();
    expect(none).toEqual([]);
    expect(warning?.subject).toBe(
      "Matchpath daily digest, Wednesday, September 23, 2026: 1 applicant has news",
    );
    expect(warning?.body.text).toContain(
      "New warning risk: ERAS application not submitted while programs review",
    );
    expect(warning?.body.text).toContain(`/console#/applicants/${applicant.applicantId}`);
    expect(warning?.body.html).toContain(`href="http://127.0.0.1:`);

    // 24 September: the risk turned critical and the application is overdue: both are news.
    await clockTo("2026-09-24T14:00:00Z");
    const critical = (await digests())[1];
    expect(critical?.body.text).toContain("New critical risk: ERAS application not submitted");
    expect(critical?.body.text).toMatch(/Newly overdue: .*ERAS/);
    // The same day again (the clock set back and forward over 13:00): already done, nothing more.
    await clockTo("2026-09-24T12:00:00Z");
    await clockTo("2026-09-24T14:00:00Z");
    // 25 September: nothing new since the 24th.
    await clockTo("2026-09-25T14:00:00Z");
    expect(await digests()).toHaveLength(2);

    // Erased: the baseline the next digest compares against names the applicant no more; the
    // erasure record is the one item left that holds their pseudonymous id.
    const baselineBefore = await itemsMentioning(applicant.applicantId);
    expect(baselineBefore.some((item) => String(item.pk).startsWith("DIGEST#"))).toBe(true);
    const erased = await consoleRequest(`/console/applicants/${applicant.applicantId}/erase`, {
      token: await signIn(ADMIN),
      form: { confirm: "erase", fullName: snapshot.applicant.fullName },
    });
    expect(erased.status).toBe(200);
    await drainStream();
    const left = await itemsMentioning(applicant.applicantId);
    expect(left.map((item) => item.pk)).toEqual(["AUDIT#erasure"]);
  });

  it("names an applicant Matchpath cannot reach once, in the first digest after, with no risk of theirs", async () => {
    await clockTo("2026-09-26T00:00:00Z");
    const applicant = step2Applicant();
    const snapshot = applicant.snapshot;
    snapshot.applicant.advisorEmail = DIGEST_ADVISOR;
    snapshot.applicant.fullName = "Wanjiru Kamau";
    expect((await postWebhook(snapshot)).status).toBe(202);
    await drainStream();
    const before = (await emailsTo(DIGEST_ADVISOR)).length;
    const digests = async () => (await emailsTo(DIGEST_ADVISOR)).slice(before);
    // 26 September: whatever is open for her is the digest's news; nothing about reaching her.
    await clockTo("2026-09-26T14:00:00Z");
    expect((await digests()).map((mail) => mail.body.text).join("\n")).not.toContain("cannot reach");

    // 27 September: she unsubscribes (the email's one-click link, RFC 8058).
    await clockTo("2026-09-27T09:00:00Z");
    const keyring = parseKeyring(inject("handlerEnv").LINK_SIGNING_KEYS ?? "");
    const link = unsubscribeUrl(
      inject("apiUrl"),
      createUnsubscribeToken(keyring, applicant.applicantId, new Date("2026-09-27T09:00:00Z")),
    );
    const unsubscribed = await fetch(link, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(unsubscribed.status).toBe(200);
    await drainStream();
    const sentBefore = (await digests()).length;
    await clockTo("2026-09-27T14:00:00Z");
    const [told, ...more] = (await digests()).slice(sentBefore);
    expect(more).toEqual([]);
    expect(told?.body.text).toContain(
      "Matchpath cannot reach Wanjiru Kamau: they unsubscribed from Matchpath's emails; ask them for a new address or to subscribe again.",
    );
    expect(told?.body.html).toContain("Matchpath cannot reach Wanjiru Kamau");
    // The baseline holds the reason's code, never her address.
    const [latest] = (await itemsMentioning(applicant.applicantId)).filter(
      (item) => String(item.pk).startsWith("DIGEST#") && item.sk === "LATEST",
    );
    expect(JSON.parse(String(latest?.baseline))[applicant.applicantId]).toMatchObject({
      unreachable: "unsubscribe",
    });
    expect(String(latest?.baseline)).not.toContain(applicant.email);

    // The next days: still unreachable, and not said again.
    await clockTo("2026-09-29T14:00:00Z");
    const later = (await digests()).slice(sentBefore + 1);
    expect(later.map((mail) => mail.body.text).join("\n")).not.toContain("cannot reach");
  });
});

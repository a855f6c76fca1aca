import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "#errors";
import { parseSesEvent, SES_DETAIL_TYPES } from "../../../functions/ses-events/ses-event.ts";

function fixture(name: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(new URL(`../../fixtures/aws/ses/${name}`, import.meta.url), "utf8"),
  ) as Record<string, unknown>;
}

/** AWS's event-publishing record as the `detail` of an EventBridge envelope from aws.ses (see SOURCES.md). */
function sesEvent(
  recordFile: string,
  change: (record: Record<string, unknown>) => void = () => undefined,
): Record<string, unknown> {
  const record = fixture(recordFile);
  change(record);
  const type = record.eventType as keyof typeof SES_DETAIL_TYPES;
  return {
    ...fixture("eventbridge-envelope.powertools-ts.json"),
    source: "aws.ses",
    "detail-type": SES_DETAIL_TYPES[type],
    detail: record,
  };
}

function tagApplicant(record: Record<string, unknown>, applicantId: string): void {
  const mail = record.mail as { tags: Record<string, string[]> };
  mail.tags = { ...mail.tags, applicantId: [applicantId], kind: ["reminder"] };
}

function refusal(event: unknown): unknown {
  try {
    parseSesEvent(event);
    return undefined;
  } catch (error) {
    return error;
  }
}

describe("SES events on EventBridge, from AWS's published examples", () => {
  it("a permanent bounce names its recipients, the message and the time it bounced", () => {
    expect(parseSesEvent(sesEvent("sns-event-publishing.bounce.json"))).toEqual({
      kind: "bounce",
      bounceType: "Permanent",
      recipients: ["recipient@example.com"],
      messageId: "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000",
      at: new Date("2017-08-05T00:41:02.669Z"),
    });
  });

  it("the applicantId tag our mailer sets traces the event to the applicant", () => {
    const event = sesEvent("sns-event-publishing.complaint.json", (record) => tagApplicant(record, "a_ada"));
    expect(parseSesEvent(event)).toEqual({
      kind: "complaint",
      recipients: ["recipient@example.com"],
      messageId: "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000",
      applicantId: "a_ada",
      at: new Date("2017-08-05T00:41:02.669Z"),
    });
  });

  it("a tag value that is not one of our ids is not trusted", () => {
    const event = sesEvent("sns-event-publishing.bounce.json", (record) => tagApplicant(record, "../x y"));
    expect(parseSesEvent(event)).not.toHaveProperty("applicantId");
  });

  it("a delivery names its recipients, the message and the time SES delivered it (not when it was sent)", () => {
    const event = sesEvent("sns-event-publishing.delivery.json", (record) => tagApplicant(record, "a_ada"));
    expect(parseSesEvent(event)).toEqual({
      kind: "delivery",
      recipients: ["recipient@example.com"],
      messageId: "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000",
      applicantId: "a_ada",
      at: new Date("2016-10-19T23:21:04.133Z"),
    });
  });

  it("a Delivery without its delivery object is refused naming detail.delivery", () => {
    const error = refusal(sesEvent("sns-event-publishing.delivery.json", (record) => delete record.delivery));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).problems.map((problem) => problem.path)).toEqual(["detail.delivery"]);
  });

  it.each([["sns-event-publishing.send.json", "Send"]])(
    "%s is read as %s, to be ignored",
    (file, eventType) => {
      expect(parseSesEvent(sesEvent(file))).toEqual({
        kind: "other",
        eventType,
        messageId: "EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000",
      });
    },
  );

  it("a transient bounce keeps its type", () => {
    const event = sesEvent("sns-event-publishing.bounce.json", (record) => {
      (record.bounce as { bounceType: string }).bounceType = "Transient";
    });
    expect(parseSesEvent(event)).toMatchObject({ kind: "bounce", bounceType: "Transient" });
  });

  it.each([
    [
      "a detail-type that does not match the eventType",
      { ...sesEvent("sns-event-publishing.bounce.json"), "detail-type": "Email Delivered" },
      "detail-type",
    ],
    [
      "an identity feedback notification (notificationType, no configuration set)",
      {
        ...sesEvent("sns-event-publishing.bounce.json"),
        detail: fixture("sns-feedback-notification.bounce-with-dsn.json"),
      },
      "detail.eventType",
    ],
    [
      "a Bounce without its bounce object",
      sesEvent("sns-event-publishing.bounce.json", (record) => {
        delete record.bounce;
      }),
      "detail.bounce",
    ],
    [
      "a bounce naming no recipient",
      sesEvent("sns-event-publishing.bounce.json", (record) => {
        (record.bounce as { bouncedRecipients: unknown[] }).bouncedRecipients = [];
      }),
      "detail.bounce.bouncedRecipients",
    ],
    ["an event from another source", fixture("eventbridge-envelope.powertools-ts.json"), "source"],
  ])("refuses %s with a non-retriable InvalidInputError naming %s", (_name, event, path) => {
    const failure = refusal(event);
    expect(failure).toBeInstanceOf(InvalidInputError);
    expect((failure as InvalidInputError).retriable).toBe(false);
    expect((failure as InvalidInputError).problems.map((problem) => problem.path)).toContain(path);
  });
});

import { describe, expect, it } from "vitest";
import { inSoap, planAt } from "./soap-applicant.ts";

/**
 * SOAP's card on Match Week's Monday (ET), for an applicant taking part: it said "Monday: send your
 * applications … programs start reading them Tuesday morning" with no zone. In Auckland that email
 * comes on her Tuesday at 09:00, when "Tuesday morning" reads as this morning and "Monday" as
 * yesterday; programs start reading at 9:00 AM ET on Tuesday, 2:00 AM on her Wednesday. The card
 * names that hour in ET and in her time, as its later days name the offer rounds'.
 */
const soapCard = (zone: string, now: string) =>
  planAt(inSoap(zone), now).nextSteps.find((step) => step.milestone === "soap")?.action ?? "";

describe("SOAP's Monday card names when programs start reading, in ET and in her time", () => {
  it("Auckland, her Tuesday 09:00 (Monday in ET): now, and 2:00 AM on her Wednesday", () => {
    const card = soapCard("Pacific/Auckland", "2027-03-16T09:00:00+13:00");
    expect(card).toContain("You are in SOAP. Now (Monday in ET): send your applications");
    expect(card).toContain(
      "programs start reading them at 9:00 AM ET on Tue 16 Mar (projected) (Wed 17 Mar, 2:00 AM your time)",
    );
    expect(card).not.toContain("Tuesday morning");
  });

  it("Honolulu, Monday 09:00: Monday as she reads it, and 3:00 AM on her Tuesday", () => {
    const card = soapCard("Pacific/Honolulu", "2027-03-15T09:00:00-10:00");
    expect(card).toContain("You are in SOAP. Monday: send your applications");
    expect(card).toContain("programs start reading them at 9:00 AM ET");
    expect(card).toContain("Tue 16 Mar (projected) (3:00 AM your time)");
    expect(card).not.toContain("Tuesday morning");
  });
});

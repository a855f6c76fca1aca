import { describe, expect, it } from "vitest";
import type { Risk } from "#domain/plan.ts";
import { escapeHtml, headerText } from "#email/html.ts";
import { renderReminderEmail } from "#email/reminder-email.ts";
import { applicantLinks } from "#links/applicant-links.ts";
import { parseKeyring } from "#links/link-token.ts";
import { planFactory, reminderFactory, stepFactory } from "#test/unit/usecases/fakes.ts";

const lors = reminderFactory({
  id: "lors:due-in-7d",
  milestone: "lors",
  title: "Get your letters of recommendation uploaded",
  why: "Programs will not review an application missing its letters.",
});
const eras = reminderFactory({
  deadlineDetail: {
    ...reminderFactory().deadlineDetail,
    status: "projected",
    local: "Fri 25 Sep 2026, 9:00 AM WAT",
  },
});
const url = "https://api.example.org/unsubscribe?token=abc.def";

function render(overrides: Partial<Parameters<typeof renderReminderEmail>[0]> = {}) {
  return renderReminderEmail({
    recipientName: "Ada Okafor",
    reminders: [lors, eras],
    plan: planFactory({
      nextSteps: [
        stepFactory({
          milestone: "lors",
          title: lors.title,
          action: "Ask your letter writers to upload in the ERAS LoR Portal.",
        }),
        stepFactory(),
        stepFactory({
          milestone: "nrmp_registration",
          title: "Register for the Match",
          action: "Register at nrmp.org.",
        }),
        stepFactory({ milestone: "program_list", title: "Fourth step", action: "Not shown." }),
      ],
      risks: [
        {
          code: "STEP3_NEEDED_FOR_H1B",
          severity: "critical",
          message: "H-1B needs Step 3 before ranking.",
          milestones: ["usmle_step3"],
        },
      ],
    }),
    unsubscribeUrl: url,
    ...overrides,
  });
}

describe("reminder email", () => {
  it("names the most urgent reminder in the subject and counts the rest", () => {
    expect(render().subject).toBe(`${lors.title}: due ${lors.deadlineDetail.local} (+1 more)`);
    expect(render({ reminders: [eras] }).subject).not.toContain("more");
  });

  it("puts every item, with both zones, why and next step, in both parts", () => {
    const { html, text } = render();
    for (const part of [html, text]) {
      for (const reminder of [lors, eras]) {
        expect(part).toContain(escapeHtml(reminder.title));
        expect(part).toContain(escapeHtml(reminder.deadlineDetail.local));
        expect(part).toContain(escapeHtml(reminder.deadlineDetail.et));
        expect(part).toContain(escapeHtml(reminder.why));
      }
      expect(part).toContain("Ask your letter writers to upload in the ERAS LoR Portal.");
      expect(part).toContain("H-1B needs Step 3 before ranking.");
      expect(part).toContain("Register at nrmp.org.");
      expect(part).not.toContain("Not shown.");
      expect(part).toContain(escapeHtml(url));
    }
  });

  it("marks projected dates, and only those", () => {
    const { text } = render();
    const erasLine = text
      .split("\n")
      .find((line) => line.includes(eras.deadlineDetail.local) && line.includes("Due:"));
    const lorsLine = text
      .split("\n")
      .find((line) => line.includes(lors.deadlineDetail.local) && line.includes("Due:"));
    expect(erasLine).toContain("(projected date)");
    expect(lorsLine).not.toContain("(projected date)");
    expect(render({ reminders: [lors] }).text).not.toContain("projected");
  });

  it("escapes names and plan text in the HTML part", () => {
    const { html, text } = render({
      recipientName: '<script>alert("x")</script>',
      reminders: [reminderFactory({ title: "Interview at <b>St. Mary's</b> & Co" })],
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("Interview at &lt;b&gt;St. Mary&#39;s&lt;/b&gt; &amp; Co");
    expect(text).toContain('<script>alert("x")</script>');
  });

  it("carries the RFC 8058 headers", () => {
    expect(render().headers).toEqual([
      { name: "List-Unsubscribe", value: `<${url}>` },
      { name: "List-Unsubscribe-Post", value: "List-Unsubscribe=One-Click" },
    ]);
  });

  it("keeps header injection out of the subject", () => {
    const subject = render({
      reminders: [reminderFactory({ title: "Line\r\nBcc: victim@example.com" })],
    }).subject;
    expect(subject).not.toMatch(/[\r\n]/);
    expect(headerText("a\r\n\tb")).toBe("a b");
  });
});

describe("one token per action per email", () => {
  const keyring = parseKeyring(`k1=${"s".repeat(40)}`);
  const links = () =>
    applicantLinks({
      baseUrl: "https://api.example.org",
      keyring,
      applicantId: "app-1",
      feedGeneration: 0,
      now: new Date("2026-08-01T09:00:00Z"),
    });
  const actionUrls = (text: string) =>
    [...text.matchAll(/https:\/\/api\.example\.org\/actions\?[^\s"<>]+/g)].map((match) =>
      match[0].replaceAll("&amp;", "&"),
    );

  it("gives the HTML and plain-text parts the same action links, so Done from either records once", () => {
    const email = render({ links: links() });
    const inHtml = new Set(actionUrls(email.html));
    const inText = new Set(actionUrls(email.text));
    expect(inHtml.size).toBeGreaterThan(0);
    expect(inText).toEqual(inHtml);
  });

  it("puts the actions of next steps not shown above, and a way to act on a critical risk, in the text part too", () => {
    const own = links();
    const email = render({ reminders: [lors], links: own });
    // The ERAS and NRMP steps are not reminders of this email: their Done links follow their lines.
    expect(email.text).toMatch(
      /- Register for the Match: Register at nrmp\.org\.[^\n]*\n {2}Done: https:\/\/api\.example\.org\/actions\?/,
    );
    expect(email.text).toMatch(/- Get your letters of recommendation uploaded: [^\n]*\n- /);
    expect(email.text).toContain(
      `- Critical: H-1B needs Step 3 before ranking.\n  What to do: ${own.timeline}#risks`,
    );
  });

  /**
   * The only calendar link was a webcal:// one, which webmail (Gmail is
   * widely reported to) drops and a browser with no calendar app registered ignores; Google
   * Calendar and Outlook on the web take the feed's https address under "add calendar from URL".
   */
  it("offers the calendar over https beside webcal://, in both parts, and says where each goes", () => {
    const own = links();
    const email = render({ links: own });
    const amp = (url: string) => url.replaceAll("&", "&amp;");
    expect(own.feed).toMatch(/^https:\/\//);
    expect(email.html).toContain(`href="${amp(own.feedSubscription)}"`);
    expect(email.html).toContain(`href="${amp(own.feed)}"`);
    expect(email.html).toContain("Google Calendar");
    expect(email.text).toContain(`Add your deadlines to your calendar: ${own.feedSubscription}`);
    expect(email.text).toMatch(
      new RegExp(`Google Calendar[^\n]*: ${own.feed.replace(/[.?*+^$()[\]\\|{}]/g, "\\$&")}\n`),
    );
  });

  it("still signs a fresh nonce for every email", () => {
    expect(actionUrls(render({ links: links() }).text)[0]).not.toBe(
      actionUrls(render({ links: links() }).text)[0],
    );
  });
});

describe("a date the applicant gave without a time", () => {
  const examDay = reminderFactory({
    id: "usmle_step2ck:exam-day",
    milestone: "usmle_step2ck",
    title: "Pass USMLE Step 2 CK",
    deadlineDetail: {
      at: "2026-08-19T18:30:00.000Z",
      local: "Thu 20 Aug 2026, 12:00 AM GMT+5:30",
      et: "Wed 19 Aug 2026, 2:30 PM ET",
      status: "applicant",
      source: "the applicant's exam date",
    },
  });

  it("is printed as the day, without a midnight time or an ET conversion", () => {
    const email = render({ reminders: [examDay] });
    expect(email.subject).toBe("Pass USMLE Step 2 CK: due Thu 20 Aug 2026");
    for (const part of [email.html, email.text]) {
      expect(part).toContain("Thu 20 Aug 2026");
      expect(part).not.toContain("12:00 AM");
      expect(part).not.toContain("2:30 PM ET");
      // A day has no time to convert, so nothing says "(your time)" after it.
      expect(part).not.toContain("Thu 20 Aug 2026</strong> (your time)");
      expect(part).not.toContain("Thu 20 Aug 2026 (your time)");
    }
  });

  it("keeps the time of an authority's deadline", () => {
    expect(render({ reminders: [eras] }).text).toContain(eras.deadlineDetail.et);
  });
});

describe("the email's next steps fit their status", () => {
  const projected = {
    ...reminderFactory().deadlineDetail,
    at: "2026-09-16T13:00:00.000Z",
    local: "Wed 16 Sep 2026, 2:00 PM GMT+1",
    status: "projected" as const,
  };
  const plan = (now: string) =>
    planFactory({
      now,
      nextSteps: [
        stepFactory({
          milestone: "personal_statement",
          title: "Write your personal statement",
          action: "Draft it.",
          deadline: projected,
        }),
      ],
    });

  it("calls a past date overdue, never projected, in both parts", () => {
    const email = render({ plan: plan("2027-02-01T00:00:00.000Z") });
    for (const part of [email.html, email.text]) {
      expect(part).toContain("Write your personal statement: Draft it. (overdue: it was due Wed 16 Sep 2026");
      expect(part).not.toContain("2:00 PM GMT+1, projected date");
    }
  });

  it("still says 'by …, projected date' for a projected date ahead", () => {
    const email = render({ plan: plan("2026-08-01T00:00:00.000Z") });
    expect(email.text).toContain("(by Wed 16 Sep 2026, 2:00 PM GMT+1, projected date)");
  });
});

describe("what the email says it is", () => {
  it("the footer names what the applicant signed up to, not one authority's Match, on every email", () => {
    for (const email of [render(), render({ reminders: [lors] })]) {
      expect(email.text).toContain("reminders about your US residency application (Match 2027)");
      expect(email.html).toContain("reminders about your US residency application (Match 2027)");
      expect(email.text).not.toContain("NRMP Main Residency Match");
    }
  });

  it("the footer names the Match the plan is dated for once the target Match is out of reach", () => {
    const outOfReach: Risk = {
      code: "MATCH_YEAR_NOT_FEASIBLE",
      severity: "critical",
      message: "The 2027 Match is out of reach.",
      milestones: ["ecfmg_application"],
      sources: [],
      earliestFeasibleMatchYear: 2028,
    };
    const email = render({ plan: planFactory({ risks: [outOfReach] }) });
    for (const part of [email.text, email.html]) {
      expect(part).toContain("your US residency application (Match 2028; your 2027 Match: out of reach)");
      expect(part).not.toContain("(Match 2027)");
    }
  });

  it("a weekly summary says so in subject, heading and text, and lists what it gathers", () => {
    const email = render({ weeklySummaryDay: "Wednesday" });
    expect(email.subject).toBe(
      `Your weekly summary: ${lors.title}: due ${lors.deadlineDetail.local} (+1 more)`,
    );
    for (const part of [email.text, email.html]) {
      expect(part).toContain("Your weekly summary: 2 reminders");
      expect(part).toContain("one summary email a week, on Wednesdays");
      // What does not wait for it: a critical notice is never held for the summary.
      expect(part).toContain(
        "Anything due within 72 hours still comes on its own day, and so do critical notices (the day your plan raises them) and the countdown to a last day that keeps your Match or your start.",
      );
    }
    expect(email.text).toContain(`- ${lors.title} (due ${lors.deadlineDetail.local})`);
    expect(email.html).toContain(
      `<li>${escapeHtml(lors.title)} (due ${escapeHtml(lors.deadlineDetail.local)})</li>`,
    );
    const ordinary = render();
    expect(ordinary.text).not.toContain("weekly summary");
    expect(ordinary.html).not.toContain("weekly summary");
  });
});

describe("a reminder about a target date is never labelled a deadline", () => {
  const target = reminderFactory({
    id: "oet_medicine:target:due-in-7d",
    milestone: "oet_medicine",
    title: "Pass OET Medicine (target date)",
    countsDownTo: "target",
    deadlineDetail: {
      at: "2027-08-11T13:00:00.000Z",
      local: "Wed 11 Aug 2027, 2:00 PM GMT+1",
      et: "Wed 11 Aug 2027, 9:00 AM ET",
      status: "projected",
      source: "advice: planned back from the target Match",
    },
  });
  const deadline = {
    at: "2027-12-16T13:00:00.000Z",
    local: "Thu 16 Dec 2027, 2:00 PM GMT+1",
    et: "Thu 16 Dec 2027, 8:00 AM ET",
    status: "projected" as const,
    source: "projection rule",
  };
  const withStep = (step: Parameters<typeof stepFactory>[0]) =>
    render({
      reminders: [target],
      plan: planFactory({
        nextSteps: [stepFactory({ milestone: "oet_medicine", title: "Pass OET Medicine", ...step })],
      }),
    });

  it("says 'aim to finish by' in subject and both parts, names the real deadline, and marks only that as projected", () => {
    const email = withStep({ deadline });
    expect(email.subject).toBe(
      "Pass OET Medicine (target date): aim to finish by Wed 11 Aug 2027, 2:00 PM GMT+1",
    );
    expect(email.text).toContain(
      "   Aim to finish by: Wed 11 Aug 2027, 2:00 PM GMT+1 (your time) / Wed 11 Aug 2027, 9:00 AM ET\n",
    );
    expect(email.text).toContain(
      "not a deadline. The deadline is Thu 16 Dec 2027, 2:00 PM GMT+1 (your time), a projected date.",
    );
    expect(email.html).toContain("Aim to finish by <strong>Wed 11 Aug 2027, 2:00 PM GMT+1</strong>");
    expect(email.html).toContain(
      "The deadline is Thu 16 Dec 2027, 2:00 PM GMT+1 (your time), a projected date.",
    );
    for (const part of [email.text, email.html]) {
      expect(part).not.toMatch(/Due:? (<strong>)?Wed 11 Aug/);
      expect(part).not.toContain("9:00 AM ET (projected date)");
      expect(part).not.toContain("9:00 AM ET · projected date");
    }
  });

  it("says the step has no deadline when none is set (US clinical experience)", () => {
    const email = withStep({ milestone: "oet_medicine", dueBy: null });
    expect(email.text).toContain("not a deadline. No authority sets a deadline for this step.");
    expect(email.text).not.toContain("projected");
  });

  it("a weekly summary lists it as 'aim to finish by', and the applicant's own date as 'your date'", () => {
    // Another step's own date: one email names a step once (one-item-per-step.test.ts).
    const own = reminderFactory({
      ...target,
      id: "usmle_step2ck:own-date:due-in-7d",
      milestone: "usmle_step2ck",
      title: "Take USMLE Step 2 CK (your date)",
      countsDownTo: "own-date",
    });
    const email = render({ reminders: [target, own], weeklySummaryDay: "Wednesday" });
    expect(email.text).toContain(
      "- Pass OET Medicine (target date) (aim to finish by Wed 11 Aug 2027, 2:00 PM GMT+1)",
    );
    expect(email.text).toContain("- Take USMLE Step 2 CK (your date) (on Wed 11 Aug 2027, 2:00 PM GMT+1)");
    expect(email.text).toContain("   Your date: Wed 11 Aug 2027");
  });
});

// A mail client (and the local inbox, which shows the email in a frame our pages refuse) opens a
// link in a new window; a link without a target would open inside the frame and fail.
describe("links in the reminder email's HTML", () => {
  it("every link opens in a new window and sends no referrer", () => {
    const links = applicantLinks({
      baseUrl: "https://api.example.org",
      keyring: parseKeyring(`k1=${"s".repeat(40)}`),
      applicantId: "app-1",
      feedGeneration: 0,
      now: new Date("2026-08-01T09:00:00Z"),
    });
    const anchors = render({ links }).html.match(/<a\s[^>]*>/g) ?? [];
    expect(anchors.length).toBeGreaterThan(5);
    for (const anchor of anchors) {
      expect(anchor).toContain('target="_blank"');
      expect(anchor).toMatch(/rel="noopener noreferrer"/);
    }
  });
});

describe("planner texts as an applicant reads them", () => {
  const interviewPrep = reminderFactory({
    id: "interview:iv-1:interview-prep",
    milestone: "interview",
    interviewId: "iv-1",
    title: "Interview: Mercy Internal Medicine",
    why: "Engage, don't recite: ask questions tailored to the program (advice: seed article).",
  });
  const email = render({
    reminders: [interviewPrep],
    plan: planFactory({
      nextSteps: [
        stepFactory({
          milestone: "nrmp_registration",
          title: "Register for the Match",
          action: "Register at nrmp.org (https://www.nrmp.org/about/news/2023/01/january-2023-illuminator/).",
        }),
      ],
    }),
  });

  it("names the guide its advice comes from, not the catalog's internal name", () => {
    for (const part of [email.text, email.html]) {
      expect(part).not.toContain("seed article");
      expect(part).toContain("advice from the guide “The US Residency Process for IMGs”");
    }
  });

  it("says in both parts that the interview is attached as a calendar file", () => {
    expect(email.text).toContain("This interview is attached to this email as a calendar file (.ics)");
    expect(email.html).toContain("This interview is attached to this email as a calendar file (.ics)");
  });

  it("makes an address in a step's text a link in the HTML part and keeps it in the text part", () => {
    const url = "https://www.nrmp.org/about/news/2023/01/january-2023-illuminator/";
    expect(email.text).toContain(`(${url})`);
    expect(email.html).toContain(`(<a href="${url}" target="_blank" rel="noopener noreferrer"`);
  });
});

describe("a thank-you email, sent after the interview", () => {
  const thanks = reminderFactory({
    id: "interview:iv-1:interview-thank-you",
    milestone: "interview",
    interviewId: "iv-1",
    rung: "interview-thank-you",
    title: "Thank Mercy Internal Medicine for the interview",
    why: "A brief thank-you note shows genuine interest in the program (advice: no authority sets this).",
  });
  const email = render({ reminders: [thanks] });

  it("keeps the calendar file for the record without asking to add a past interview to the calendar", () => {
    for (const part of [email.text, email.html]) {
      expect(part).toContain(
        "The calendar file (.ics) of this interview is attached to this email, for your records.",
      );
      expect(part).not.toContain("open it to add the interview to your calendar");
    }
  });

  it("says the advice is Matchpath's in words, not as internal provenance", () => {
    for (const part of [email.text, email.html]) {
      expect(part).not.toContain("advice: no authority sets this");
      expect(part).toContain("shows genuine interest in the program (Matchpath advice: no rule requires it)");
    }
  });
});

describe("an email about the exam day the applicant booked", () => {
  const exam = reminderFactory({
    id: "usmle_step2ck:due-in-3d",
    milestone: "usmle_step2ck",
    title: "Your USMLE Step 2 CK exam",
    countsDownTo: "own-date",
    deadlineDetail: {
      at: "2027-03-29T19:00:00.000Z",
      local: "Tue 30 Mar 2027, 12:00 AM GMT+5",
      et: "Mon 29 Mar 2027, 3:00 PM ET",
      status: "applicant",
      source: "applicant",
    },
  });
  const email = render({
    reminders: [exam],
    plan: planFactory({
      nextSteps: [
        stepFactory({ milestone: "usmle_step2ck", title: "Pass USMLE Step 2 CK", action: "Sit the exam." }),
        stepFactory({ milestone: "oet_medicine", title: "Pass OET Medicine", action: "Book OET." }),
      ],
    }),
  });

  it("names the exam and its day in the subject, with no 'on' or '(your date)'", () => {
    expect(email.subject).toBe("Your USMLE Step 2 CK exam: Tue 30 Mar 2027");
  });

  it("does not list the step it leads with again under 'Your next steps'", () => {
    const steps = email.text.slice(email.text.indexOf("Your next steps:"));
    expect(steps).toContain("- Pass OET Medicine: Book OET.");
    expect(steps).not.toContain("Pass USMLE Step 2 CK");
    expect(email.html).not.toContain("Pass USMLE Step 2 CK");
  });
});

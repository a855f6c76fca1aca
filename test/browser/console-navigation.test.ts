import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { step2Applicant, type TestApplicant } from "#test/integration/support/applicants.ts";
import { DANIEL } from "#test/integration/support/console.ts";
import { clockTo, drainStream, emailsTo, postWebhook } from "#test/integration/support/local-stack.ts";
import { expectNoSeriousA11yViolations } from "./support/accessibility.ts";
import { type BrowserSession, launchChromium, openPage } from "./support/chromium.ts";
import { saveScreenshot } from "./support/screenshots.ts";

/**
 * How the console's shell gets an advisor to the right page and keeps them there, as a
 * new user needs it: an escalation email's link survives the sign-in round
 * trip, the address follows what is shown, focus lands on the new content's heading, an expired
 * sign-in never downloads a 401 as the CSV, and the cohort reflows on a phone.
 */
/** Where the console shell keeps the ID token (functions/console/assets/console.js). */
const TOKEN = "matchpath.console.token";

describe("the console shell's navigation in the browser", () => {
  let browser: BrowserSession;
  /** Pages that open already signed in as Daniel: for the tests whose subject is not the sign-in. */
  let signedIn: BrowserSession;
  let flagged: TestApplicant;
  let h1b: TestApplicant;

  async function signInOnPage(page: Page): Promise<void> {
    const console = inject("console");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(new RegExp(`^${console.issuer}/authorize`));
    await page.getByLabel("Email").fill(DANIEL);
    await page.getByLabel("Password").fill(console.password);
    await page.getByRole("button", { name: "Sign in" }).click();
  }

  async function heading(page: Page, text: string | RegExp): Promise<void> {
    await page.locator("main h1", { hasText: text }).waitFor({ timeout: 15_000 });
  }

  /** The element that has keyboard focus, as "tag:text" (the DOM types are not in this project's lib). */
  const focused = (page: Page) =>
    page.evaluate(
      `(() => { const e = document.activeElement; return e.tagName.toLowerCase() + ":" + e.textContent.trim(); })()`,
    ) as Promise<string>;

  beforeAll(async () => {
    await clockTo("2026-06-01T00:00:00Z");
    // A consenting applicant whose school has no ECFMG sponsor note: a critical risk, escalated.
    flagged = step2Applicant();
    flagged.snapshot.applicant.fullName = "Esther Adeyemi";
    flagged.snapshot.applicant.advisorEmail = DANIEL;
    flagged.snapshot.applicant.escalateToAdvisor = true;
    flagged.snapshot.applicant.medicalSchool.wdomsSponsorNote = false;
    expect((await postWebhook(flagged.snapshot)).status).toBe(202);
    h1b = step2Applicant();
    h1b.snapshot.applicant.fullName = "Kofi Mensah";
    h1b.snapshot.applicant.advisorEmail = DANIEL;
    h1b.snapshot.applicant.visa = "H-1B";
    // One step the advisor can mark in June: SOAP's Done waits for its first offer round and a
    // booked exam's for its day, so the statement is still being written, and ERAS with it (an
    // ERAS application sent takes its personal statement with it: the plan reads that one done).
    h1b.snapshot.milestones = h1b.snapshot.milestones.map((milestone) =>
      milestone.key === "personal_statement" || milestone.key === "eras_application"
        ? { key: milestone.key, status: "in_progress" }
        : milestone,
    );
    expect((await postWebhook(h1b.snapshot)).status).toBe(202);
    await drainStream();
    browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
    // One sign-in through the issuer's form for the file: each page of `signedIn` starts with its
    // ID token in the tab's sessionStorage, where the shell keeps it after a sign-in. The round trip
    // itself (two more page loads and the token exchange per test) is the subject of the tests
    // that still sign in on `browser`: the escalation link's and the expired sign-in's.
    const first = await openPage(browser, `${inject("console").url}#/cohort`);
    await signInOnPage(first);
    await heading(first, "Cohort");
    const token = await first.evaluate(`sessionStorage.getItem(${JSON.stringify(TOKEN)})`);
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    await first.close();
    signedIn = await launchChromium({ viewport: { width: 1280, height: 900 } });
    await signedIn.context.addInitScript(`(() => {
      if (location.origin === ${JSON.stringify(new URL(inject("console").url).origin)} && !sessionStorage.getItem(${JSON.stringify(TOKEN)}))
        sessionStorage.setItem(${JSON.stringify(TOKEN)}, ${JSON.stringify(token)});
    })()`);
  });
  afterAll(async () => {
    await signedIn?.close();
    await browser?.close();
  });

  /** Opens a console page in a tab that already holds Daniel's sign-in, at `viewport` from its first paint. */
  const openSignedIn = (url: string, viewport?: { width: number; height: number }) =>
    openPage(signedIn, url, viewport ? { viewport } : {});

  it("opens the escalation email's link on that applicant's page after sign-in", async () => {
    const email = (await emailsTo(DANIEL)).find((each) => each.body.text?.includes(flagged.applicantId));
    // Her record (an approved ECFMG application) contradicts the note: the question leads,
    // titled without an interview.
    expect(email?.subject).toBe(
      "Matchpath: Esther Adeyemi needs attention: Sponsor note answer that contradicts the applicant's own ECFMG record",
    );
    const link = /Open their page in the console: (\S+)/.exec(email?.body.text ?? "")?.[1] ?? "";
    expect(link).toContain(`#/applicants/${flagged.applicantId}`);
    // A new tab: no sign-in yet, so the shell asks for one and comes back to the linked page.
    const page = await openPage(browser, link);
    await page.getByRole("button", { name: "Sign in" }).waitFor();
    await signInOnPage(page);
    await page.waitForURL(new RegExp(`/console#/applicants/${flagged.applicantId}$`));
    await heading(page, "Esther Adeyemi");
    expect(await page.locator("main").textContent()).toContain("ECFMG");
    await page.close();
  });

  it("moves focus to each new page's heading and announces it in a small status region only", async () => {
    const page = await openSignedIn(`${inject("console").url}#/applicants/${flagged.applicantId}`);
    await heading(page, "Esther Adeyemi");
    expect(await page.locator("main").getAttribute("aria-live")).toBeNull();
    expect(await page.locator("[aria-live], [role=status]").count()).toBe(1);
    await expect.poll(() => focused(page)).toBe("h1:Esther Adeyemi");
    await page.getByRole("button", { name: "Pause reminders" }).click();
    await page.getByRole("button", { name: "Resume reminders" }).waitFor();
    await expect.poll(() => focused(page)).toBe("h1:Esther Adeyemi");
    expect(await page.locator("#status").textContent()).toBe("Esther Adeyemi");
    await page.getByRole("button", { name: "Resume reminders" }).click();
    await page.getByRole("button", { name: "Pause reminders" }).waitFor();
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });

  it("keeps the address on what is shown: a saved what-if shows the applicant at their address", async () => {
    const page = await openSignedIn(`${inject("console").url}#/applicants/${flagged.applicantId}/what-if`);
    await heading(page, /^What if/);
    await page.getByLabel("Change").selectOption("milestone");
    await page.getByLabel("Milestone").selectOption("usmle_step2ck");
    await page.getByLabel("Status").selectOption("scheduled");
    await page.getByLabel("Date").fill("2026-10-15");
    await page.getByRole("button", { name: "Show the difference" }).click();
    await page.getByRole("heading", { name: "Difference" }).waitFor();
    await expect.poll(() => focused(page)).toBe("h2:Difference");
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Save as a milestone.update" }).click();
    await page.waitForURL(new RegExp(`/console#/applicants/${flagged.applicantId}$`));
    await heading(page, "Esther Adeyemi");
    // The same address again (the cohort link, then Back to it) still loads a page.
    await page.reload();
    await heading(page, "Esther Adeyemi");
    await page.close();
  });

  it("shows the sign-in-again screen instead of downloading a 401 as the CSV", async () => {
    const page = await openPage(browser, `${inject("console").url}#/cohort`);
    await signInOnPage(page);
    await heading(page, "Cohort");
    const downloads: string[] = [];
    page.on("download", (download) => downloads.push(download.suggestedFilename()));
    // A token the issuer never signed but not yet expired: the server answers 401.
    await page.evaluate(`(() => {
      const [h, p] = sessionStorage.getItem("matchpath.console.token").split(".");
      sessionStorage.setItem("matchpath.console.token", h + "." + p + ".AAAA");
    })()`);
    await page.getByRole("link", { name: "Export CSV" }).click();
    await page.locator("main").getByText("Your sign-in has expired. Sign in again.").waitFor();
    expect(downloads).toEqual([]);

    // An expired token is caught before anything is sent (never "Bearer undefined").
    await signInOnPage(page);
    await heading(page, "Cohort");
    const sent: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/console/cohort")) sent.push(request.headers().authorization ?? "");
    });
    await page.evaluate(`(() => {
      const [h, , s] = sessionStorage.getItem("matchpath.console.token").split(".");
      const p = btoa(JSON.stringify({ email: "x@example.org", exp: 1 })).replace(/=+$/, "");
      sessionStorage.setItem("matchpath.console.token", h + "." + p + "." + s);
    })()`);
    await page.getByRole("link", { name: "Export CSV" }).click();
    await page.locator("main").getByText("Your sign-in has expired. Sign in again.").waitFor();
    expect(sent).toEqual([]);
    expect(downloads).toEqual([]);
    await page.close();
  });

  it("what-if form: starts at the applicant's visa, shows the fields of the chosen change, names milestones and wrong fields", async () => {
    const page = await openSignedIn(`${inject("console").url}#/applicants/${h1b.applicantId}/what-if`);
    await heading(page, /^What if/);
    expect(await page.getByLabel("Visa").inputValue()).toBe("H-1B");
    expect(await page.getByLabel("Milestone").locator("option[value=usmle_step3]").textContent()).toBe(
      "USMLE Step 3",
    );
    await page.getByLabel("Change").selectOption("milestone");
    expect(await page.getByLabel("Visa").isVisible()).toBe(false);
    // Done in the chosen step's words: SOAP's accepted offer on SOAP only, plain "done" elsewhere.
    const done = page.getByLabel("Status").locator('option[value="done"]');
    expect(await done.textContent()).toBe("done");
    await page.getByLabel("Milestone").selectOption("soap");
    expect(await done.textContent()).toBe("done (SOAP: offer accepted)");
    await page.getByLabel("Milestone").selectOption("usmle_step3");
    expect(await done.textContent()).toBe("done");
    expect(await page.getByLabel("Program", { exact: true }).isVisible()).toBe(false);
    await page.getByLabel("Change").selectOption("interview");
    expect(await page.getByLabel("Milestone").isVisible()).toBe(false);
    await page.getByLabel("Program", { exact: true }).fill("Mercy Internal Medicine");
    // No start given (a datetime-local field holds no other wrong value).
    await page.getByLabel(/^Starts at/).fill("");
    await page.getByRole("button", { name: "Show the difference" }).click();
    await page.locator("#what-if-result [role=alert]").waitFor();
    // The field in the form's words, not the request's path "0.startsAt".
    const refused = await page.locator("#what-if-result").textContent();
    expect(refused).toContain("Starts at");
    expect(refused).not.toContain("0.startsAt");
    // The form stays, as typed.
    expect(await page.getByLabel("Program", { exact: true }).inputValue()).toBe("Mercy Internal Medicine");
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });

  it("what-if warning: its sources are links after the sentence, under the console's CSP", async () => {
    const page = await openSignedIn(`${inject("console").url}#/applicants/${h1b.applicantId}/what-if`);
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
    });
    await heading(page, /^What if/);
    await page.getByLabel("Change").selectOption("interview");
    await page.getByLabel("Program", { exact: true }).fill("Lakeside Family Medicine");
    await page.getByLabel(/^Starts at/).fill("2026-07-01T10:00");
    await page.getByRole("button", { name: "Show the difference" }).click();
    const warning = page.locator("#what-if-result .warning[role=note]");
    await warning.waitFor();
    const sentence = (await warning.locator("p").textContent()) ?? "";
    const [text, sources] = sentence.split("Sources: ");
    expect(text).toContain("outside the 2027 Match's interview season");
    expect(text).not.toMatch(/https?:|projected:/);
    // Both season dates are projected: the only page inside their rules is a candidate's, which
    // gives another date, so none is linked as their source.
    expect(sources).toBeUndefined();
    expect(await warning.locator("p .source-links a").count()).toBe(0);
    expect(await warning.locator("details.sources li").first().textContent()).toMatch(/^projected: /);
    // The rules in full stay folded until asked for.
    expect(await warning.locator("details.sources").getAttribute("open")).toBeNull();
    expect(refused).toEqual([]);
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });

  it("Mark done records the step shown, as the advisor's, after a dialog naming it", async () => {
    const page = await openSignedIn(`${inject("console").url}#/applicants/${h1b.applicantId}`);
    await heading(page, "Kofi Mensah");
    // "Mark done", or the Done of a step that records more, saying what (SOAP: "Mark SOAP: offer accepted").
    const mark = { name: /^Mark / };
    const item = page.locator("main li", { has: page.getByRole("button", mark) }).first();
    const step = ((await item.locator("strong").textContent()) ?? "").trim();
    expect(step).not.toBe("");
    const label = ((await item.getByRole("button", mark).textContent()) ?? "").trim();
    const named = label === "Mark done" ? `${step} done` : label.replace(/^Mark /, "");
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await item.getByRole("button", mark).click();
    const notice = page.locator("main .notice[role=status]");
    await notice.waitFor({ timeout: 15_000 });
    expect(dialogs).toEqual([`Mark ${named} for Kofi Mensah? It is recorded as yours.`]);
    expect(await notice.textContent()).toMatch(/^Marked .+ on \d{4}-\d{2}-\d{2}, recorded as yours\.$/);
    const audit = await page.locator("main section", { hasText: "Console actions (audit)" }).textContent();
    expect(audit).toContain(`${DANIEL} (advisor)milestone.mark`);
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });

  it("erase: checks the name before the last dialog, keeps the form on a mismatch, forgives case and spaces", async () => {
    const page = await openSignedIn(`${inject("console").url}#/applicants/${h1b.applicantId}/erase`);
    await heading(page, /^Erase/);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await page.getByLabel(/^Type the applicant's full name/).fill("Someone Else");
    await page.getByRole("button", { name: "Erase for good" }).click();
    await page.locator("#erase-result [role=alert]").waitFor();
    expect(dialogs).toEqual([]);
    expect(await page.getByLabel(/^Type the applicant's full name/).count()).toBe(1);
    await page.getByLabel(/^Type the applicant's full name/).fill("  kofi   MENSAH ");
    await page.getByRole("button", { name: "Erase for good" }).click();
    await heading(page, "Applicant erased");
    expect(dialogs).toHaveLength(1);
    await page.waitForURL(/#\/cohort$/);
    await page.close();
  });

  /**
   * The page's sideways overflow at this width: 0 when it does not pan, else how far it pans and the
   * elements whose right edge passes the viewport (so a failure names what to fix).
   */
  const sidewaysOverflow = (page: Page, width: number) =>
    page.evaluate(`(() => {
      const over = document.documentElement.scrollWidth - ${width};
      if (over <= 0) return 0;
      const wide = [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > ${width} + 0.5 && !e.closest(".table-scroll"))
        .slice(-4)
        .map((e) => e.tagName.toLowerCase() + "." + e.className + " right=" + Math.round(e.getBoundingClientRect().right));
      return over + " px: " + wide.join(", ");
    })()`) as Promise<number | string>;

  /** The visible cue above a scrolling table region ("" when there is none). */
  const scrollHint = (page: Page, region: string) =>
    page.evaluate(`(() => {
      const box = document.querySelector('[role=region][aria-label="${region}"]');
      const hint = box && box.previousElementSibling;
      if (!hint || !hint.classList.contains("scroll-hint")) return "";
      return getComputedStyle(hint).display === "none" ? "" : hint.textContent.trim();
    })()`) as Promise<string>;

  // 320 px is WCAG 1.4.10's reflow width, 390 px a common phone (the applicant
  // page panned 7–37 px at 320–390 px, the grid's cards as wide as their widest table).
  it.each([320, 390])("reflows the cohort at %i px: no sideways scroll of the page", async (width) => {
    const page = await openSignedIn(`${inject("console").url}#/cohort`, { width, height: 800 });
    await heading(page, "Cohort");
    expect(await sidewaysOverflow(page, width)).toBe(0);
    const signOut = await page.getByRole("button", { name: "Sign out" }).boundingBox();
    expect((signOut?.x ?? 0) + (signOut?.width ?? 0)).toBeLessThanOrEqual(width);
    // On a phone each applicant is a card, open risks and next deadline first, and nothing scrolls
    // sideways (else the risk column an advisor scans first hides behind the sideways scroll, under
    // a hint that more columns follow): no region to scroll, so no hint.
    expect(await scrollHint(page, "Cohort table")).toBe("");
    const cohort = page.getByRole("region", { name: "Cohort table" });
    expect(await cohort.evaluate((box) => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);
    const risks = await cohort.locator('td[data-label="Open risks"]').first().boundingBox();
    expect((risks?.x ?? width) + (risks?.width ?? 0)).toBeLessThanOrEqual(width);
    await expectNoSeriousA11yViolations(page);
    await page.close();
  });

  it.each([320, 390])(
    "reflows the applicant page at %i px: its tables scroll in their own regions",
    async (width) => {
      const page = await openSignedIn(`${inject("console").url}#/applicants/${flagged.applicantId}`, {
        width,
        height: 800,
      });
      await heading(page, "Esther Adeyemi");
      const ledger = page.getByRole("region", { name: "Notice ledger table" });
      await ledger.waitFor();
      expect(await sidewaysOverflow(page, width)).toBe(0);
      // The ledger is read in its own scrolling region, columns wide enough to read a date on a line
      // or two, and says that more columns follow ("When" was ~70 px, each
      // row ~380 px tall, "What" off-screen with no cue).
      const when = await ledger.getByRole("columnheader", { name: "When" }).boundingBox();
      expect(when?.width ?? 0).toBeGreaterThanOrEqual(120);
      await expect.poll(() => scrollHint(page, "Notice ledger table")).toMatch(/^Scroll sideways/);
      await expectNoSeriousA11yViolations(page);
      await saveScreenshot(page, `console-applicant-${width}`);
      await page.close();
    },
  );

  it.each([320, 390])(
    "fits the what-if form to a %i px phone: the Milestone select shrinks",
    async (width) => {
      const page = await openSignedIn(`${inject("console").url}#/applicants/${flagged.applicantId}/what-if`, {
        width,
        height: 800,
      });
      await heading(page, "What if: Esther Adeyemi");
      expect(await sidewaysOverflow(page, width)).toBe(0);
      const select = await page.getByLabel("Milestone").boundingBox();
      expect((select?.x ?? 0) + (select?.width ?? 0)).toBeLessThanOrEqual(width);
      await page.close();
    },
  );
});

import type { BrowserContext, Locator, Page } from "playwright-core";

/** The SES emulator's inbox page, opened on one recipient's email (openInbox). */
export interface LocalInbox {
  /** Taps the email's first link named `linkName` and returns the window it opened. */
  tap(linkName: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Opens the SES emulator's inbox on `to`'s email, as a person reads it (the emulator shows the
 * email's HTML in a frame), and returns a tap for its links: our pages refuse framing, so a link
 * opens a new window, as a mail client opens it, and the tap returns that window.
 *
 * Other test files send emails all the while, and the inbox polls its store every second and puts
 * new emails at the top, each unfolding for a second: anything that slides under the pointer makes
 * a tap land beside its link. So the inbox shows `to`'s emails only (the page's own `fetch` is
 * wrapped: every `/store` answer it reads holds them alone), it stops polling once the email is
 * shown (the init script records its timer), and the tap waits for the unfolding to finish, since
 * Playwright checks the link inside the frame, not the clipping outside it. The tap then goes step
 * by step: the link visible, scrolled into view, then the click and the new window awaited
 * together. One inbox serves every tap of a test: opening it (the page, the whole store, a poll,
 * the unfolding, the HTML view) is most of a tap's time on a loaded machine.
 */
export async function openInbox(context: BrowserContext, to: string, inboxUrl: string): Promise<LocalInbox> {
  const inbox = await context.newPage();
  await inbox.addInitScript(`{
    const timers = (window.inboxTimers = []);
    const every = window.setInterval.bind(window);
    window.setInterval = (...args) => { const id = every(...args); timers.push(id); return id; };
    const fetchFromServer = window.fetch.bind(window);
    const to = ${JSON.stringify(to)};
    window.fetch = async (...args) => {
      const response = await fetchFromServer(...args);
      if (!String(args[0]).startsWith("/store")) return response;
      const store = await response.json();
      const emails = store.emails.filter((email) => email.destination.to.includes(to));
      return new Response(JSON.stringify({ ...store, emails }), { status: response.status });
    };
  }`);
  await inbox.goto(inboxUrl, { waitUntil: "load" });
  const email = inbox.locator(".email", { hasText: to });
  await email.evaluate("(node) => Promise.all(node.getAnimations().map((unfolding) => unfolding.finished))");
  await inbox.evaluate("window.inboxTimers.forEach((id) => clearInterval(id))");
  await showHtmlView(email);
  const frame = email.frameLocator("iframe");
  return {
    async tap(linkName: string): Promise<Page> {
      const link = frame.getByRole("link", { name: linkName, exact: true }).first();
      await link.waitFor({ state: "visible", timeout: 20_000 }).catch(async (error: unknown) => {
        throw new Error(`no visible “${linkName}” link in the inbox: ${await inboxState(inbox)}`, {
          cause: error,
        });
      });
      await link.scrollIntoViewIfNeeded();
      const [opened] = await Promise.all([context.waitForEvent("page"), link.click()]);
      await opened.waitForLoadState("load");
      return opened;
    },
    close: () => inbox.close(),
  };
}

/**
 * Opens the email's HTML view and waits until it shows. The inbox's toggle is a button that flips
 * the view on each click, so a click that lands elsewhere (the page moved under it) leaves the
 * view hidden, and every link in it is then outside the accessibility tree: the tap would wait
 * out its whole timeout. So the view is checked, and the button clicked again while it
 * stays hidden (three tries).
 */
async function showHtmlView(email: Locator): Promise<void> {
  const view = email.locator(".email-html");
  for (let attempt = 1; attempt <= 3; attempt++) {
    if (await view.isVisible()) return;
    await email.getByRole("button", { name: "Toggle HTML view" }).click();
    if (
      await view.waitFor({ state: "visible", timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
  }
  throw new Error(
    `the inbox did not show the email's HTML view after 3 clicks: ${await inboxState(email.page())}`,
  );
}

/** What the inbox shows, for a failed tap's message: each email's views and its frame's document. */
function inboxState(inbox: Page): Promise<string> {
  return inbox.evaluate(`JSON.stringify([...document.querySelectorAll(".email")].map((node) => {
    const frame = node.querySelector("iframe");
    return {
      htmlView: node.querySelector(".email-html")?.style.display === "none" ? "hidden" : "shown",
      error: document.getElementById("error")?.style.display === "none" ? undefined : document.getElementById("error")?.textContent,
      frameUrl: frame?.contentDocument?.URL,
      frameBodyChars: frame?.contentDocument?.body?.innerHTML.length,
    };
  }))`);
}

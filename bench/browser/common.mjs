// Shared by the browser benchmarks: Debian's Chromium through playwright-core (never a downloaded browser), signed in.
import { chromium } from "playwright-core";

export async function signedInPage(webBase, user, password, path) {
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium", headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  await page.goto(`${webBase}/account/login?ReturnUrl=${encodeURIComponent(path)}`);
  await page.fill("#username", user);
  await page.fill("#password", password);
  await page.click("button[type=submit]");
  await page.waitForURL(u => new URL(u).pathname === path);
  await page.waitForSelector("html[data-circuit=ready]", { state: "attached" });
  return { browser, page };
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
}

// The logs tab following a container that writes fast: over SECONDS, how many lines the view received, how smooth the
// page stayed (animation frame gaps) and how quickly it answered (a click on a page control and its response).
// Usage: node log-throughput.mjs WEB_BASE USER PASSWORD CONTAINER [SECONDS=10]
// Prints: "lines N", "frames p50 p95 max" (ms between frames), "longtasks total_ms count", "click p50 p95" (ms).
import { signedInPage, percentile } from "./common.mjs";

const [webBase, user, password, container, seconds = "10"] = process.argv.slice(2);
const { browser, page } = await signedInPage(webBase, user, password, `/containers/${container}`);
await page.getByRole("tab", { name: "Logs" }).click();
await page.waitForSelector("[data-testid=logs] .webui-log-line");

await page.evaluate(() => {
  window.__frames = [];
  window.__long = [];
  let last = performance.now();
  const tick = now => { window.__frames.push(now - last); last = now; if (!window.__stop) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  new PerformanceObserver(list => { for (const e of list.getEntries()) window.__long.push(e.duration); }).observe({ type: "longtask", buffered: false });
});
// Lines the view has taken in: those it holds plus those it dropped (it keeps the newest 20000).
const count = () => page.evaluate(() => {
  const text = document.querySelector("[data-testid=logs]").previousElementSibling?.textContent ?? "";
  const held = text.match(/of (\d+) lines/), dropped = text.match(/the oldest (\d+) are/);
  return (held ? Number(held[1]) : 0) + (dropped ? Number(dropped[1]) : 0);
});
const firstCount = await count();
// Interactivity: toggle the Timestamps switch and time until the page shows the change (a round trip through the circuit).
const clicks = [];
const until = Date.now() + Number(seconds) * 1000;
while (Date.now() < until) {
  const t = await page.evaluate(async () => {
    const el = document.querySelector("[data-testid=logs-timestamps]");
    const input = el.tagName === "INPUT" ? el : el.querySelector("input");
    const before = !!document.querySelector("[data-testid=logs] .webui-log-time");
    const t0 = performance.now();
    input.click();
    while (!!document.querySelector("[data-testid=logs] .webui-log-time") === before) await new Promise(r => setTimeout(r, 1));
    return performance.now() - t0;
  });
  clicks.push(t);
  await page.waitForTimeout(250);
}
const lastCount = await count();
const { frames, long } = await page.evaluate(() => { window.__stop = true; return { frames: window.__frames, long: window.__long }; });
await browser.close();

const f = [...frames].sort((a, b) => a - b);
const c = [...clicks].sort((a, b) => a - b);
console.log(`lines ${lastCount} ${firstCount}`);
console.log(`frames ${percentile(f, 50).toFixed(1)} ${percentile(f, 95).toFixed(1)} ${f[f.length - 1].toFixed(1)}`);
console.log(`longtasks ${long.reduce((a, b) => a + b, 0).toFixed(0)} ${long.length}`);
console.log(`click ${percentile(c, 50).toFixed(1)} ${percentile(c, 95).toFixed(1)}`);

// Loads each web page given on the command line from disk in headless Chromium with
// every request but file: refused, and prints one JSON line per page: the requests it
// tried, its in-page links without a target, the pages on disk it links to and those of
// them that do not open as a letter's page, how many scripts it holds, its computed
// direction, how many of its screenshot's pixels are not the background, and axe-core's
// WCAG 2.1 AA violations.
// tests/web.rs runs it and judges the lines.
import { chromium } from "playwright-core";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const axePath = require.resolve("axe-core/axe.min.js");
const [shotDir, ...pages] = process.argv.slice(2);

// The flags that work on a machine without a network (see docs/testing or the CI notes).
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
for (const file of pages) {
  const context = await browser.newContext({ viewport: { width: 1000, height: 1400 } });
  const page = await context.newPage();
  const outside = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    outside.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
  const shot = `${shotDir}/${file.split("/").pop().replace(/\.html$/, "")}.png`;
  const png = await page.screenshot({ path: shot, fullPage: true });
  const facts = await page.evaluate(async (data) => {
    const img = new Image();
    img.src = "data:image/png;base64," + data;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.width; canvas.height = img.height;
    const ctx = canvas.getContext("2d");
    ctx.drawImage(img, 0, 0);
    const px = ctx.getImageData(0, 0, img.width, img.height).data;
    const [r0, g0, b0] = [px[0], px[1], px[2]];
    let inked = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (Math.abs(px[i] - r0) + Math.abs(px[i + 1] - g0) + Math.abs(px[i + 2] - b0) > 60) inked++;
    }
    const missing = [...document.querySelectorAll('a[href^="#"]')]
      .map((a) => a.getAttribute("href").slice(1))
      .filter((id) => !document.getElementById(decodeURIComponent(id)));
    // The pages this one links to on disk (an index's letters), in-page links aside.
    const here = location.href.split("#")[0];
    const linked = [...new Set([...document.querySelectorAll("a[href]")]
      .map((a) => a.href.split("#")[0])
      .filter((href) => href.startsWith("file:") && href !== here))];
    return {
      inked, pixels: px.length / 4, missing, linked, scripts: document.scripts.length,
      direction: getComputedStyle(document.documentElement).direction,
      paragraphs: [...document.querySelectorAll(".body p, .body li")].map((p) => p.innerText),
    };
  }, png.toString("base64"));
  // Every page linked on disk opens, as a letter's page (its subject an <h1>).
  const broken = [];
  for (const url of facts.linked) {
    const other = await context.newPage();
    try {
      await other.goto(url, { waitUntil: "load" });
      const h1 = await other.evaluate(() => document.querySelector("h1")?.innerText ?? "");
      if (!h1.trim()) broken.push(`${url}: no <h1>`);
    } catch (err) {
      broken.push(`${url}: ${String(err.message).split("\n")[0]}`);
    }
    await other.close();
  }
  await page.addScriptTag({ path: axePath });
  const axe = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  });
  console.log(JSON.stringify({ file, shot, outside, axe, broken, ...facts }));
  await context.close();
}
await browser.close();

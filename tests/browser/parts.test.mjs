// The program in two parts (issue 14, size): the first screen waits only for the first part; the
// other pages' part is fetched right after it, before the app forbids every connection, so that
// opening a page later needs no network. A part that cannot be fetched is said in words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, launchBrowser, openApp, startStaticServer, useServerAndBrowser } from "./support.mjs";

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

test("index.html names the pages' part for the service worker, and the files exist", () => {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const list = html.match(/<script type="application\/json" id="app-parts">([^<]*)<\/script>/);
  assert.ok(list, "index.html has no app-parts list");
  const parts = JSON.parse(list[1]);
  assert.equal(parts.length, 2);
  assert.match(parts[0], /^\.\/zhicheng-yanlian-[0-9a-f]+_pages\.wasm$/);
  assert.equal(parts[1], parts[0].replace(/\.wasm$/, ".wz"));
  for (const part of parts) assert.ok(existsSync(join(DIST, part)), part);
});

test("the first screen comes with the first part; the pages' part follows, then no connection is possible", async () => {
  // The machine's own clock: a fixed one leaves the resource timings empty.
  const { context, page, errors } = await openApp(browser, server.url, "#/", { today: null });
  await page.locator('meta[data-after-start]').waitFor({ state: "attached" });
  const timing = await page.evaluate(() => {
    const entry = (pattern) => performance.getEntriesByType("resource").find((e) => pattern.test(e.name));
    const first = entry(/_bg\.(wasm|wz)$/);
    const pages = entry(/_pages\.(wasm|wz)$/);
    return { firstEnd: first?.responseEnd, pagesStart: pages?.startTime, pagesSize: pages?.decodedBodySize };
  });
  console.log(`first part arrived at ${Math.round(timing.firstEnd)} ms; the pages' part asked for at ${Math.round(timing.pagesStart)} ms (${timing.pagesSize} bytes)`);
  assert.ok(timing.pagesStart > timing.firstEnd, JSON.stringify(timing));
  assert.ok(timing.pagesSize > 100 * 1024, JSON.stringify(timing));
  // A page from the second part opens at once, its fields there, with no loading line.
  await page.goto(server.url + "#/step/info");
  await page.getByLabel("姓名", { exact: true }).waitFor();
  assert.equal(await page.getByText("正在加载这一页").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("when the pages' part cannot be fetched, its pages say so in words and the overview still works", async () => {
  const context = await browser.newContext({ locale: "zh-CN" });
  await context.route(/_pages\.(wasm|wz)$/, (route) => route.abort("internetdisconnected"));
  const page = await context.newPage();
  const crashes = [];
  page.on("pageerror", (e) => crashes.push(e.message));
  await page.goto(server.url + "#/step/info");
  const failed = page.locator("[data-part-failed]");
  await failed.waitFor();
  assert.match(await failed.innerText(), /没能下载下来.*你填写的内容都已保存在本机.*刷新页面/);
  // The connections are closed all the same once the part has failed.
  await page.locator('meta[data-after-start]').waitFor({ state: "attached" });
  await page.goto(server.url + "#/");
  await page.getByRole("heading", { level: 1, name: "申报演练总览" }).waitFor();
  assert.ok((await page.getByRole("link", { name: /填写申报信息/ }).count()) > 0);
  assert.deepEqual(crashes, []);
  await context.close();
});

test("a plain server: the pages' part arrives as its gzip copy too", async () => {
  const plain = await startStaticServer(0, undefined, { compress: false });
  const other = await launchBrowser();
  const page = await other.newPage();
  await page.goto(plain.url);
  await page.locator('meta[data-after-start]').waitFor({ state: "attached" });
  const kinds = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((e) => /_pages\.(wasm|wz)$/.test(e.name))
      .map((e) => [e.name.split("_pages.")[1], e.transferSize]),
  );
  console.log(`plain server, the pages' part: ${JSON.stringify(kinds)}`);
  assert.deepEqual(kinds.map(([kind]) => kind), ["wasm", "wz"]);
  await page.goto(plain.url + "#/rules");
  await page.getByRole("heading", { level: 1, name: "规则数据" }).waitFor();
  await other.close();
  await plain.close();
});

// Offline (issue 8): after one visit the app opens and works with the network off or the server
// stopped, drafts intact; a new release replaces the old one on the next visit.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startStaticServer, DIST, useServerAndBrowser } from "./support.mjs";

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

test("after one visit the app opens with the server unreachable", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("离线张三");
  await page.getByText(/已自动保存/).waitFor();
  // The service worker has taken control and stored the app's files — during this one visit,
  // whose own files were loaded before the worker existed.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15000 });

  await context.setOffline(true);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "填写申报信息" }).waitFor();
  assert.equal(await page.getByLabel("姓名", { exact: true }).inputValue(), "离线张三");
  await page.goto(server.url + "#/");
  await page.getByRole("heading", { level: 1, name: "申报演练总览" }).waitFor();
  await context.close();
});

test("with the server stopped the app still opens; a new release replaces the old one on the next visit, drafts kept", async () => {
  // The association's site, as a folder we can redeploy: a copy of dist/.
  const site = mkdtempSync(join(tmpdir(), "zhicheng-site-"));
  cpSync(DIST, site, { recursive: true });
  const port = await freePort();
  let site1 = await startStaticServer(port, site);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site1.url + "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("升级张三");
  await page.getByText(/已自动保存/).waitFor();
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15000 });
  const release = () => page.evaluate(() => document.querySelector('meta[name="release"]')?.content ?? "first");
  assert.equal(await release(), "first");

  // The server is switched off: the app opens from the service worker's copy.
  await site1.close();
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "填写申报信息" }).waitFor();
  assert.equal(await page.getByLabel("姓名", { exact: true }).inputValue(), "升级张三");

  // A new release is deployed and the server is back: the next visit gets it, the draft stays.
  const index = join(site, "index.html");
  writeFileSync(index, readFileSync(index, "utf8").replace("<head>", '<head><meta name="release" content="second" />'));
  const site2 = await startStaticServer(port, site);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "填写申报信息" }).waitFor();
  assert.equal(await release(), "second");
  assert.equal(await page.getByLabel("姓名", { exact: true }).inputValue(), "升级张三");

  // And it is the new release that opens offline from then on.
  await site2.close();
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "填写申报信息" }).waitFor();
  assert.equal(await release(), "second");
  await context.close();
});

/** A port that is free now, so a server can be stopped and started again at the same address. */
function freePort() {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// Offline (issue 8): after one visit the app opens and works with the network off, drafts intact.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStaticServer, launchBrowser } from "./support.mjs";

let server;
let browser;
before(async () => {
  server = await startStaticServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("after one visit the app opens with the server unreachable", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("离线张三");
  await page.getByText(/已自动保存/).waitFor();
  // The service worker has taken control and cached the app's files.
  await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, { timeout: 15000 });
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "填写申报信息" }).waitFor();

  await context.setOffline(true);
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "填写申报信息" }).waitFor();
  assert.equal(await page.getByLabel("姓名", { exact: true }).inputValue(), "离线张三");
  await page.goto(server.url + "#/");
  await page.getByRole("heading", { level: 1, name: "申报演练总览" }).waitFor();
  await context.close();
});

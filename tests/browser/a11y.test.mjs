// Accessibility (issue 8, first part): axe-core finds no violations on the overview and on every
// step, empty and in filled/error states.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { openApp, useServerAndBrowser } from "./support.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
// The app's Content-Security-Policy (rightly) refuses the injected axe script: these tests alone
// bypass it.
const AXE = { bypassCSP: true };
let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

async function violations(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const { violations } = await window.axe.run(document, { resultTypes: ["violations"] });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
  });
  return result;
}

const PAGES = ["#/", "#/data", "#/applicants", "#/rules", "#/step/photo", "#/step/pledge", "#/step/info", "#/step/achievements", "#/step/attachments", "#/step/preview", "#/compose", "#/process"];

test("no axe violations in 合成 PDF with pages chosen, in step 5", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/attachments", AXE);
  await page.locator('[data-evidence="continuing_education"] [data-open-composer]').click();
  const pdf = Buffer.from(
    "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
    "latin1",
  );
  await page.locator("#compose-continuing_education-part-0").setInputFiles({ name: "统计表.pdf", mimeType: "application/pdf", buffer: pdf });
  await page.locator(".compose-page").first().waitFor();
  await page.getByRole("button", { name: "合成 PDF", exact: true }).click();
  await page.getByRole("alert").filter({ hasText: "还缺「学时卡」" }).waitFor();
  const found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  await context.close();
});

for (const hash of PAGES) {
  test(`no axe violations on ${hash}`, async () => {
    const { context, page } = await openApp(browser, server.url, hash, AXE);
    const found = await violations(page);
    assert.deepEqual(found, [], JSON.stringify(found, null, 2));
    await context.close();
  });
}

test("no axe violations with errors shown and entries open", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/info", AXE);
  await page.getByRole("button", { name: "添加一条学历" }).click();
  await page.getByRole("link", { name: /^下一步/ }).click();
  await page.locator("#error-summary").waitFor();
  let found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));

  await page.goto(server.url + "#/step/achievements");
  await page.getByRole("button", { name: "添加一年继续教育" }).click();
  await page.getByRole("button", { name: "添加论文著作" }).click();
  await page.locator("#ce-0-professional").fill("五十");
  found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  await context.close();
});

test("no axe violations on 申报人 with a refused name, a rename form and a delete confirmation open", async () => {
  const { context, page } = await openApp(browser, server.url, "#/applicants", AXE);
  await page.getByRole("button", { name: "新建并开始填写" }).click();
  await page.getByText("请填写申报人的姓名或称呼。").waitFor();
  await page.getByRole("button", { name: "改名" }).click();
  await page.getByLabel("新的名称").fill("");
  await page.getByRole("button", { name: "保存名称" }).click();
  await page.locator("#rename-error").waitFor();
  let found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  await page.getByRole("button", { name: "删除" }).click();
  await page.getByRole("button", { name: "确定删除" }).waitFor();
  found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  await context.close();
});

test("keyboard only: create an applicant, and the header names them", async () => {
  const { context, page } = await openApp(browser, server.url, "#/");
  const activeText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
  let presses = 0;
  while ((await activeText()) !== "切换或新建申报人" && presses++ < 40) await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "申报人" }).waitFor();
  presses = 0;
  while ((await page.evaluate(() => document.activeElement?.id)) !== "new-applicant" && presses++ < 40) {
    await page.keyboard.press("Tab");
  }
  await page.keyboard.type("孙七");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "申报演练总览" }).waitFor();
  assert.equal(await page.locator("[data-current-applicant]").textContent(), "孙七");
  await context.close();
});

test("大字模式 is a toggle that this browser remembers", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/info", AXE);
  const toggle = page.getByRole("button", { name: "大字模式" });
  assert.equal(await toggle.getAttribute("aria-pressed"), "false");
  const before = await page.getByLabel("姓名", { exact: true }).evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  await toggle.click();
  assert.equal(await toggle.getAttribute("aria-pressed"), "true");
  await page.reload();
  await page.getByRole("heading", { level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains("large-text")), true);
  const after = await page.getByLabel("姓名", { exact: true }).evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
  assert.ok(after >= before * 1.2, `${before}px → ${after}px`);
  const found = await violations(page);
  assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  await context.close();
});

test("every page fits 320 px without sideways scrolling", async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const hash of PAGES) {
    await page.goto(server.url + hash);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${hash} is ${width}px wide`);
  }
  await context.close();
});

test("keyboard only: overview → step 3 → type → 下一步 → error summary, with visible focus", async () => {
  const { context, page } = await openApp(browser, server.url, "#/");
  const activeText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
  const activeId = () => page.evaluate(() => document.activeElement?.id ?? "");
  let presses = 0;
  while ((await activeText()) !== "填写申报信息" && presses++ < 40) await page.keyboard.press("Tab");
  assert.equal(await activeText(), "填写申报信息");
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { level: 1, name: "填写申报信息" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "main-heading");
  presses = 0;
  while ((await activeId()) !== "name" && presses++ < 40) await page.keyboard.press("Tab");
  assert.equal(await activeId(), "name");
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, "solid", "the focused field shows a focus ring");
  await page.keyboard.type("张三");
  // Tab forward to 下一步 and press Enter: the error summary takes focus.
  presses = 0;
  while (!(await activeText()).startsWith("下一步") && presses++ < 400) await page.keyboard.press("Tab");
  assert.match(await activeText(), /^下一步/);
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.id === "error-summary");
  assert.equal(await page.getByLabel("姓名", { exact: true }).inputValue(), "张三");
  await context.close();
});

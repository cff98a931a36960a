// Step 6 预览确认提交 (issue 7, preview part): open problems as links, answers with 修改 links that
// come back to the preview, and the print layout.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, useServerAndBrowser } from "./support.mjs";

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

test("the preview lists open problems, every answer, and 修改 goes there and back", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("张三");
  await page.goto(server.url + "#/step/preview");
  await page.getByRole("heading", { name: /还有 \d+ 个问题要处理/ }).waitFor();
  const problems = page.locator(".problem-list");
  assert.match(await problems.textContent(), /第 1 步 · 还没有上传证件照/);
  assert.match(await problems.textContent(), /填写申报信息还有 \d+ 项没有填/);
  assert.match(await problems.textContent(), /缺少佐证材料/);

  const nameRow = page.locator(".answer", { has: page.locator("dt", { hasText: /^姓名$/ }) });
  assert.equal((await nameRow.locator("dd").first().textContent()).trim(), "张三");
  const phoneRow = page.locator(".answer", { has: page.locator("dt", { hasText: "手机号码（选填）" }) });
  assert.equal((await phoneRow.locator("dd").first().textContent()).trim(), "未填写");

  await phoneRow.getByRole("link", { name: /修改/ }).click();
  await page.getByRole("heading", { level: 1, name: "填写申报信息" }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "phone");
  // The field is scrolled to the middle of the window, so its label is on screen too.
  const label = await page.locator('label[for="phone"]').boundingBox();
  const height = page.viewportSize().height;
  assert.ok(label.y >= 0 && label.y + label.height <= height, `label at ${label.y}px in a ${height}px window`);
  await page.getByLabel("手机号码").fill("13812345678");
  await page.getByRole("link", { name: "改好了，返回预览" }).first().click();
  await page.getByRole("heading", { level: 1, name: "预览确认提交" }).waitFor();
  assert.equal((await phoneRow.locator("dd").first().textContent()).trim(), "13812345678");

  // A problem link leads to its step.
  await problems.getByRole("link", { name: /还没有上传证件照/ }).click();
  await page.getByRole("heading", { level: 1, name: "上传证件照" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("printing hides the navigation and buttons and adds the plan and date", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/preview");
  await page.getByRole("button", { name: "打印 / 保存为 PDF" }).waitFor();
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".pager").isVisible(), false);
  assert.equal(await page.getByRole("button", { name: "打印 / 保存为 PDF" }).isVisible(), false);
  assert.equal(await page.locator(".answer__edit").first().isVisible(), false);
  const header = page.locator(".print-header");
  assert.equal(await header.isVisible(), true);
  assert.match(await header.textContent(), /2022-00533.*打印日期 \d{4} 年/);
  const pdf = await page.pdf({ format: "A4" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  console.log(`preview printed to ${pages} A4 pages (${Math.round(pdf.length / 1024)} KB)`);
  assert.ok(pages >= 5, `sections start on their own pages: ${pages}`);
  await context.close();
});

test("route advice (初定) is on the overview and the preview too, and the 破格 line shows only for 工程师", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/info");
  const pick = (label, option) => page.getByLabel(label, { exact: true }).selectOption({ label: option });
  await pick("申报级别", "助理工程师");
  await page.getByRole("button", { name: "添加一条学历" }).click();
  await pick("学历层次", "本科");
  await pick("与机电专业相关（相同或相近）", "是");
  await page.getByLabel("毕业日期").fill("2019-06-30");
  await page.getByLabel("从事专业技术工作起始时间").fill("2019-07-01");
  await page.locator("[data-route-hint]", { hasText: "初定" }).first().waitFor();

  await page.goto(server.url + "#/");
  const overview = page.locator("[data-route-hint]", { hasText: "初定" });
  await overview.first().waitFor();
  assert.match(await overview.first().textContent(), /比申报评审更合适/);
  assert.match(await page.locator("[data-overview-eligibility]").textContent(), /^助理工程师：/);

  await page.goto(server.url + "#/step/preview");
  await page.locator(".review-summary [data-route-hint]", { hasText: "初定" }).first().waitFor();
  assert.equal(await page.locator("[data-threshold]").count(), 0, "no 破格 line for 助理工程师");
  assert.doesNotMatch(await page.locator(".review-summary").textContent(), /破格申报线/);

  await page.goto(server.url + "#/step/info");
  await pick("申报级别", "工程师");
  await page.goto(server.url + "#/step/preview");
  await page.locator("[data-threshold]").waitFor();
  assert.match(await page.locator("[data-threshold]").textContent(), /^破格申报线 25 分：还差/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("提交以前和提交以后: linked from the overview and step 6, with the employer's approval, 公示 and the 评审表", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/");
  await page.locator("[data-portal-before]").getByRole("link", { name: "提交以前和提交以后" }).click();
  await page.getByRole("heading", { level: 1, name: "提交以前和提交以后" }).waitFor();
  assert.match(await page.locator("[data-process-before]").textContent(), /业绩档案要先由用人单位登录审核通过/);
  const after = await page.locator("[data-process-after]").textContent();
  for (const words of [/公示 5 个工作日/, /县（市、区）人力社保局审核 → 评委会审核 → 市人力社保局复审/, /导出评审表/, /盖章/]) {
    assert.match(after, words);
  }
  await page.goto(server.url + "#/step/preview");
  await page.locator("[data-process-link]").getByRole("link", { name: "提交以后还要做什么" }).click();
  await page.getByRole("heading", { level: 1, name: "提交以前和提交以后" }).waitFor();
  assert.equal(await page.title(), "提交以前和提交以后 - 职称申报演练");
  await page.goto(server.url + "#/step/achievements");
  await page.locator("[data-portal-note]", { hasText: "由用人单位审核通过后" }).waitFor();
  await page.goto(server.url + "#/step/photo");
  await page.locator("[data-portal-note]", { hasText: "自动带出你身份证上的照片" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("the 评审计划 is asked first on the overview, as the portal asks it before step 1, and step 3 shows the same", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/", { today: "2026-12-07T10:00:00+08:00" });
  const plan = page.locator(".overview-plan").getByLabel("评审计划", { exact: true });
  const options = await plan.locator("option").allTextContents();
  assert.ok(options.includes("2022 年度（编号 2022-00533）"), options.join("|"));
  await plan.selectOption({ label: "2022 年度（编号 2022-00533）" });
  await page.locator("[data-overview-round]", { hasText: "2022 年度" }).waitFor();
  await page.goto(server.url + "#/step/info");
  const inStep3 = page.getByLabel("评审计划", { exact: true });
  await inStep3.waitFor();
  assert.equal(await inStep3.locator("option:checked").textContent(), "2022 年度（编号 2022-00533）");
  assert.deepEqual(errors, []);
  await context.close();
});

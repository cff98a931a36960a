// Steps 2 and 3 (issue 5): the application form, the live eligibility panel, validation on 下一步
// with a focused error summary, and everything typed surviving a reload.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, useServerAndBrowser } from "./support.mjs";

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

async function pick(page, label, option) {
  await page.getByLabel(label, { exact: true }).selectOption({ label: option });
}

/** A 助理工程师 applicant: related 大专, 技术员 since 2021-10-31 (1 year 2 months to 2022-12-31). */
async function fillAssistantEngineer(page) {
  await page.getByLabel("姓名", { exact: true }).fill("张三");
  await pick(page, "性别", "男");
  await page.getByLabel("民族").fill("汉族");
  await page.getByLabel("出生日期").fill("1995年3月7日");
  await pick(page, "政治面貌", "群众");
  await page.getByLabel("参加工作时间").fill("2016/7/1");
  await pick(page, "所在单位性质", "民营企业/非公有制单位");
  await page.getByLabel("现工作单位名称").fill("温州某机电有限公司");
  await page.getByLabel("单位地址").fill("温州市鹿城区");
  await page.getByLabel("工作部门").fill("技术部");
  await page.getByLabel("工作岗位").fill("机械设计");
  await pick(page, "申报级别", "助理工程师");
  await pick(page, "申报方式", "正常申报");
  await page.getByLabel("现从事专业").fill("机械设计");
  await page.getByLabel("受理点").selectOption({ index: 1 });
  await page.getByRole("button", { name: "添加一条学历" }).click();
  await pick(page, "学历层次", "大专");
  await page.getByLabel("学校").fill("温州职业技术学院");
  await page.getByLabel("所学专业").fill("机电一体化技术");
  await pick(page, "与机电专业相关（相同或相近）", "是");
  await page.getByLabel("毕业日期").fill("2016-06-30");
  await pick(page, "学历取得地", "境内");
  await page.getByRole("button", { name: "添加一条工作经历" }).click();
  await page.getByLabel("工作单位", { exact: true }).fill("温州某机电有限公司");
  await page.getByLabel("开始时间", { exact: true }).fill("2016-07-01");
  await pick(page, "工作性质", "相关专业技术工作");
  await page.getByLabel("从事专业技术工作起始时间").fill("2016-07-01");
  await page.getByLabel("申报截止前在温州缴纳社保的月数").fill("７２");
  await pick(page, "现有机电专业职称", "技术员");
  await page.getByLabel("现有职称取得时间").fill("2021-10-31");
  await pick(page, "资格类型", "专业技术职务任职资格");
  // 资格名称 and 取得时间 come from 现有职称 (issue 16): only the 发证机关 is asked.
  await page.getByLabel("发证机关").fill("温州市人力资源和社会保障局");
  await pick(page, "专业技术职务聘任情况", "无");
}

test("a related 大专 with 技术员 held 1 year 2 months meets 第九条（一）, 11 months does not", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/info");
  await fillAssistantEngineer(page);
  const route = page.locator('[data-route="9.1.a"]');
  await route.waitFor();
  assert.equal(await route.getAttribute("data-status"), "met");
  assert.match(await route.textContent(), /第九条（一）/);
  assert.match(await page.getByTestId("acceptance-phone").textContent(), /电话/);

  // 11 months before the 资历 cut-off 2022-12-31.
  await page.getByLabel("现有职称取得时间").fill("2022-01-31");
  await page.locator('[data-route="9.1.a"][data-status="not-met"]').waitFor();
  assert.match(await route.textContent(), /还差 1 个月/);

  // Every problem is fixed: 下一步 moves on without an error summary.
  await page.getByLabel("现有职称取得时间").fill("2021-10-31");
  await page.getByRole("link", { name: /^下一步/ }).click();
  await page.getByRole("heading", { level: 1, name: "选择相关业绩" }).waitFor();
  assert.deepEqual(errors, []);

  // Reload: every field as typed, including the full-width number and the 年月日 date.
  await page.goto(server.url + "#/step/info");
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "填写申报信息" }).waitFor();
  assert.equal(await page.getByLabel("出生日期").inputValue(), "1995年3月7日");
  assert.equal(await page.getByLabel("参加工作时间").inputValue(), "2016/7/1");
  assert.equal(await page.getByLabel("申报截止前在温州缴纳社保的月数").inputValue(), "７２");
  assert.equal(await page.getByLabel("学校").inputValue(), "温州职业技术学院");
  assert.equal(await page.getByLabel("资格名称").inputValue(), "技术员");
  assert.equal(await page.getByLabel("申报级别", { exact: true }).evaluate((s) => s.selectedOptions[0].textContent), "助理工程师");
  assert.equal(await page.locator('[data-route="9.1.a"]').getAttribute("data-status"), "met");
  await page.goto(server.url + "#/");
  const status = page.locator(".task-list__item", { hasText: "填写申报信息" }).locator(".status");
  assert.equal((await status.textContent()).trim(), "已完成");
  await context.close();
});

test("下一步 with an empty 姓名 shows a focused error summary that links to the field", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/info");
  await fillAssistantEngineer(page);
  await page.getByLabel("姓名", { exact: true }).fill("");
  await page.getByLabel("申报截止前在温州缴纳社保的月数").fill("六十");
  // Typing shows no errors yet.
  assert.equal(await page.locator(".error-summary").count(), 0);
  await page.getByRole("link", { name: /^下一步/ }).click();
  const summary = page.locator("#error-summary");
  await summary.waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "error-summary");
  assert.match(await page.title(), /^错误：/);
  assert.match(await summary.textContent(), /请填写姓名/);
  assert.match(await summary.textContent(), /「六十」不是整数/);
  assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "填写申报信息");
  await summary.getByRole("link", { name: "请填写姓名" }).click();
  await page.waitForFunction(() => document.activeElement?.id === "name");
  // The wrong value stays as typed.
  assert.equal(await page.getByLabel("申报截止前在温州缴纳社保的月数").inputValue(), "六十");
  // Fixing it clears the summary and the title.
  await page.getByLabel("姓名", { exact: true }).fill("张三");
  await page.getByLabel("申报截止前在温州缴纳社保的月数").fill("60");
  await summary.waitFor({ state: "detached" });
  assert.doesNotMatch(await page.title(), /^错误：/);
  await context.close();
});

test("an 资格类型 that does not fit the route is flagged next to the field", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/info");
  await fillAssistantEngineer(page);
  await pick(page, "资格类型", "无");
  await page.getByRole("link", { name: /^下一步/ }).click();
  await page.locator("#qualification-type-error", { hasText: "资格类型应选「专业技术职务任职资格」" }).waitFor();
  await context.close();
});

test("the title is typed once: 资格类型 专业技术职务任职资格 takes 现有职称 and its date, and asks only for the 发证机关", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/info");
  await pick(page, "现有机电专业职称", "技术员");
  await page.getByLabel("现有职称取得时间").fill("2021-03-15");
  await pick(page, "资格类型", "专业技术职务任职资格");
  assert.equal(await page.locator("#qual-0-name").inputValue(), "技术员");
  assert.equal(await page.locator("#qual-0-date").inputValue(), "2021-03-15");
  assert.equal(await page.locator("#qual-0-authority").inputValue(), "");
  await page.locator("[data-qualification-from-title]").waitFor();
  // A date corrected in 现有职称 follows; the 发证机关 typed stays.
  await page.locator("#qual-0-authority").fill("温州市人力资源和社会保障局");
  await page.getByLabel("现有职称取得时间").fill("2021-03-16");
  assert.equal(await page.locator("#qual-0-date").inputValue(), "2021-03-16");
  assert.equal(await page.locator("#qual-0-authority").inputValue(), "温州市人力资源和社会保障局");
  await page.getByRole("link", { name: /^下一步/ }).click();
  const summary = await page.locator("#error-summary").textContent();
  assert.doesNotMatch(summary, /资格证书|资格的名称|资格的取得时间|资格的发证机关/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the pledge needs the box, the same name and a date", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("张三");
  await page.goto(server.url + "#/step/pledge");
  await page.getByText(/第二十一条/).first().waitFor();
  await page.getByLabel("本人已阅读并承诺").check();
  await page.getByLabel("承诺人姓名").fill("张叁");
  await page.getByRole("button", { name: "填入今天的日期" }).click();
  await page.getByRole("link", { name: /^下一步/ }).click();
  await page.locator("#error-summary", { hasText: "与填写申报信息中的姓名「张三」不一致" }).waitFor();
  await page.getByLabel("承诺人姓名").fill("张三");
  await page.locator("#error-summary").waitFor({ state: "detached" });
  await page.goto(server.url + "#/");
  const status = page.locator(".task-list__item", { hasText: "真实性保证书" }).locator(".status");
  assert.equal((await status.textContent()).trim(), "已完成");
  await context.close();
});

test("deleting an education or work entry leaves focus on its 添加 button, not the page body", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/info");
  for (const [add, remove, addId] of [
    ["添加一条学历", "删除第 2 条学历", "education-add"],
    ["添加一条工作经历", "删除第 2 条工作经历", "work-add"],
  ]) {
    await page.getByRole("button", { name: add }).click();
    await page.getByRole("button", { name: add }).click();
    await page.getByRole("button", { name: remove }).click();
    await page.waitForFunction((id) => document.activeElement?.id === id, addId);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// Foundation journeys (issue 2): the shell, step URLs, the draft surviving reloads, damaged
// storage, 重新开始 and a failing storage — on the release build, in Debian's chromium.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, useServerAndBrowser } from "./support.mjs";

const DRAFT_KEY = "zhicheng-yanlian.draft";
const STEPS = [
  ["photo", "上传证件照"],
  ["pledge", "真实性保证书"],
  ["info", "填写申报信息"],
  ["achievements", "选择相关业绩"],
  ["attachments", "上传相关附件"],
  ["preview", "预览确认提交"],
];

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

async function statusOf(page, title) {
  const row = page.locator(".task-list__item", { hasText: title });
  return (await row.locator(".status").textContent()).trim();
}

test("the overview lists the six portal steps with their status and the rehearsal banner", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  await assert.doesNotReject(page.getByText("职称申报演练", { exact: true }).first().waitFor());
  await page
    .getByText("本工具仅供演练，所填内容只保存在本机浏览器，不会上传。")
    .waitFor();
  const titles = await page.locator(".task-list__link").allTextContents();
  assert.deepEqual(
    titles,
    STEPS.map(([, title]) => title),
  );
  for (const [, title] of STEPS) assert.equal(await statusOf(page, title), "未开始");
  assert.deepEqual(errors, []);
  await context.close();
});

test("every step URL survives a reload on a static server at a sub-path", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  for (const [index, [slug, title]] of STEPS.entries()) {
    await page.goto(`${server.url}#/step/${slug}`);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByText(`第 ${index + 1} 步，共 6 步`).waitFor();
    assert.equal(await page.getByRole("link", { name: "返回总览" }).count(), 1);
    assert.equal(await page.getByRole("link", { name: /^上一步/ }).count(), index === 0 ? 0 : 1);
    assert.equal(await page.getByRole("link", { name: /^下一步/ }).count(), index === 5 ? 0 : 1);
  }
  // The pager moves between steps without a server round trip.
  await page.getByRole("link", { name: /^上一步/ }).click();
  await page.getByRole("heading", { level: 1, name: "上传相关附件" }).waitFor();
  await page.getByRole("link", { name: "返回总览" }).click();
  await page.getByRole("heading", { level: 1, name: "申报演练总览" }).waitFor();
  // No request ever left the sub-path: no rewrite rule was needed.
  const outside = server.requests.filter((path) => !path.startsWith("/association/tools/zhicheng/"));
  assert.deepEqual(outside, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("what is typed on step 3 is saved and comes back after a reload", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/info");
  await page.getByLabel("姓名").fill("张三");
  await page.getByLabel("工作部门").fill("研发部");
  await page.getByLabel("性别").selectOption("男");
  await page.getByText(/已自动保存 \d\d:\d\d:\d\d/).waitFor();
  // A reload in the same sitting brings everything back without a notice about it (issue 16)…
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "填写申报信息" }).waitFor();
  assert.equal(await page.getByLabel("姓名").inputValue(), "张三");
  assert.equal(await page.getByText("已恢复上次填写的内容").count(), 0);
  // …coming back to a draft saved in an earlier sitting says so, and when it was saved.
  await page.evaluate(() => {
    const roster = JSON.parse(localStorage.getItem("zhicheng-yanlian.roster"));
    roster.applicants[0].saved_at = "2022-08-31 18:00";
    localStorage.setItem("zhicheng-yanlian.roster", JSON.stringify(roster));
  });
  await page.reload();
  await page.getByText("已恢复上次填写的内容（最后保存于 2022-08-31 18:00）。").waitFor();
  assert.equal(await page.getByLabel("姓名").inputValue(), "张三");
  assert.equal(await page.getByLabel("工作部门").inputValue(), "研发部");
  assert.equal(await page.getByLabel("性别").evaluate((s) => s.selectedOptions[0].textContent), "男");
  await page.goto(server.url + "#/");
  assert.equal(await statusOf(page, "填写申报信息"), "进行中");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a reload right after typing loses nothing (the pending save is flushed)", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/info");
  await page.getByLabel("单位地址").fill("温州市鹿城区");
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "填写申报信息" }).waitFor();
  assert.equal(await page.getByLabel("单位地址").inputValue(), "温州市鹿城区");
  await context.close();
});

test("wrong dates are explained after 下一步 and the overview says 有问题", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/info");
  await page.getByLabel("出生日期").fill("1990-05-01");
  await page.getByLabel("参加工作时间").fill("1989-07-01");
  // Nothing is shown while typing…
  assert.equal(await page.getByText("参加工作时间早于出生日期，请检查两个日期").count(), 0);
  // …only once the applicant moves on.
  await page.getByRole("link", { name: /^下一步/ }).click();
  await page.locator("#work-start-date-error", { hasText: "参加工作时间早于出生日期，请检查两个日期" }).waitFor();
  assert.equal(await page.getByLabel("参加工作时间").getAttribute("aria-invalid"), "true");
  await page.goto(server.url + "#/");
  assert.equal(await statusOf(page, "填写申报信息"), "有问题");
  await context.close();
});

test("a damaged stored draft is kept aside, explained and downloadable", async () => {
  const { context, page, errors } = await openApp(browser, server.url);
  const damaged = '{"version":1,"basic":{"name":"李';
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [DRAFT_KEY, damaged]);
  await page.reload();
  await page.getByRole("heading", { name: "上次保存的内容无法读取" }).waitFor();
  await page.getByText(/保存的内容已损坏/).waitFor();
  const backups = await page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith("zhicheng-yanlian.damaged."))
      .map((key) => localStorage.getItem(key)),
  );
  assert.deepEqual(backups, [damaged]);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: /下载原来的数据/ }).click(),
  ]);
  assert.equal(download.suggestedFilename(), "职称申报演练-损坏的草稿.json");
  // The app works on from an empty draft, and the backup survives the next save.
  await page.goto(server.url + "#/step/info");
  await page.getByLabel("姓名").fill("王五");
  await page.getByText(/已自动保存/).waitFor();
  const kept = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith("zhicheng-yanlian.damaged.")).length,
  );
  assert.equal(kept, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a draft from a future version is not silently dropped", async () => {
  const { context, page } = await openApp(browser, server.url);
  await page.evaluate(
    (key) => localStorage.setItem(key, JSON.stringify({ version: 99, basic: { name: "赵六" } })),
    DRAFT_KEY,
  );
  await page.reload();
  await page.getByText(/来自更新版本的本工具（数据版本 99/).waitFor();
  await context.close();
});

test("重新开始 clears the draft only after confirmation", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/info");
  await page.getByLabel("姓名").fill("张三");
  await page.getByText(/已自动保存/).waitFor();

  await page.getByRole("button", { name: "重新开始" }).click();
  await page.waitForFunction(() => document.activeElement?.id === "restart-confirm");
  await page.getByRole("button", { name: "取消" }).click();
  await page.waitForFunction(() => document.activeElement?.id === "restart-button");
  // Escape closes it as 取消 does.
  await page.getByRole("button", { name: "重新开始" }).click();
  await page.waitForFunction(() => document.activeElement?.id === "restart-confirm");
  await page.keyboard.press("Escape");
  await page.locator("#restart-confirm").waitFor({ state: "detached" });
  await page.waitForFunction(() => document.activeElement?.id === "restart-button");
  assert.equal(await page.getByLabel("姓名").inputValue(), "张三");
  assert.notEqual(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY), null);

  await page.getByRole("button", { name: "重新开始" }).click();
  await page.getByText("确定要清空申报人「张三」的全部填写内容和文件，从头开始吗？").waitFor();
  await page.getByRole("button", { name: "确定清空" }).click();
  await page.getByRole("heading", { level: 1, name: "申报演练总览" }).waitFor();
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY), null);
  assert.equal(await page.locator("[data-current-applicant]").textContent(), "未命名申报人 1");
  await page.getByText("已清空申报人「张三」的全部填写内容，可以从第 1 步重新开始。").waitFor();
  await page.goto(server.url + "#/step/info");
  assert.equal(await page.getByLabel("姓名").inputValue(), "");
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "填写申报信息" }).waitFor();
  assert.equal(await page.getByText("已恢复上次填写的内容。").count(), 0);
  await context.close();
});

test("a browser that refuses to save gets a clear message", async () => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("quota", "QuotaExceededError");
    };
  });
  const page = await context.newPage();
  await page.goto(server.url + "#/step/info");
  await page.getByLabel("姓名").fill("张三");
  await page.getByText(/未能保存：浏览器存储空间已满，刚才的修改没有保存/).waitFor();
  await context.close();
});

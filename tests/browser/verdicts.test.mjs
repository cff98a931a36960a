// Issue 13: the verdicts READING.md fixed after the independent check, as an applicant sees them —
// a 转评 applicant's older achievements (case 2), an education after the achievements cut-off
// (case 4), 山区县 years capped by the professional years (cases 7 and 8), the skill-certificate
// history and dated honours, and a version-1 draft opening in this version; and (issue 14) one
// assessment per draft change however many pages show it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, useServerAndBrowser } from "./support.mjs";

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

const DRAFT_KEY = "zhicheng-yanlian.draft";

/** Opens the app with `draft` stored, as if saved by an earlier visit, on `hash`. */
async function openWith(draft, hash) {
  const opened = await openApp(browser, server.url, "#/");
  await opened.page.evaluate(([key, text]) => localStorage.setItem(key, text), [DRAFT_KEY, JSON.stringify(draft)]);
  await opened.page.goto(server.url + hash);
  await opened.page.reload();
  await opened.page.getByRole("heading", { level: 1 }).waitFor();
  return opened;
}

const line = (page, item) => page.locator(`[data-line-item="${item}"]`);

test("case 4: a 研究生 of 2022-08-01 meets no 第八条 route and scores no 学历 in the 2022 round; of 2022-07-31 it does", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/info");
  await page.getByLabel("申报级别", { exact: true }).selectOption({ label: "技术员" });
  await page.getByRole("button", { name: "添加一条学历" }).click();
  await page.getByLabel("学历层次").selectOption({ label: "研究生（硕士）" });
  await page.getByLabel("所学专业").fill("机械工程");
  await page.getByLabel("与机电专业相关（相同或相近）").selectOption({ label: "是" });
  await page.getByLabel("毕业日期").fill("2022-08-01");
  await page.getByLabel("从事专业技术工作起始时间").fill("2010-01-01");
  const route = page.locator('[data-route="8.1.a"]');
  await page.locator('[data-route="8.1.a"][data-status="not-met"]').waitFor();
  assert.match(await route.textContent(), /学历取得于 2022-08-01，晚于本年度业绩截止日 2022-07-31，本次不计（第八条（一））/);

  await page.goto(server.url + "#/step/achievements");
  await line(page, "学历").waitFor();
  assert.match(await line(page, "学历").textContent(), /^0.*研究生（硕士）学历取得于 2022-08-01，晚于本年度业绩截止日 2022-07-31，本次不计/);

  await page.goto(server.url + "#/step/info");
  await page.getByLabel("毕业日期").fill("2022-07-31");
  await page.locator('[data-route="8.1.a"][data-status="met"]').waitFor();
  assert.doesNotMatch(await route.textContent(), /本次不计/);
  await page.goto(server.url + "#/step/achievements");
  await line(page, "学历").filter({ hasText: "+5" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("case 2: a 转评 engineer's 2018 paper does not count after the other-specialty title of 2020-01-01", async () => {
  const { context, page, errors } = await openWith(
    {
      version: 2,
      applicant: {
        plan_year: 2022,
        level: "engineer",
        mode: "transfer",
        current_title: "no_title",
        other_title: "engineer",
        other_title_date: "2020-01-01",
        other_title_specialty: "化工",
        achievements: [{ row: "paper.core", title: "论文甲", rank: 1, date: "2018-05-01", selected: true }],
      },
    },
    "#/step/achievements",
  );
  const total = page.locator('[data-total="achievements"]');
  await total.waitFor();
  assert.equal((await total.textContent()).trim(), "0 / 35");
  assert.match(await page.locator('[data-entry-score="0"]').textContent(), /2020-01-01|任现职/);
  // Dated on the day of the title, it counts: 10 points.
  await page.locator("#ach-0-date").fill("2020-01-01");
  await page.locator('[data-total="achievements"]', { hasText: "10 / 35" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("cases 7 and 8: 8 years claimed in 文成 with professional work since 2020-06-01 add 1 point; without a start date none, and the app asks for it", async () => {
  const { context, page, errors } = await openWith(
    {
      version: 2,
      applicant: { plan_year: 2022, level: "technician", professional_start_date: "2020-06-01", mountain_years: 8, mountain_county: "文成" },
      form: { mountain_years: "8" },
    },
    "#/step/achievements",
  );
  const bonus = page.locator('[data-total="bonus"]');
  await bonus.waitFor();
  assert.equal((await bonus.textContent()).trim(), "1 / 3");
  assert.match(await line(page, "山区县加分").textContent(), /^\+1/);

  await page.goto(server.url + "#/step/info");
  await page.getByLabel("从事专业技术工作起始时间").fill("");
  await page.goto(server.url + "#/step/achievements");
  await page.locator('[data-total="bonus"]', { hasText: "0 / 3" }).waitFor();
  assert.match(await line(page, "山区县加分").textContent(), /填写后才能计算山区县加分/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("skill certificates: a 高级工 of 2015 and a 技师 of 2021 meet 第九条（二） from 2015; an honour after the cut-off does not open 第九条（三）", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/info");
  await page.getByLabel("申报级别", { exact: true }).selectOption({ label: "助理工程师" });
  await page.getByLabel("有没有职业技能等级证书").selectOption({ label: "是" });
  await page.locator("#skill-0-level").selectOption({ label: "技师（二级）" });
  await page.locator("#skill-0-related").selectOption({ label: "是" });
  await page.locator("#skill-0-date").fill("2021-06-01");
  await page.getByRole("button", { name: "添加一张技能等级证书" }).click();
  await page.locator("#skill-1-level").selectOption({ label: "高级工（三级）" });
  await page.locator("#skill-1-trade").fill("钳工");
  await page.locator("#skill-1-related").selectOption({ label: "是" });
  await page.locator("#skill-1-date").fill("2015-06-01");
  const skillRoute = page.locator('[data-route="9.2"]');
  await page.locator('[data-route="9.2"][data-status="met"]').waitFor();
  assert.match(await skillRoute.textContent(), /自 2015-06-01 起/);
  assert.match(await skillRoute.textContent(), /按最早达到该等级的证书（高级工（三级） 2015-06-01）计/);

  // 技能荣誉 are folded until one is ticked.
  await page.locator("summary", { hasText: "技能荣誉（选填）" }).click();
  await page.getByLabel("浙江省技术能手", { exact: true }).check();
  await page.getByLabel("「浙江省技术能手」取得时间").fill("2022-08-01");
  const honourRoute = page.locator('[data-route="9.3"]');
  await page.locator('[data-route="9.3"][data-status="not-met"]').waitFor();
  assert.match(await honourRoute.textContent(), /「浙江省技术能手」取得于 2022-08-01，晚于本年度业绩截止日 2022-07-31，本次不计（第九条（三））/);
  await page.getByLabel("「浙江省技术能手」取得时间").fill("2022-07-31");
  await page.locator('[data-route="9.3"][data-status="met"]').waitFor();

  // Everything survives a reload.
  await page.waitForFunction(() => (localStorage.getItem("zhicheng-yanlian.draft") ?? "").includes("2022-07-31"));
  await page.reload();
  await page.getByRole("heading", { level: 1, name: "填写申报信息" }).waitFor();
  assert.equal(await page.locator("#skill-1-date").inputValue(), "2015-06-01");
  assert.equal(await page.locator("#skill-1-trade").inputValue(), "钳工");
  assert.equal(await page.getByLabel("「浙江省技术能手」取得时间").inputValue(), "2022-07-31");
  // The score takes the highest related certificate.
  await page.goto(server.url + "#/step/achievements");
  await line(page, "技能等级").filter({ hasText: "+3" }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("a draft saved by version 1 opens with its certificate in the list and asks for the honour's date", async () => {
  const { context, page, errors } = await openWith(
    {
      version: 1,
      basic: { name: "陈一" },
      applicant: {
        plan_year: 2022,
        level: "assistant_engineer",
        mode: "skilled_talent",
        skill_level: "advanced",
        skill_date: "2019-09-01",
        skill_related: "yes",
        skill_honours: ["zhejiang_tech_expert"],
      },
    },
    "#/step/info",
  );
  await page.getByText("已从旧版本（数据版本 1）升级到当前版本").waitFor();
  assert.equal(await page.locator("#skill-0-date").inputValue(), "2019-09-01");
  assert.equal(await page.locator("#skill-0-level option:checked").textContent(), "高级工（三级）");
  assert.ok(await page.getByLabel("浙江省技术能手", { exact: true }).isChecked());
  await page.locator('[data-route="9.3"][data-status="missing"]').waitFor();
  assert.match(await page.locator('[data-route="9.3"]').textContent(), /请填写「浙江省技术能手」的取得时间/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("one assessment per draft change, however many pages and panels show it", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/info");
  const count = async () => Number(await page.locator("body").getAttribute("data-assessments"));
  const name = page.getByLabel("姓名", { exact: true });
  await name.fill("张");
  await page.waitForFunction(() => document.body.dataset.assessments !== undefined);
  await page.waitForTimeout(100);
  const first = await count();
  // Leaving step 3 changes nothing in the draft (issue 16: no red on return); the overview shows
  // six statuses and the round from the same assessment, and computes none of its own.
  await page.goto(server.url + "#/");
  await page.locator('[data-status]').first().waitFor();
  await page.waitForTimeout(200);
  await page.goto(server.url + "#/step/info");
  await name.fill("张三");
  await page.waitForFunction((expected) => Number(document.body.dataset.assessments) >= expected, first + 1);
  await page.waitForTimeout(200);
  assert.equal(await count(), first + 1);
  assert.deepEqual(errors, []);
  await context.close();
});

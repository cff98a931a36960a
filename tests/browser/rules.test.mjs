// The association's rules file (issue 12): rules/wenzhou-jidian.json in the deployed folder is read
// at start and checked; an edited file changes dates, lists, verdicts and scores with no rebuild;
// a broken or missing one leaves the app on its built-in rules with a strip on every page;
// offline after one visit still uses the file; 规则数据 checks a candidate file and names the
// changes; today's date picks the round.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { DIST, launchBrowser, openApp, startStaticServer } from "./support.mjs";

const RULES = "rules/wenzhou-jidian.json";
const builtIn = () => JSON.parse(readFileSync(join(DIST, RULES), "utf8"));

/** The built-in rules with a published 2026 round, as a new notice would change them. */
function rules2026() {
  const rules = builtIn();
  const plan = structuredClone(rules.plans[0]);
  Object.assign(plan, {
    year: 2026,
    code: "2026-00777",
    name: "2026年度温州市企业人员机电专业中、初级专业技术职务任职资格评审申报计划",
    notice: "温职改办〔2026〕9号",
    application_start: "2026-07-15",
    application_end: "2026-09-30",
    unit_deadline: "2026-10-15",
    seniority_cutoff: "2026-12-31",
    achievements_cutoff: "2026-06-30",
    evaluation_years: [2025, 2024, 2023],
    continuing_education_years: [2026, 2025, 2024, 2023],
  });
  // One county removed, one added; one 受理点 phone changed.
  plan.mountain_counties = plan.mountain_counties.filter((c) => c.county !== "文成");
  plan.mountain_counties.push({ city: "温州市", county: "瑞安", suffix: "市" });
  plan.wenzhou_mountain_counties = plan.wenzhou_mountain_counties.filter((c) => c !== "文成");
  plan.acceptance_points[1].phones = ["0577-88990999"];
  rules.plans.push(plan);
  // One score row changed: 核心期刊论文 第1-5名 12→4 instead of 10→2.
  const core = rules.conditions.score_table.rows.find((r) => r.id === "paper.core");
  core.ladder = [{ from: 1, to: 5, top: 12, bottom: 4, step: 2 }];
  // One route's years changed.
  rules.conditions.routes.find((r) => r.id === "8.1.a").years = 5;
  return rules;
}

/** A copy of dist/ whose rules file is `text` (or none at all when null). */
function distWithRules(text) {
  const root = mkdtempSync(join(tmpdir(), "dist-rules-"));
  cpSync(DIST, root, { recursive: true });
  if (text === null) rmSync(join(root, RULES));
  else writeFileSync(join(root, RULES), text);
  return root;
}

let browser;
const servers = [];
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  for (const s of servers) await s.close().catch(() => {});
});

async function serve(text) {
  const server = await startStaticServer(0, distWithRules(text));
  servers.push(server);
  return server;
}

async function pick(page, label, option) {
  await page.getByLabel(label, { exact: true }).selectOption({ label: option });
}

/** Just what 第九条（一） reads: 助理工程师, a related 大专, 技术员 since `since`. */
async function fillTechnicianSince(page, since) {
  await pick(page, "申报级别", "助理工程师");
  await page.getByRole("button", { name: "添加一条学历" }).click();
  await pick(page, "学历层次", "大专");
  await page.getByLabel("所学专业").fill("机电一体化技术");
  await pick(page, "与机电专业相关（相同或相近）", "是");
  await page.getByLabel("毕业日期").fill("2016-06-30");
  await page.getByLabel("从事专业技术工作起始时间").fill("2016-07-01");
  await pick(page, "现有机电专业职称", "技术员");
  await page.getByLabel("现有职称取得时间").fill(since);
}

test("with the built-in file, today's round on 2026-12-06 is 2027, derived and marked so; reading and checking the file is timed", async () => {
  const server = await serve(readFileSync(join(DIST, RULES), "utf8"));
  const { context, page, errors } = await openApp(browser, server.url, "#/", { today: "2026-12-06T09:00:00+08:00" });
  const round = page.locator("[data-overview-round]");
  await round.waitFor();
  assert.match(await round.textContent(), /^按 2027 年度核对。/);
  assert.match(await round.textContent(), /2027 年度按往年规律推算，正式通知发布后以通知为准；受理点、山区县名单沿用 2022 年度/);
  assert.equal(await page.locator("[data-rules-strip]").count(), 0, "a valid file: no strip");
  const fetchMs = Number(await page.evaluate(() => document.documentElement.dataset.rulesFetchMs));
  const checkUs = Number(await page.evaluate(() => document.documentElement.dataset.rulesCheckUs));
  console.log(`rules file at start: fetched in ${fetchMs} ms, checked and installed in ${(checkUs / 1000).toFixed(1)} ms`);
  assert.ok(checkUs / 1000 <= 50, `checking took ${checkUs} µs`);

  // Step 3 offers the derived round and the published one; the derived one is explained.
  await page.goto(server.url + "#/step/info");
  const plan = page.getByLabel("评审计划", { exact: true });
  await plan.waitFor();
  const options = await plan.locator("option").allTextContents();
  assert.deepEqual(options.slice(1, 3), ["2027 年度（按往年规律推算，以正式通知为准）", "2026 年度（按往年规律推算，以正式通知为准）"]);
  assert.ok(options.includes("2022 年度（编号 2022-00533）"), options.join("|"));
  assert.match(await page.locator("[data-plan-note]").textContent(), /沿用 2022 年度/);

  // A draft keeps its round: once started on 2027 it stays on 2027 after a reload.
  await page.getByLabel("姓名", { exact: true }).fill("周十");
  await page.waitForFunction(() => (localStorage.getItem("zhicheng-yanlian.draft") ?? "").includes('"plan_year":2027'));
  await page.reload();
  await plan.waitFor();
  assert.equal(await plan.locator("option:checked").textContent(), "2027 年度（按往年规律推算，以正式通知为准）");
  assert.deepEqual(errors, []);
  await context.close();
});

test("an edited file for a 2026 round changes dates, lists, verdicts and scores with no rebuild", async () => {
  const server = await serve(JSON.stringify(rules2026(), null, 2));
  const { context, page, errors } = await openApp(browser, server.url, "#/step/info", { today: "2026-08-01T09:00:00+08:00" });
  const plan = page.getByLabel("评审计划", { exact: true });
  await plan.waitFor();
  assert.equal(await plan.locator("option:checked").textContent(), "2026 年度（编号 2026-00777）");
  assert.equal(await page.locator("[data-plan-note]").count(), 0, "a published round is not marked derived");
  assert.equal(await page.locator("[data-rules-strip]").count(), 0);

  // The changed phone, the changed county list.
  await page.getByLabel("受理点").selectOption({ index: 2 });
  await page.getByTestId("acceptance-phone").filter({ hasText: "0577-88990999" }).waitFor();
  const counties = await page.locator("#mountain-county option").allTextContents();
  assert.ok(counties.includes("瑞安（温州市）"), counties.join("|"));
  assert.ok(!counties.some((c) => c.startsWith("文成")), counties.join("|"));

  // 技术员 since 2025-12-31 holds 1 year on the 2026 cut-off 2026-12-31: 第九条（一） is met.
  await fillTechnicianSince(page, "2025-12-31");
  const route = page.locator('[data-route="9.1.a"]');
  await page.locator('[data-route="9.1.a"][data-status="met"]').waitFor();
  assert.match(await route.textContent(), /第九条（一）/);
  // One day later it is not, and the app says when it opens: the 2027 round, derived from 2026.
  await page.getByLabel("现有职称取得时间").fill("2026-01-01");
  await page.locator('[data-route="9.1.a"][data-status="not-met"]').waitFor();
  assert.match(
    await route.locator("[data-opens]").textContent(),
    /^按现有条件，2027 年度可走第九条（一）（届时取得技术员资格后实际从事技术员工作满 1 年）；2027 年度按往年规律推算，以正式通知为准$/,
  );
  await page.goto(server.url + "#/");
  await page.locator("[data-overview-openings]", { hasText: "2027 年度可走第九条（一）" }).waitFor();

  // The changed score row: a 核心期刊 paper ranked first scores 12, not 10.
  await page.goto(server.url + "#/step/achievements");
  await page.getByRole("button", { name: "添加论文著作" }).click();
  const entry = page.locator("fieldset[data-entry]").last();
  const index = await entry.getAttribute("data-entry");
  await page.locator(`#ach-${index}-row`).selectOption({ label: "核心期刊论文" });
  await page.locator(`#ach-${index}-title`).fill("论文甲");
  await page.locator(`#ach-${index}-rank`).fill("1");
  await page.locator(`#ach-${index}-date`).fill("2026-03-01");
  await page.locator(`[data-entry-score="${index}"]`, { hasText: "计 12 分" }).waitFor();

  // 规则数据 shows the file in use, its round and its changed route years.
  await page.goto(server.url + "#/rules");
  await page.locator('[data-rules-source="file"]').waitFor();
  assert.match(await page.locator('[data-plan-year="2026"]').textContent(), /2026-09-30/);
  assert.match(await page.locator('[data-route-years="8.1.a"]').textContent(), /5 年/);
  assert.match(await page.locator('[data-score-row="paper.core"]').textContent(), /第1-5名 12→4/);
  assert.deepEqual(errors, []);
  await context.close();
});

const broken = [
  ["a syntax error", (text) => text.replace('"schema": 1,', '"schema": 1'), /第 \d+ 行第 \d+ 列：这里不是有效的 JSON/],
  ["a missing field", (text) => { const r = JSON.parse(text); delete r.plans[0].unit_deadline; return JSON.stringify(r); }, /plans\[0\]\.unit_deadline：缺少这个字段/],
  ["an impossible date", (text) => { const r = JSON.parse(text); r.plans[0].seniority_cutoff = "2022-13-01"; return JSON.stringify(r); }, /plans\[0\]\.seniority_cutoff：「2022-13-01」不是日期/],
  ["a duplicate county", (text) => { const r = JSON.parse(text); r.plans[0].mountain_counties.push({ city: "温州市", county: "文成", suffix: "县" }); return JSON.stringify(r); }, /山区县列表有重复：文成/],
  ["a broken score row", (text) => { const r = JSON.parse(text); r.conditions.score_table.rows.find((x) => x.id === "paper.core").ladder[0].bottom = 3; return JSON.stringify(r); }, /rows\[\d+\]（paper\.core）\.ladder\[0\]：第1-5名从 10 分起每名减 2 分，第5名应是 2 分，但 bottom 写的是 3/],
];

for (const [what, edit, message] of broken) {
  test(`a file with ${what}: a strip on every page, the problem on 规则数据, the app on its built-in rules`, async () => {
    const server = await serve(edit(readFileSync(join(DIST, RULES), "utf8")));
    const { context, page, errors } = await openApp(browser, server.url, "#/step/info");
    const strip = page.locator("[data-rules-strip]");
    await strip.waitFor();
    assert.match(await strip.textContent(), /规则数据文件暂时无法使用（rules\/wenzhou-jidian\.json 有 \d+ 处问题），本工具按内置的规则运行/);
    // The built-in 2022 plan is in use: the form works as usual.
    await page.getByLabel("评审计划", { exact: true }).waitFor();
    assert.equal(await page.getByLabel("评审计划", { exact: true }).locator("option:checked").textContent(), "2022 年度（编号 2022-00533）");
    await page.goto(server.url + "#/");
    await strip.waitFor();
    await page.goto(server.url + "#/rules");
    await page.locator('[data-rules-source="built-in"]').waitFor();
    const problems = await page.locator(".rules-problems li").allTextContents();
    assert.ok(problems.some((p) => message.test(p)), problems.join("\n"));
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("no rules file on the site: the strip says so and the app runs on the built-in rules", async () => {
  const server = await serve(null);
  const { context, page, errors } = await openApp(browser, server.url, "#/");
  const strip = page.locator("[data-rules-strip]");
  await strip.waitFor();
  assert.match(await strip.textContent(), /网站上没有 rules\/wenzhou-jidian\.json/);
  await page.getByRole("heading", { level: 1, name: "申报演练总览" }).waitFor();
  // The 404 of the missing file is a request of the page itself; nothing else failed.
  assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
  await context.close();
});

test("offline after one visit the edited file is still in use", async () => {
  const root = distWithRules(JSON.stringify(rules2026()));
  let server = await startStaticServer(0, root);
  const port = Number(new URL(server.url).port);
  const context = await browser.newContext({ locale: "zh-CN" });
  await context.clock.setFixedTime(new Date("2026-08-01T09:00:00+08:00"));
  const page = await context.newPage();
  await page.goto(server.url + "#/");
  await page.getByRole("heading", { level: 1 }).waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(async () => {
    const keys = await caches.keys();
    for (const key of keys) {
      const cache = await caches.open(key);
      if (await cache.match("rules/wenzhou-jidian.json")) return true;
    }
    return false;
  });
  await server.close();
  await page.reload();
  await page.locator("[data-overview-round]").waitFor();
  assert.match(await page.locator("[data-overview-round]").textContent(), /按2026 年度（编号 2026-00777）核对/);
  assert.equal(await page.locator("[data-rules-strip]").count(), 0);
  // Back online with a changed file: the next visit uses it.
  const next = rules2026();
  next.plans[1].code = "2026-00888";
  writeFileSync(join(root, RULES), JSON.stringify(next));
  server = await startStaticServer(port, root);
  servers.push(server);
  await page.reload();
  await page.locator("[data-overview-round]", { hasText: "2026-00888" }).waitFor();
  await context.close();
});

test("规则数据 checks a candidate file from disk: its problems, or what it changes", async () => {
  const server = await serve(readFileSync(join(DIST, RULES), "utf8"));
  const { context, page, errors } = await openApp(browser, server.url, "#/rules");
  await page.locator('[data-rules-source="file"]').waitFor();
  const chooser = page.getByLabel("选择要检查的规则文件");
  const candidate = rules2026();
  await chooser.setInputFiles({ name: "wenzhou-jidian.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(candidate, null, 2)) });
  const result = page.locator('[data-candidate="ok"]');
  await result.waitFor();
  const changes = await result.locator("li").allTextContents();
  for (const expected of [
    "新增 2026 年度计划（编号 2026-00777，个人申报 2026-07-15 至 2026-09-30）",
    "量化评价标准 · 核心期刊论文：第1-5名 10→2（每名减 2 分） → 第1-5名 12→4（每名减 2 分）",
    "第八条（一）「高中毕业，从事相关专业工作 6 年以上」年限：6 年 → 5 年",
  ]) {
    assert.ok(changes.includes(expected), `${expected}\n${changes.join("\n")}`);
  }
  // The same plan year changed in place: counties and a phone.
  const edited = builtIn();
  edited.plans[0].mountain_counties = edited.plans[0].mountain_counties.filter((c) => c.county !== "淳安");
  edited.plans[0].mountain_counties.push({ city: "温州市", county: "瑞安", suffix: "市" });
  edited.plans[0].acceptance_points[1].phones = ["0577-88990999"];
  await chooser.setInputFiles({ name: "edited.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(edited)) });
  await result.locator("li", { hasText: "2022 年度 · 山区县：新增 瑞安" }).waitFor();
  const second = await result.locator("li").allTextContents();
  assert.ok(second.includes("2022 年度 · 山区县：删除 淳安"), second.join("\n"));
  assert.ok(second.some((c) => c.includes("电话：0577-88990782 → 0577-88990999")), second.join("\n"));
  // A broken candidate: every problem with its place, and no "publish" advice.
  candidate.plans[1].seniority_cutoff = "2026-13-01";
  await chooser.setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(candidate)) });
  const problems = page.locator('[data-candidate="problems"]');
  await problems.waitFor();
  assert.match(await problems.textContent(), /plans\[1\]\.seniority_cutoff：「2026-13-01」不是日期/);
  assert.match(await problems.textContent(), /在问题改正之前不要发布/);
  assert.deepEqual(errors, []);
  await context.close();
});

// Several applicants on one browser (issue 8, help sessions): create, rename, switch and delete,
// each with their own draft and files, the current one's name always in the header.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { openApp, useServerAndBrowser, makePhotoFixtures } from "./support.mjs";

let server;
let browser;
let fixtures;
before(() => (fixtures = makePhotoFixtures()));
useServerAndBrowser((started) => ({ server, browser } = started));

const current = (page) => page.locator("[data-current-applicant]");
const storedFileCount = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("zhicheng-yanlian");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("files")) return resolve(0);
          const count = db.transaction("files").objectStore("files").count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );

/** The stored draft of the applicant being edited, as the list says. */
const currentDraft = (page) =>
  page.evaluate(() => {
    const current = JSON.parse(localStorage.getItem("zhicheng-yanlian.roster") ?? '{"current":"1"}').current;
    const key = current === "1" ? "zhicheng-yanlian.draft" : `zhicheng-yanlian.draft.${current}`;
    return JSON.parse(localStorage.getItem(key) ?? "{}");
  });

async function addPhoto(page) {
  await page.goto(page.url().replace(/#.*$/, "#/step/photo"));
  await page.getByLabel("选择证件照文件").setInputFiles(join(fixtures, "passing.jpg"));
  await page.locator('[data-check="background"]').first().waitFor();
  for (let i = 0; i < 50 && !(await currentDraft(page)).photo; i++) await page.waitForTimeout(100);
  assert.ok((await currentDraft(page)).photo, "the photo is in the current applicant's draft");
}

test("two applicants keep separate drafts and photos; the header always names the current one", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/info");
  assert.equal(await current(page).textContent(), "未命名申报人 1");
  await page.getByLabel("姓名", { exact: true }).fill("张三");
  assert.equal(await current(page).textContent(), "张三", "the header follows 姓名 while no other name is given");
  await addPhoto(page);

  await page.getByRole("link", { name: "切换或新建申报人" }).click();
  await page.getByRole("heading", { level: 1, name: "申报人" }).waitFor();
  const create = page.getByLabel("申报人的姓名或称呼");
  await create.fill("张三");
  await page.getByRole("button", { name: "新建并开始填写" }).click();
  await page.getByText("已有名为「张三」的申报人。", { exact: false }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "new-applicant"); // focus returns to the field
  await create.fill("李四");
  await page.getByRole("button", { name: "新建并开始填写" }).click();
  await page.getByRole("heading", { level: 1, name: "申报演练总览" }).waitFor();
  await page.getByText("现在填写的是申报人「李四」的内容。").waitFor();
  assert.equal(await current(page).textContent(), "李四");
  assert.equal(await page.locator('[data-status]').first().getAttribute("data-status"), "not-started", "李四 starts empty");

  await page.goto(server.url + "#/step/info");
  assert.equal(await page.getByLabel("姓名", { exact: true }).inputValue(), "");
  await page.getByLabel("姓名", { exact: true }).fill("李四");
  await page.goto(server.url + "#/step/photo");
  await page.waitForTimeout(500); // time for a stored photo to come back from IndexedDB, if any
  assert.equal(await page.locator('[data-check="background"]').count(), 0, "李四's photo step is empty");
  assert.equal((await currentDraft(page)).photo ?? null, null, "李四 has no photo");

  // A reload keeps the applicant being edited.
  await page.reload();
  await page.getByRole("heading", { level: 1 }).waitFor();
  assert.equal(await current(page).textContent(), "李四");

  await page.goto(server.url + "#/applicants");
  assert.deepEqual(await page.locator(".applicant__name").allTextContents(), ["张三", "李四"]);
  await page.getByRole("button", { name: "切换到「张三」" }).click();
  await page.getByText("现在填写的是申报人「张三」的内容。").waitFor();
  assert.equal(await current(page).textContent(), "张三");
  await page.goto(server.url + "#/step/info");
  assert.equal(await page.getByLabel("姓名", { exact: true }).inputValue(), "张三");
  await page.goto(server.url + "#/step/photo");
  await page.locator('[data-check="background"]').first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("rename refuses a name already shown, and delete removes only that applicant and their own files", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("王五");
  await addPhoto(page);
  await page.goto(server.url + "#/applicants");
  await page.getByLabel("申报人的姓名或称呼").fill("赵六");
  await page.getByRole("button", { name: "新建并开始填写" }).click();
  await page.getByRole("heading", { level: 1, name: "申报演练总览" }).waitFor();
  await addPhoto(page); // the same picture: one stored copy serves both applicants
  assert.equal(await storedFileCount(page), 1);

  await page.goto(server.url + "#/applicants");
  const zhao = page.locator(".applicant", { hasText: "赵六" });
  await zhao.getByRole("button", { name: "改名" }).click();
  const rename = page.getByLabel("新的名称");
  assert.equal(await rename.inputValue(), "赵六");
  await rename.fill("王五");
  await page.getByRole("button", { name: "保存名称" }).click();
  await page.getByText("已有名为「王五」的申报人。", { exact: false }).waitFor();
  await rename.fill("赵六（二车间）");
  await page.getByRole("button", { name: "保存名称" }).click();
  await page.getByText("已把「赵六」改名为「赵六（二车间）」。").waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "applicants-status");
  assert.equal(await current(page).textContent(), "赵六（二车间）");

  // Deleting 王五 keeps the photo, which 赵六 still uses.
  const wang = page.locator(".applicant", { hasText: "王五" });
  await wang.getByRole("button", { name: "删除" }).click();
  await page.getByText(/^删除申报人「王五」（编号 1，最后保存于 \d{4}-\d\d-\d\d \d\d:\d\d）？$/).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "delete-dialog"); // focus moves into it
  await page.keyboard.press("Escape");
  await page.locator("#delete-dialog").waitFor({ state: "detached" });
  await page.waitForFunction(() => document.activeElement?.id === "delete-1");
  await wang.getByRole("button", { name: "删除" }).click();
  await page.getByRole("button", { name: "确定删除" }).click();
  await page.getByText(/已删除申报人「王五」的填写内容和 0 个文件。现在填写的是「赵六（二车间）」。/).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === "applicants-status");
  assert.deepEqual(await page.locator(".applicant__name").allTextContents(), ["赵六（二车间）"]);
  assert.equal(await storedFileCount(page), 1);
  assert.equal(await page.evaluate(() => localStorage.getItem("zhicheng-yanlian.draft")), null, "王五's draft is gone");

  // Deleting the last one removes their photo too and leaves a fresh, empty applicant.
  await page.getByRole("button", { name: "删除" }).click();
  await page.getByRole("button", { name: "确定删除" }).click();
  await page.getByText(/已删除申报人「赵六（二车间）」的填写内容和 1 个文件。/).waitFor();
  assert.equal(await storedFileCount(page), 0);
  assert.equal(await current(page).textContent(), "未命名申报人 3");
  await page.reload();
  await page.getByRole("heading", { level: 1 }).waitFor();
  assert.deepEqual(await page.locator(".applicant__name").allTextContents(), ["未命名申报人 3"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a draft saved before the list existed opens as the first applicant, and a damaged list is rebuilt", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/");
  await page.evaluate(() => {
    localStorage.setItem("zhicheng-yanlian.draft", JSON.stringify({ version: 1, basic: { name: "老草稿" } }));
    localStorage.setItem("zhicheng-yanlian.draft.4", JSON.stringify({ version: 1, basic: { name: "第四位" } }));
    localStorage.setItem("zhicheng-yanlian.roster", "{\"version\":1,");
  });
  await page.reload();
  await page.getByText(/申报人名单已损坏，已按本机保存的草稿重新列出申报人/).waitFor();
  assert.equal(await current(page).textContent(), "老草稿");
  await page.goto(server.url + "#/applicants");
  assert.deepEqual(await page.locator(".applicant__name").allTextContents(), ["老草稿", "第四位"], "names come from the drafts");
  await page.getByRole("button", { name: "切换到「第四位」" }).click();
  assert.equal(await current(page).textContent(), "第四位");
  const damagedKeys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("zhicheng-yanlian.damaged.")));
  assert.equal(damagedKeys.length, 1, "the damaged list is kept aside, not dropped");
  assert.deepEqual(errors, []);
  await context.close();
});

test("two tabs: a new applicant made in one is listed in the other, which keeps editing its own", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("钱八");
  const other = await context.newPage();
  await other.goto(server.url + "#/applicants");
  await other.getByLabel("申报人的姓名或称呼").fill("孙九");
  await other.getByRole("button", { name: "新建并开始填写" }).click();
  await other.getByRole("heading", { level: 1, name: "申报演练总览" }).waitFor();

  // A new 姓名 in the first tab rewrites the list: it must not drop 孙九.
  await page.getByLabel("姓名", { exact: true }).fill("钱八一");
  assert.equal(await current(page).textContent(), "钱八一");
  await page.waitForFunction(() => (localStorage.getItem("zhicheng-yanlian.roster") ?? "").includes("钱八一"));
  await page.goto(server.url + "#/applicants");
  await page.locator(".applicant__name").first().waitFor();
  assert.deepEqual(await page.locator(".applicant__name").allTextContents(), ["钱八一", "孙九"]);
  await other.reload();
  await other.goto(server.url + "#/applicants");
  // The app starts after reading its rules file: wait for the list to be drawn.
  await other.locator(".applicant__name").first().waitFor();
  assert.deepEqual(await other.locator(".applicant__name").allTextContents(), ["钱八一", "孙九"]);

  // 清除本机全部数据 in one tab: the other goes blank too and writes nothing back.
  await other.goto(server.url + "#/data");
  await other.getByLabel(/请输入「清除」两个字确认/).fill("清除");
  await other.getByRole("button", { name: "清除本机全部数据" }).click();
  await other.getByText(/已清除：申报人 2 位/).waitFor();
  await page.getByText(/已在另一个窗口中被清除/).waitFor();
  assert.equal(await current(page).textContent(), "未命名申报人 1");
  await page.goto(server.url + "#/step/info");
  assert.equal(await page.getByLabel("姓名", { exact: true }).inputValue(), "");
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k !== "zhicheng-yanlian.prefs")), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("two tabs on the same applicant: the tab left open takes the other's saves instead of overwriting them", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("周十");
  await page.getByText(/已自动保存/).waitFor();
  const other = await context.newPage();
  await other.goto(server.url + "#/step/info");
  await other.getByRole("heading", { level: 1 }).waitFor();

  await page.getByLabel("民族").fill("汉族");
  await other.getByText(/本窗口已换成那边保存的最新内容/).waitFor();
  assert.equal(await other.getByLabel("民族").inputValue(), "汉族", "the other tab shows the newer save");
  await other.getByLabel("工作部门").fill("技术部");
  await page.getByText(/本窗口已换成那边保存的最新内容/).waitFor();

  await page.reload();
  await page.getByRole("heading", { level: 1 }).waitFor();
  assert.equal(await page.getByLabel("民族").inputValue(), "汉族");
  assert.equal(await page.getByLabel("工作部门").inputValue(), "技术部");
  assert.deepEqual(errors, []);
  await context.close();
});

test("one person, one name: the list shows 姓名 once typed, a staff note beside it, and asks about a name written differently", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/applicants");
  const create = async (label) => {
    await page.getByLabel("申报人的姓名或称呼").fill(label);
    await page.getByRole("button", { name: "新建并开始填写" }).click();
    await page.getByRole("heading", { level: 1, name: "申报演练总览" }).waitFor();
  };
  await create("孙七");
  await page.goto(server.url + "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("孙琪");
  assert.equal(await current(page).textContent(), "孙琪", "the header follows the typed 姓名, not the list's 孙七");
  await page.getByLabel("申报级别", { exact: true }).selectOption({ label: "助理工程师" });
  await page.goto(server.url + "#/applicants");
  await create("张伟（二车间）");
  await page.goto(server.url + "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("张伟");
  await page.goto(server.url + "#/applicants");

  const sun = page.locator(".applicant", { hasText: "孙琪" });
  const names = await page.locator(".applicant__name").allTextContents();
  assert.deepEqual(names.slice(1), ["孙琪", "张伟（二车间）"]);
  assert.match(await sun.locator("[data-progress]").textContent(), /^助理工程师 · \d\/6 步 · 编号 2 · 最后保存于 /);
  assert.match(
    await page.locator(".applicant", { hasText: "张伟" }).locator("[data-progress]").textContent(),
    /^未选申报级别 · 0\/6 步/,
  );
  assert.equal(await page.locator("[data-name-differs]").count(), 1, "a staff note is not a mismatch");
  assert.match(await sun.locator("[data-name-differs]").textContent(), /名单上记作「孙七」，申报信息里的姓名是「孙琪」/);
  await sun.getByRole("button", { name: "改为「孙琪」" }).click();
  await page.getByText("已改为「孙琪」。").waitFor();
  assert.equal(await page.locator("[data-name-differs]").count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("导出备份 from the list exports that row's applicant, not the current one; the import comes back under the name the list showed", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/applicants");
  await page.getByLabel("申报人的姓名或称呼").fill("李四");
  await page.getByRole("button", { name: "新建并开始填写" }).click();
  await page.getByRole("heading", { level: 1, name: "申报演练总览" }).waitFor();
  await page.goto(server.url + "#/step/info");
  await page.getByLabel("姓名", { exact: true }).fill("李思远");
  await page.getByLabel("民族").fill("汉族");
  await page.goto(server.url + "#/applicants");
  await page.getByLabel("申报人的姓名或称呼").fill("王五");
  await page.getByRole("button", { name: "新建并开始填写" }).click();
  await page.getByRole("heading", { level: 1, name: "申报演练总览" }).waitFor();
  await page.goto(server.url + "#/applicants");
  assert.equal(await current(page).textContent(), "王五");

  const li = page.locator(".applicant", { hasText: "李思远" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    li.getByRole("button", { name: "导出备份" }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^职称申报演练备份-李思远\d{4}-\d\d-\d\d\.json$/);
  const text = readFileSync(await download.path(), "utf8");
  assert.match(text, /"name":"李思远"/);
  assert.match(text, /汉族/);
  await page.getByText(/^已导出「职称申报演练备份-李思远.*」，含 0 个文件。/).waitFor();
  assert.equal(await current(page).textContent(), "王五", "exporting from the list switches nobody");

  await li.getByRole("button", { name: "删除" }).click();
  await page.getByRole("button", { name: "确定删除" }).click();
  await page.getByText(/已删除申报人「李思远」/).waitFor();
  await page.goto(server.url + "#/");
  await page.getByLabel(/导入备份/).setInputFiles({ name: "backup.json", mimeType: "application/json", buffer: Buffer.from(text) });
  await page.getByText(/已导入为新申报人「李思远」/).waitFor();
  await page.goto(server.url + "#/applicants");
  assert.deepEqual((await page.locator(".applicant__name").allTextContents()).sort(), ["李思远", "王五", "未命名申报人 1"].sort());
  assert.deepEqual(errors, []);
  await context.close();
});

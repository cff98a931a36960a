// Step 5 上传相关附件 (issue 7): the checklist from the draft, real PDF checks on each file,
// progress, reload, removal with confirmation, one stored copy per distinct file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openApp, useServerAndBrowser } from "./support.mjs";
import { makePdf, file } from "./pdf-fixtures.mjs";

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

const item = (page, id) => page.locator(`[data-evidence="${id}"]`);
const attach = (page, id, f) => page.locator(`#evidence-${id.replace(".", "\\.")}`).setInputFiles(f);
const storedFiles = (page) =>
  page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("zhicheng-yanlian");
        open.onsuccess = () => {
          const count = open.result.transaction("files").objectStore("files").count();
          count.onsuccess = () => resolve(count.result);
          count.onerror = reject;
        };
        open.onerror = reject;
      }),
  );

test("each evidence file is checked on its bytes and the progress follows", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/attachments");
  const ce = item(page, "continuing_education");
  await ce.waitFor();
  assert.match(await ce.textContent(), /至少 2 页/);
  assert.match(await page.locator("[data-progress]").textContent(), /已提供 0 \/ 4 项，有问题 0 项/);

  // A one-page PDF where two parts are needed.
  await attach(page, "continuing_education", file("学时.pdf", "application/pdf", makePdf(1)));
  await ce.locator('[data-check="pages"][data-outcome="fail"]').waitFor();
  assert.match(await ce.locator('[data-check="pages"]').textContent(), /1 页/);
  assert.equal(await ce.locator("[data-file-verdict]").textContent(), "这个文件还不能用，请按下面的提示处理。");
  // The file is stored in IndexedDB after its checks are shown; the progress follows then.
  await page.locator("[data-progress]", { hasText: "已提供 1 / 4 项，有问题 1 项" }).waitFor();

  // A picture where a merged PDF is required.
  await attach(page, "continuing_education", file("学时卡.pdf", "application/pdf", Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.alloc(2000)])));
  await ce.locator('[data-check="type"][data-outcome="fail"]').waitFor();
  assert.match(await ce.locator('[data-check="type"]').textContent(), /JPG.*合并为一个 PDF/);

  // A Word file.
  // A zip local file header (30 bytes) naming word/document.xml, as every .docx starts.
  const name = Buffer.from("word/document.xml");
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(name.length, 26);
  const docx = Buffer.concat([header, name, Buffer.alloc(500)]);
  await attach(page, "continuing_education", file("学时.docx.pdf", "application/pdf", docx));
  await ce.locator('[data-check="type"]', { hasText: "转换为 PDF" }).waitFor();

  // An encrypted PDF.
  await attach(page, "continuing_education", file("加密.pdf", "application/pdf", makePdf(2, { encrypted: true })));
  await ce.locator('[data-check="encryption"][data-outcome="fail"]').waitFor();
  assert.match(await ce.locator('[data-check="encryption"]').textContent(), /密码/);

  // A good two-page PDF.
  await attach(page, "continuing_education", file("继续教育.pdf", "application/pdf", makePdf(2)));
  await ce.locator('[data-check="pages"][data-outcome="pass"]').waitFor({ state: "attached" });
  await page.locator("[data-progress]", { hasText: "已提供 1 / 4 项，有问题 0 项" }).waitFor();
  assert.equal(await ce.getAttribute("data-state"), "ok");
  // In the applicant's words (issue 16): one line says it can be uploaded; the measured details
  // (format, end marker, password) stay folded under 「详细检查结果」.
  assert.equal(await ce.locator("[data-file-verdict]").textContent(), "可以上传：平台能打开这个 PDF，共 2 页。");
  assert.equal(await ce.locator(".evidence__details").evaluate((d) => d.open), false);
  const seen = await page.locator(".evidence-list").innerText();
  assert.doesNotMatch(seen, /%PDF|%%EOF|PDF 1\.\d 文件|未加密|至少 1 页/);
  await ce.getByText("详细检查结果").click();
  assert.match(await ce.locator('[data-check="encryption"]').innerText(), /未加密/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("files survive a reload, one copy serves two items, removal asks first", async () => {
  const { context, page } = await openApp(browser, server.url, "#/step/attachments");
  const same = makePdf(1);
  await attach(page, "evaluation.2021", file("考核表.pdf", "application/pdf", same));
  await item(page, "evaluation.2021").locator('[data-check="pages"][data-outcome="pass"]').waitFor({ state: "attached" });
  await attach(page, "evaluation.2020", file("考核表副本.pdf", "application/pdf", same));
  await item(page, "evaluation.2020").locator('[data-check="pages"][data-outcome="pass"]').waitFor({ state: "attached" });
  await page.getByText(/已自动保存/).waitFor();
  assert.equal(await storedFiles(page), 1);

  await page.reload();
  const kept = item(page, "evaluation.2021");
  await kept.locator(".evidence__file", { hasText: "考核表.pdf" }).waitFor();
  await kept.locator('[data-check="pages"][data-outcome="pass"]').waitFor({ state: "attached" });

  const focused = (id) => page.waitForFunction((id) => document.activeElement?.id === id, id);
  await kept.getByRole("button", { name: "移除文件" }).click();
  await focused("remove-dialog-evaluation.2021");
  await kept.getByRole("button", { name: "取消" }).click();
  await focused("remove-evaluation.2021");
  assert.equal(await kept.getAttribute("data-state"), "ok");
  await kept.getByRole("button", { name: "移除文件" }).click();
  await focused("remove-dialog-evaluation.2021");
  await page.keyboard.press("Escape");
  await focused("remove-evaluation.2021");
  await kept.getByRole("button", { name: "移除文件" }).click();
  await kept.getByRole("button", { name: "确定移除" }).click();
  await page.locator('[data-evidence="evaluation.2021"][data-state="missing"]').waitFor();
  await focused("evidence-evaluation.2021"); // its file chooser, not the page body
  // Still used by 2020: the stored copy stays.
  assert.equal(await storedFiles(page), 1);
  await page.goto(server.url + "#/");
  const status = page.locator(".task-list__item", { hasText: "上传相关附件" }).locator(".status");
  assert.equal((await status.textContent()).trim(), "进行中");
  await context.close();
});

// 合成 PDF (issue 15): one PDF from phone photos, scans and PDFs, made in the browser, checked
// like any upload, kept, downloadable; read back by qpdf, an independent PDF reader.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openApp, useServerAndBrowser } from "./support.mjs";
import { makePdf, file } from "./pdf-fixtures.mjs";

let server;
let browser;
useServerAndBrowser((started) => ({ server, browser } = started));

const DRAFT = {
  version: 1,
  basic: { name: "张三" },
  applicant: {
    education: [
      { level: "bachelor", school: "温州大学", major: "机械设计制造及其自动化", graduation_date: "2010-07-01" },
    ],
    ce_card_short: true,
  },
};

async function withDraft(page, draft = DRAFT) {
  await page.evaluate((d) => localStorage.setItem("zhicheng-yanlian.draft", JSON.stringify(d)), draft);
  await page.reload();
  await page.getByRole("heading", { level: 1 }).waitFor();
}

/** A picture drawn by the page's own canvas: a gradient, grain like a phone photo's, "TOP" at the top left. */
async function picture(page, { width, height, type = "image/jpeg", quality = 0.9, grain = 40 }) {
  const base64 = await page.evaluate(
    async ({ width, height, type, quality, grain }) => {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext("2d");
      const gradient = context.createLinearGradient(0, 0, width, height);
      gradient.addColorStop(0, "#e8e0c8");
      gradient.addColorStop(1, "#50688a");
      context.fillStyle = gradient;
      context.fillRect(0, 0, width, height);
      if (grain > 0) {
        const image = context.getImageData(0, 0, width, height);
        const data = image.data;
        let seed = 12345;
        for (let i = 0; i < data.length; i += 4) {
          seed = (seed * 1103515245 + 12345) & 0x7fffffff;
          const n = ((seed >> 16) % grain) - grain / 2;
          data[i] += n;
          data[i + 1] += n;
          data[i + 2] += n;
        }
        context.putImageData(image, 0, 0);
      }
      context.fillStyle = "#000";
      context.font = `${Math.round(height / 8)}px sans-serif`;
      context.fillText("TOP", width * 0.05, height * 0.2);
      const blob = await canvas.convertToBlob({ type, quality });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let text = "";
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    },
    { width, height, type, quality, grain },
  );
  return Buffer.from(base64, "base64");
}

/** The JPEG with an EXIF orientation (APP1 right after SOI), as phones write it. */
function withExif(jpeg, orientation) {
  const tiff = Buffer.alloc(26);
  tiff.write("MM\0*", 0, "latin1");
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(0x0112, 10);
  tiff.writeUInt16BE(3, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  const body = Buffer.concat([Buffer.from("Exif\0\0", "latin1"), tiff]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length + 2);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1]), length, body, jpeg.subarray(2)]);
}

const item = (page, id) => page.locator(`[data-evidence="${id}"]`);
const partInput = (scope, id, part) => scope.locator(`#compose-${id.replace(".", "-")}-part-${part}`);

/** Downloads the item's file and has qpdf check it; returns its bytes. */
async function downloadAndCheck(page, scope, pages) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    scope.getByRole("button", { name: "下载", exact: true }).click(),
  ]);
  const path = join(mkdtempSync(join(tmpdir(), "composed-")), "out.pdf");
  await download.saveAs(path);
  execFileSync("qpdf", ["--check", path], { stdio: "pipe" });
  assert.equal(execFileSync("qpdf", ["--show-npages", path]).toString().trim(), String(pages));
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test("a 2-part 教育经历 PDF from two phone photos and a 3-part 继续教育 PDF from a JPEG, a PNG and a PDF", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/attachments");
  await withDraft(page);
  const requests = [];
  context.on("request", (request) => requests.push(request.url()));

  // 教育经历: two 12-megapixel phone photos, the diploma's taken sideways (EXIF orientation 6).
  const education = item(page, "education.0");
  await education.locator("[data-open-composer]").click();
  const filing = await picture(page, { width: 3000, height: 4000 });
  const diploma = withExif(await picture(page, { width: 4000, height: 3000 }), 6);
  console.log(`phone photos: ${(filing.length / 1e6).toFixed(1)} MB and ${(diploma.length / 1e6).toFixed(1)} MB`);
  await education.getByRole("button", { name: "合成 PDF", exact: true }).click();
  // A part still missing is named before anything is made.
  await education.getByRole("alert").filter({ hasText: "还缺「教育部学历证书电子注册备案表」、「毕业证书原件」" }).waitFor();
  await partInput(education, "education.0", 0).setInputFiles(file("备案表.jpg", "image/jpeg", filing));
  await partInput(education, "education.0", 1).setInputFiles(file("毕业证.jpg", "image/jpeg", diploma));
  await education.locator(".compose-page").nth(1).waitFor();
  assert.equal(await education.locator(".compose-page").count(), 2);
  await education.getByRole("button", { name: "合成 PDF", exact: true }).click();
  await page.locator('[data-evidence="education.0"][data-state="ok"]').waitFor();
  // The made file is where the applicant looks next: focused, in view, said in words.
  const fileLine = page.locator("#evidence-file-education\\.0");
  await fileLine.getByText("已合成并放入本项：").waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), "evidence-file-education.0");
  const box = await fileLine.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box.y >= 0 && box.y + box.height <= viewport.height, `file line at ${box.y}`);
  assert.match(await education.locator(".evidence__file").textContent(), /张三-教育经历：本科（温州大学）\.pdf.*2 页/);
  const made = await downloadAndCheck(page, education, 2);
  console.log(`教育经历: 2 phone photos → ${(made.bytes.length / 1e6).toFixed(2)} MB PDF (${made.name})`);
  assert.ok(made.bytes.length <= 2e6, "≤ 2 MB");
  // The sideways photo is shown upright: both pages are portrait A4.
  assert.equal(made.bytes.toString("latin1").split("/MediaBox[0 0 595 842]").length - 1, 2);

  // 继续教育 (学时卡不齐: three parts): a JPEG, a PNG and a one-page PDF.
  const ce = item(page, "continuing_education");
  await ce.locator("[data-open-composer]").click();
  await partInput(ce, "continuing_education", 0).setInputFiles(file("统计表.jpg", "image/jpeg", await picture(page, { width: 800, height: 600, grain: 0 })));
  await partInput(ce, "continuing_education", 1).setInputFiles(file("学时卡1.png", "image/png", await picture(page, { width: 600, height: 800, type: "image/png", grain: 0 })));
  await partInput(ce, "continuing_education", 2).setInputFiles(file("学时卡2.pdf", "application/pdf", makePdf(1)));
  await ce.locator(".compose-page").nth(2).waitFor();
  // Arranged: the PDF page moved up one and turned.
  await ce.getByRole("button", { name: "第 3 页上移" }).click();
  await ce.getByRole("button", { name: "第 2 页向右旋转 90°" }).click();
  assert.match(await ce.locator(".compose-page").nth(1).textContent(), /学时卡2\.pdf/);
  await ce.getByRole("button", { name: "合成 PDF", exact: true }).click();
  await page.locator('[data-evidence="continuing_education"][data-state="ok"]').waitFor();
  const ceMade = await downloadAndCheck(page, ce, 3);
  assert.match(ceMade.bytes.toString("latin1"), /\/Rotate 90/);
  assert.match(await page.locator("[data-progress]").textContent(), /有问题 0 项/);

  // Reload keeps both.
  await page.getByText(/已自动保存/).waitFor();
  await page.reload();
  await page.locator('[data-evidence="education.0"][data-state="ok"]').waitFor();
  await page.locator('[data-evidence="continuing_education"][data-state="ok"]').waitFor();
  await downloadAndCheck(page, item(page, "education.0"), 2);

  const foreign = requests.filter((url) => url.startsWith("http") && !url.startsWith(server.url));
  const own = requests.filter((url) => url.startsWith(server.url));
  console.log(`composing: ${requests.length} requests, ${foreign.length} elsewhere, ${own.length} to the site (the reload)`);
  assert.deepEqual(foreign, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("HEIC, an encrypted PDF and an empty file are refused with their message and change nothing", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/attachments");
  await withDraft(page);
  const education = item(page, "education.0");
  await education.locator("[data-open-composer]").click();
  const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1"), Buffer.alloc(500)]);
  await partInput(education, "education.0", 0).setInputFiles([
    file("IMG_0001.HEIC", "image/heic", heic),
    file("加密.pdf", "application/pdf", makePdf(2, { encrypted: true })),
    file("空.pdf", "application/pdf", Buffer.alloc(0)),
  ]);
  const notes = education.locator(".compose-notes");
  await notes.getByText(/空\.pdf/).waitFor();
  const text = await notes.textContent();
  assert.match(text, /IMG_0001\.HEIC」没有放入：这是苹果手机的 HEIC 格式照片.*转换图像 → JPEG/);
  assert.match(text, /加密\.pdf」没有放入：PDF 有密码保护/);
  assert.match(text, /空\.pdf」没有放入：文件是空的（0 字节）/);
  assert.equal(await education.locator(".compose-page").count(), 0);
  assert.equal(await education.locator('[data-part="0"] [data-part-count]').textContent(), "还没有选择");
  assert.equal(await education.getAttribute("data-state"), "missing");

  // A JPEG renamed .pdf is what its bytes say: a picture, placed as one, and said so.
  const small = await picture(page, { width: 600, height: 800, grain: 0 });
  await partInput(education, "education.0", 0).setInputFiles(file("备案表.pdf", "application/pdf", small));
  await notes.getByText("「备案表.pdf」的文件名是 .pdf，其实是一张图片：已按图片放入。").waitFor();
  assert.equal(await education.locator(".compose-page").count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a JPG chosen where a PDF is needed offers to turn it into one", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/step/attachments");
  await withDraft(page);
  const education = item(page, "education.0");
  const photo = await picture(page, { width: 600, height: 800, grain: 0 });
  await page.locator("#evidence-education\\.0").setInputFiles(file("毕业证.jpg", "image/jpeg", photo));
  await education.locator('[data-check="type"][data-outcome="fail"]').waitFor();
  await education.locator("[data-image-to-pdf]").click();
  // The picture is already in the first part; the second part is still to be chosen.
  await education.locator(".compose-page").first().waitFor();
  assert.match(await education.locator('[data-part="0"] [data-part-count]').textContent(), /已放入 1 页/);
  await partInput(education, "education.0", 1).setInputFiles(file("证书.jpg", "image/jpeg", photo));
  await education.locator(".compose-page").nth(1).waitFor();
  await education.getByRole("button", { name: "合成 PDF", exact: true }).click();
  await page.locator('[data-evidence="education.0"][data-state="ok"]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test("speed: ten 12-megapixel phone photos in ≤ 3 s and ≤ 8 MB; one small JPEG in ≤ 100 ms", async () => {
  const { context, page, errors } = await openApp(browser, server.url, "#/compose");
  await page.getByRole("heading", { name: "合成 PDF" }).waitFor();
  const photos = [];
  for (let i = 0; i < 10; i++) {
    const photo = await picture(page, { width: 4000, height: 3000, quality: 0.85 + i * 0.01 });
    photos.push(file(`IMG_${i}.jpg`, "image/jpeg", i % 3 === 0 ? withExif(photo, 6) : photo));
  }
  const sizes = photos.map((p) => p.buffer.length / 1e6);
  console.log(`ten photos: ${sizes.map((s) => s.toFixed(1)).join(", ")} MB`);
  await page.locator("#compose-any-part-0").setInputFiles(photos);
  await page.locator(".compose-page").nth(9).waitFor();
  // 取消 stops a long run at its next page and changes nothing.
  await page.getByRole("button", { name: "合成 PDF", exact: true }).click();
  // While it works the pages cannot change under it.
  assert.equal(await page.getByRole("button", { name: "第 2 页删除" }).isDisabled(), true);
  await page.getByRole("button", { name: "取消" }).click();
  await page.locator("[data-compose-progress]", { hasText: "已取消，页面没有改动。" }).waitFor();
  await page.waitForTimeout(1000);
  assert.equal(await page.locator("[data-compose-result]").count(), 0);
  assert.equal(await page.locator(".compose-page").count(), 10);
  await page.getByRole("button", { name: "合成 PDF", exact: true }).click();
  await page.locator("[data-compose-progress]", { hasText: /正在处理第 \d+ \/ 10 页/ }).waitFor();
  await page.locator("[data-compose-result]").waitFor({ timeout: 30000 });
  const ms = Number(await page.locator("html").getAttribute("data-compose-ms"));
  const result = await page.locator("[data-compose-result]").textContent();
  console.log(`ten 12 MP photos → PDF in ${ms} ms: ${result}`);
  assert.match(result, /10 页/);
  assert.ok(ms <= 3000, `${ms} ms`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载 PDF" }).click()]);
  const path = join(mkdtempSync(join(tmpdir(), "composed-")), "ten.pdf");
  await download.saveAs(path);
  execFileSync("qpdf", ["--check", path], { stdio: "pipe" });
  const size = readFileSync(path).length;
  console.log(`ten photos: ${(size / 1e6).toFixed(2)} MB PDF`);
  assert.ok(size <= 8e6, `${size} bytes`);
  // Named after the first file; a change to the pages takes the made result away.
  assert.equal(download.suggestedFilename(), "IMG_0.pdf");
  await page.getByRole("button", { name: "第 10 页删除" }).click();
  assert.equal(await page.locator("[data-compose-result]").count(), 0);

  // One small JPEG goes in as it is.
  await page.reload();
  await page.getByRole("heading", { name: "合成 PDF" }).waitFor();
  const small = await picture(page, { width: 1200, height: 1600, quality: 0.8 });
  await page.locator("#compose-any-part-0").setInputFiles(file("scan.jpg", "image/jpeg", small));
  await page.locator(".compose-page").first().waitFor();
  await page.getByRole("button", { name: "合成 PDF", exact: true }).click();
  await page.locator("[data-compose-result]").waitFor();
  const oneMs = Number(await page.locator("html").getAttribute("data-compose-ms"));
  console.log(`one ${(small.length / 1e3).toFixed(0)} KB JPEG → PDF in ${oneMs} ms`);
  assert.ok(oneMs <= 100, `${oneMs} ms`);
  assert.deepEqual(errors, []);
  await context.close();
});

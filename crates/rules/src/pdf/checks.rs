//! The checks shown next to an evidence item, in Chinese.

use super::*;

#[derive(Clone, Debug, PartialEq)]
pub struct EvidenceCheck {
    /// Stable key for the DOM and tests: "type", "integrity", "encryption", "pages", "size".
    pub key: &'static str,
    pub title: &'static str,
    pub outcome: Outcome,
    pub message: String,
}

/// The one line step 5 shows for a checked file, in plain words (the checks themselves are behind
/// 「详细检查结果」): (true, 「可以上传…」) when every check passed; (false, what to do) otherwise.
pub fn file_verdict(checks: &[EvidenceCheck], pages: u32) -> (bool, String) {
    let failed = checks.iter().any(|c| c.outcome == Outcome::Fail);
    let warned = checks
        .iter()
        .any(|c| matches!(c.outcome, Outcome::Warn | Outcome::Note));
    let pages = if pages > 0 {
        format!("，共 {pages} 页")
    } else {
        String::new()
    };
    if failed {
        (false, "这个文件还不能用，请按下面的提示处理。".to_string())
    } else if warned {
        (
            true,
            format!("可以上传：平台能打开这个 PDF{pages}。另有提示请看一下。"),
        )
    } else {
        (true, format!("可以上传：平台能打开这个 PDF{pages}。"))
    }
}

pub(super) fn evidence_check(
    key: &'static str,
    title: &'static str,
    outcome: Outcome,
    message: String,
) -> EvidenceCheck {
    EvidenceCheck {
        key,
        title,
        outcome,
        message,
    }
}

/// Every check of one evidence file: `min_pages` and `parts` are the item's (evidence.rs), one
/// page at least per part.
pub fn check_evidence_file(bytes: &[u8], min_pages: u32, parts: &[&str]) -> Vec<EvidenceCheck> {
    let report = inspect_pdf(bytes);
    let mut checks = Vec::new();
    let pdf_type = |version: &str| {
        let version = if version == "?" {
            String::new()
        } else {
            format!(" {version}")
        };
        evidence_check(
            "type",
            "文件格式",
            Outcome::Pass,
            format!("PDF{version} 文件（按文件内容判断）。"),
        )
    };
    match &report.kind {
        Err(PdfProblem::Empty) => {
            checks.push(evidence_check(
                "type",
                "文件格式",
                Outcome::Fail,
                "文件是空的（0 字节），可能没有下载或拷贝完整。请重新导出 PDF 后再选择。"
                    .to_string(),
            ));
            return checks;
        }
        Err(PdfProblem::NotPdf(kind)) => {
            checks.push(evidence_check(
                "type",
                "文件格式",
                Outcome::Fail,
                not_pdf_message(*kind, parts),
            ));
        }
        Err(PdfProblem::Truncated(truncation)) => {
            checks.push(pdf_type(&header_version(
                bytes,
                pdf_header(bytes).unwrap_or(0),
            )));
            let measured = match truncation {
                Truncation::MissingEof => "结尾缺少 %%EOF 结束标记".to_string(),
                Truncation::XrefPastEnd { points_to } => format!(
                    "文件末尾记录的目录位置（第 {points_to} 字节）超出了文件长度（{} 字节）",
                    report.byte_size
                ),
            };
            checks.push(evidence_check(
                "integrity",
                "文件完整性",
                Outcome::Fail,
                format!(
                    "文件不完整：{measured}，可能下载或拷贝中断。请重新下载或重新导出 PDF 后上传。"
                ),
            ));
        }
        Err(PdfProblem::Encrypted { version, pages }) => {
            checks.push(pdf_type(version));
            checks.push(evidence_check(
                "encryption",
                "密码保护",
                Outcome::Fail,
                "PDF 有密码保护，平台无法打开，请去掉密码后重新导出（在 PDF 软件中取消「文档加密/安全性」，或用「打印 → 另存为 PDF」另存一份）。"
                    .to_string(),
            ));
            if let Some(pages) = pages {
                checks.push(pages_check(*pages, min_pages, parts));
            }
        }
        Err(PdfProblem::Damaged(damage)) => {
            checks.push(pdf_type(&header_version(
                bytes,
                pdf_header(bytes).unwrap_or(0),
            )));
            let measured = match damage {
                Damage::NoCatalog => "找不到文档目录（Catalog），阅读器无法打开",
                Damage::PageTreeUnreadable => "页面目录无法读取，数不出页数",
                Damage::NoPages => "页面目录里没有任何页面",
            };
            checks.push(evidence_check(
                "integrity",
                "文件完整性",
                Outcome::Fail,
                format!("PDF 已损坏：{measured}。请用原软件重新导出 PDF 后上传。"),
            ));
        }
        Ok(info) => {
            checks.push(pdf_type(&info.version));
            checks.push(integrity_check(&info.warnings));
            checks.push(evidence_check(
                "encryption",
                "密码保护",
                Outcome::Pass,
                "未加密，平台可以直接打开。".to_string(),
            ));
            checks.push(pages_check(info.pages, min_pages, parts));
        }
    }
    checks.push(size_check(report.byte_size));
    checks
}

pub(super) fn not_pdf_message(kind: FileType, parts: &[&str]) -> String {
    let office = |program: &str| {
        format!("这是 {program} 文件，请转换为 PDF（另存为 PDF）：在 {program} 或 WPS 中选「文件 → 另存为」，类型选 PDF。")
    };
    match kind {
        kind if kind.is_image() => {
            let how = "改文件名的后缀没有用；可用扫描 App 或「打印 → 另存为 PDF」生成";
            if parts.len() >= 2 {
                format!(
                    "文件实际格式为 {}，需将 {} 合并为一个 PDF（{how}）。",
                    kind.name(),
                    parts.join("、")
                )
            } else {
                format!("文件实际格式为 {}，需转换为 PDF（{how}）。", kind.name())
            }
        }
        FileType::Docx | FileType::Doc => office("Word"),
        FileType::Xlsx | FileType::Xls => office("Excel"),
        FileType::Pptx | FileType::Ppt => office("PowerPoint"),
        FileType::OfficeLegacy => "这是旧版 Office 文件（.doc/.xls），请用 Word、Excel 或 WPS 打开后转换为 PDF（另存为 PDF）。".to_string(),
        FileType::Ofd => "这是 OFD 版式文件，平台只收 PDF：请用 OFD 阅读器（如数科阅读器）打开后「打印 → 另存为 PDF」。".to_string(),
        FileType::Zip | FileType::Rar | FileType::SevenZip => format!(
            "这是压缩包（{}），平台不收压缩包：请解压后把材料合并为一个 PDF。",
            kind.name()
        ),
        FileType::Html => "这是网页文件（HTML），不是 PDF：请在浏览器中打开后用「打印 → 另存为 PDF」。".to_string(),
        FileType::Text => "这是纯文本文件，不是 PDF：请把材料扫描或另存为 PDF 后上传。".to_string(),
        _ => "无法识别的文件格式：文件开头没有 PDF 标记（%PDF-），改文件名的后缀没有用。请用原软件另存为 PDF。".to_string(),
    }
}

pub(super) fn integrity_check(warnings: &[PdfWarning]) -> EvidenceCheck {
    if warnings.is_empty() {
        return evidence_check(
            "integrity",
            "文件完整性",
            Outcome::Pass,
            "文件完整（有 %%EOF 结束标记），页面目录可读。".to_string(),
        );
    }
    let found: Vec<String> = warnings
        .iter()
        .map(|warning| match warning {
            PdfWarning::Rebuilt => "文件内部的交叉引用表有误，按对象逐个扫描才读出页面".to_string(),
            PdfWarning::CountMismatch { declared, found } => {
                format!("页面目录记录为 {declared} 页，实际只能读到 {found} 页（以实际页数为准）")
            }
            PdfWarning::PageTreeLoop => "页面目录中有重复或循环引用".to_string(),
            PdfWarning::UnreadablePages(n) => format!("有 {n} 个页面对象无法读取"),
        })
        .collect();
    evidence_check(
        "integrity",
        "文件完整性",
        Outcome::Warn,
        format!(
            "文件能读出页数，但{}。多数阅读器能自动修复，稳妥起见建议用 PDF 软件重新导出一次再上传。",
            found.join("；")
        ),
    )
}

pub(super) fn pages_check(pages: u32, min_pages: u32, parts: &[&str]) -> EvidenceCheck {
    let min_pages = min_pages.max(1);
    let listed = if parts.is_empty() {
        String::new()
    } else {
        parts.join("、")
    };
    if pages >= min_pages {
        let message = if listed.is_empty() {
            format!("共 {pages} 页，至少需要 {min_pages} 页。")
        } else {
            format!("共 {pages} 页，至少需要 {min_pages} 页（{listed}）。")
        };
        evidence_check("pages", "页数", Outcome::Pass, message)
    } else {
        let message = if listed.is_empty() {
            format!("只有 {pages} 页，至少需要 {min_pages} 页。请补齐后重新导出为一个 PDF。")
        } else {
            format!("只有 {pages} 页，至少需要 {min_pages} 页：{listed}。每份材料至少一页，请全部扫描进同一个 PDF 后重新上传。")
        };
        evidence_check("pages", "页数", Outcome::Fail, message)
    }
}

/// "512 字节", "58.6 KB", "12.3 MB" (K = 1024).
pub fn size_text(bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} 字节")
    } else if bytes < 1024 * 1024 {
        format!("{} KB", decimal(bytes, 1024, 1))
    } else {
        format!("{} MB", decimal(bytes, 1024 * 1024, 1))
    }
}

pub(super) fn size_check(bytes: u64) -> EvidenceCheck {
    if bytes > LARGE_FILE_BYTES {
        evidence_check(
            "size",
            "文件大小",
            Outcome::Note,
            format!(
                "文件 {}，较大，建议压缩（超过 5 MB 上传慢；扫描件用 150–200 dpi 或 PDF 软件的「减小文件大小」）。",
                size_text(bytes)
            ),
        )
    } else {
        evidence_check(
            "size",
            "文件大小",
            Outcome::Pass,
            format!("文件 {}。", size_text(bytes)),
        )
    }
}

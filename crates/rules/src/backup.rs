//! 导出备份 / 导入备份: one JSON text holding the draft exactly as stored and every file it refers
//! to (base64), and the checks an imported text must pass before the shell stores anything. The
//! format is described in `docs/backup-format.md`.
//!
//! The shell reads the files from IndexedDB and passes them in; on import it gets back a checked
//! draft and checked files (each one's bytes hash to its id) and stores them as a new applicant,
//! or a [`BackupError`] whose message it shows, having changed nothing.

use super::base64;
use super::draft::{load_stored, DamageReason, Draft, Loaded, SCHEMA_VERSION};
use super::json_value::{self, Map, Value};
use super::number_text::decimal;
use super::sha256::sha256_hex;

/// The `format` marker every backup carries.
pub const FORMAT: &str = "zhicheng-yanlian-backup";

/// Bump when the backup's shape changes in a way this version's reader cannot read; older
/// readers then refuse newer backups with [`BackupError::FutureFormat`].
pub const FORMAT_VERSION: u64 = 1;

/// The largest backup text read (200 MiB). The shell should check `File.size` with
/// [`check_backup_size`] before reading the file at all.
pub const MAX_BACKUP_BYTES: u64 = 200 * 1024 * 1024;

/// A file as restored from a backup: its bytes hash to `id`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BackupFile {
    pub id: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// A backup that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    /// The draft, migrated to [`SCHEMA_VERSION`] if it was older.
    pub draft: Draft,
    /// One entry per file the draft refers to and the backup holds, in
    /// [`referenced_file_ids`] order.
    pub files: Vec<BackupFile>,
    /// As written at export (`YYYY-MM-DDTHH:MM:SS`, local time), or empty.
    pub exported_at: String,
    /// The app version that wrote the backup, or empty.
    pub app_version: String,
    /// Ids the draft refers to that the backup does not hold: the shell imports anyway and says
    /// which files must be chosen again.
    pub missing_files: Vec<String>,
}

/// Why a text cannot be imported. Every variant means nothing may be changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    /// Nothing but whitespace.
    Empty,
    /// Longer than [`MAX_BACKUP_BYTES`].
    TooLarge { bytes: u64 },
    /// The JSON (or UTF-8) ends early: a cut-off download or copy.
    Truncated,
    /// Not JSON, and not starting like a backup either (a PDF, a photo, a text file…).
    NotJson,
    /// Starts like a backup but is not valid JSON (or UTF-8) at this place.
    Corrupt { line: usize, column: usize },
    /// Valid JSON without this tool's `format` marker (`found` is the marker it has, if any).
    Foreign { found: Option<String> },
    /// A draft as the app stores it in the browser, not a backup.
    StoredDraft,
    /// A backup from a newer version of this tool.
    FutureFormat { found: u64 },
    /// Marked as a backup but its parts are missing or of the wrong type (`detail` in Chinese).
    Malformed { detail: String },
    /// The draft inside is from a newer schema.
    DraftFromFuture { found: u64 },
    /// The draft inside cannot be read as a draft.
    DraftUnreadable(DamageReason),
    /// A file's `data` is not base64 as the exporter writes it.
    BadBase64 { id: String, label: String },
    /// A file's bytes do not number what its `size` says.
    SizeMismatch {
        id: String,
        label: String,
        declared: u64,
        actual: u64,
    },
    /// A file's bytes do not hash to its id.
    HashMismatch { id: String, label: String },
}

impl BackupError {
    /// What is wrong and what to do, for the applicant.
    pub fn message(&self) -> String {
        const REEXPORT: &str = "请在原来的浏览器中重新导出备份";
        match self {
            BackupError::Empty => "备份文件是空的，请确认选择了本工具导出的备份".to_string(),
            BackupError::TooLarge { bytes } => format!(
                "文件太大（{} MB，本工具最多读取 200 MB），不是本工具导出的备份",
                decimal(*bytes, 1 << 20, 1)
            ),
            BackupError::Truncated => "备份文件不完整，可能下载中断，请重新导出".to_string(),
            BackupError::NotJson => {
                "这个文件不是本工具导出的备份（内容不是备份数据），请选择「导出备份」得到的文件"
                    .to_string()
            }
            BackupError::Corrupt { line, column } => format!(
                "备份文件已损坏（第 {line} 行第 {column} 列附近的内容不合规），{REEXPORT}"
            ),
            BackupError::Foreign { found: None } => {
                "这个文件不是本工具导出的备份，请选择「导出备份」得到的文件（文件名以「职称申报演练备份-」开头）".to_string()
            }
            BackupError::Foreign { found: Some(found) } => {
                let shown: String = found.chars().take(40).collect();
                format!("这个文件不是本工具导出的备份（format 标记是「{shown}」），请选择「导出备份」得到的文件")
            }
            BackupError::StoredDraft => "这个文件是浏览器里保存的草稿数据，不是本工具导出的备份，请用「导出备份」生成备份文件".to_string(),
            BackupError::FutureFormat { found } => format!(
                "备份来自更新版本的本工具（格式版本 {found}），请先更新本工具再导入"
            ),
            BackupError::Malformed { detail } => {
                format!("备份文件的内容不对（{detail}），可能被改动过，{REEXPORT}")
            }
            BackupError::DraftFromFuture { found } => format!(
                "备份中的草稿来自更新版本的本工具（数据版本 {found}，本版本只认识到 {SCHEMA_VERSION}），请先更新本工具再导入"
            ),
            BackupError::DraftUnreadable(_) => format!(
                "备份中的草稿无法读取（字段与本工具的草稿不符），可能被改动过，{REEXPORT}"
            ),
            BackupError::BadBase64 { label, .. } => {
                format!("备份中的文件「{label}」已损坏（编码不正确），{REEXPORT}")
            }
            BackupError::SizeMismatch {
                label,
                declared,
                actual,
                ..
            } => format!(
                "备份中的文件「{label}」已损坏（应为 {declared} 字节，实际 {actual} 字节），{REEXPORT}"
            ),
            BackupError::HashMismatch { label, .. } => {
                format!("备份中的文件「{label}」已损坏（校验不一致），{REEXPORT}")
            }
        }
    }
}

/// The ids of the files `draft` refers to: the photo first, then the attachments in item order,
/// each id once.
pub fn referenced_file_ids(draft: &Draft) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    let all = draft
        .photo
        .iter()
        .map(|p| &p.file_id)
        .chain(draft.attachments.values().map(|a| &a.file_id));
    for id in all {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
    ids
}

/// How messages name a file: 证件照 for the photo, else the attachment's file name.
fn file_label(draft: &Draft, id: &str) -> String {
    if draft.photo.as_ref().is_some_and(|p| p.file_id == id) {
        return "证件照".to_string();
    }
    draft
        .attachments
        .values()
        .find(|a| a.file_id == id && !a.file_name.is_empty())
        .map(|a| a.file_name.clone())
        .unwrap_or_else(|| format!("附件 {}", id.chars().take(8).collect::<String>()))
}

/// Writes `text` as a JSON string (quotes and escapes) onto `out`.
fn push_json_string(out: &mut String, text: &str) {
    super::json::write_str(out, text);
}

/// The backup text of `draft` and its files. `files` holds `(id, mime, bytes)` as the shell
/// found them in IndexedDB; only files the draft refers to go in, each once, in
/// [`referenced_file_ids`] order, and a file whose bytes do not hash to its id is left out (it
/// would make the whole backup unreadable; the import then lists it as missing).
/// `exported_at` is the local time as `YYYY-MM-DDTHH:MM:SS`.
pub fn export_backup(
    draft: &Draft,
    files: &[(String, String, Vec<u8>)],
    exported_at: &str,
) -> String {
    let chosen: Vec<&(String, String, Vec<u8>)> = referenced_file_ids(draft)
        .iter()
        .filter_map(|id| {
            files
                .iter()
                .find(|(file_id, _, bytes)| file_id == id && sha256_hex(bytes) == *id)
        })
        .collect();
    let stored = draft.to_stored();
    let payload: usize = chosen
        .iter()
        .map(|(_, _, b)| b.len().div_ceil(3) * 4 + 200)
        .sum();
    let mut out = String::with_capacity(stored.len() + payload + 200);
    out.push_str("{\"format\":");
    push_json_string(&mut out, FORMAT);
    out.push_str(",\"format_version\":");
    out.push_str(&FORMAT_VERSION.to_string());
    out.push_str(",\"exported_at\":");
    push_json_string(&mut out, exported_at);
    out.push_str(",\"app_version\":");
    push_json_string(&mut out, env!("CARGO_PKG_VERSION"));
    out.push_str(",\"draft\":");
    out.push_str(&stored);
    out.push_str(",\"files\":[");
    for (i, (id, mime, bytes)) in chosen.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str("\n{\"id\":");
        push_json_string(&mut out, id);
        out.push_str(",\"mime\":");
        push_json_string(&mut out, mime);
        out.push_str(",\"size\":");
        out.push_str(&bytes.len().to_string());
        out.push_str(",\"data\":\"");
        out.push_str(&base64::encode(bytes));
        out.push_str("\"}");
    }
    out.push_str("]}");
    out
}

/// Refuses a file of `bytes` before it is read ([`MAX_BACKUP_BYTES`]).
pub fn check_backup_size(bytes: u64) -> Result<(), BackupError> {
    if bytes > MAX_BACKUP_BYTES {
        Err(BackupError::TooLarge { bytes })
    } else {
        Ok(())
    }
}

/// [`read_backup`] for the file's raw bytes, telling a download cut inside a multi-byte character
/// (truncated) from bytes that are not UTF-8 text at all (not a backup).
pub fn read_backup_bytes(bytes: &[u8]) -> Result<Backup, BackupError> {
    check_backup_size(bytes.len() as u64)?;
    // Windows Notepad puts a byte order mark in front of a UTF-8 file it saves.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => read_backup(text),
        Err(error) => {
            let good = &bytes[..error.valid_up_to()];
            if !starts_like_object(good) {
                Err(BackupError::NotJson)
            } else if error.error_len().is_none() {
                // The bytes end inside a character: whatever the JSON, it was cut short.
                Err(BackupError::Truncated)
            } else {
                let line = 1 + good.iter().filter(|&&b| b == b'\n').count();
                let line_start = good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
                // valid_up_to is a character boundary of valid UTF-8.
                let column =
                    1 + std::str::from_utf8(&good[line_start..]).map_or(0, |s| s.chars().count());
                Err(BackupError::Corrupt { line, column })
            }
        }
    }
}

fn starts_like_object(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'{')
}

/// One entry of the backup's file list, borrowed from the parsed text. The envelope is read from
/// one parse of the text: its `format` first, so that another tool's JSON and a future version are
/// told apart from a damaged backup whatever else they changed.
struct FileEntry<'a> {
    id: &'a str,
    mime: &'a str,
    size: u64,
    data: &'a str,
}

/// The file list, or `None` when an entry lacks a field or has one of the wrong kind.
fn file_entries(files: &[Value]) -> Option<Vec<FileEntry<'_>>> {
    files
        .iter()
        .map(|entry| {
            let o = entry.as_object()?;
            Some(FileEntry {
                id: o.get("id")?.as_str()?,
                mime: o.get("mime")?.as_str()?,
                size: o.get("size")?.as_u64()?,
                data: o.get("data")?.as_str()?,
            })
        })
        .collect()
}

/// A member that must be text when it is there: `Err` when it is something else.
fn optional_text<'a>(object: &'a Map<String, Value>, name: &str) -> Result<Option<&'a str>, ()> {
    match object.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text)),
        Some(_) => Err(()),
    }
}

fn malformed(detail: &str) -> BackupError {
    BackupError::Malformed {
        detail: detail.to_string(),
    }
}

/// Checks a backup text and returns what it holds; any error means the shell changes nothing.
///
/// The checks, in order: size, empty, JSON syntax (cut short → [`BackupError::Truncated`]), the
/// `format` marker and `format_version`, the envelope's fields, the draft (through
/// [`load_stored`], so a backup restores exactly what the browser would), then each file the draft
/// refers to: base64, size, SHA-256 against its id. Files the draft does not refer to are
/// ignored; files it refers to that are absent are listed in [`Backup::missing_files`].
pub fn read_backup(text: &str) -> Result<Backup, BackupError> {
    check_backup_size(text.len() as u64)?;
    if text.trim().is_empty() {
        return Err(BackupError::Empty);
    }
    let value: Value = match json_value::parse(text) {
        Ok(value) => value,
        Err(error) => {
            return Err(if !starts_like_object(text.as_bytes()) {
                BackupError::NotJson
            } else if error.is_eof() {
                BackupError::Truncated
            } else {
                BackupError::Corrupt {
                    line: error.line(),
                    column: error.column(),
                }
            })
        }
    };
    let Some(object) = value.as_object() else {
        return Err(BackupError::Foreign { found: None });
    };
    // A `format` that is not text is someone else's JSON.
    let format = optional_text(object, "format").unwrap_or(None);
    match format {
        Some(FORMAT) => {}
        None if matches!(
            load_stored(Some(text)),
            Loaded::Restored(_) | Loaded::Migrated { .. }
        ) =>
        {
            return Err(BackupError::StoredDraft)
        }
        found => {
            return Err(BackupError::Foreign {
                found: found.map(str::to_string),
            })
        }
    }
    let version = match object.get("format_version") {
        None | Some(Value::Null) => return Err(malformed("缺少格式版本")),
        Some(Value::Number(n)) => n.as_u64().ok_or_else(|| malformed("格式版本不是正整数"))?,
        Some(_) => return Err(malformed("格式版本不是数字")),
    };
    if version > FORMAT_VERSION {
        return Err(BackupError::FutureFormat { found: version });
    }
    if version < 1 {
        return Err(malformed("格式版本 0 不存在"));
    }
    let envelope = || malformed("导出时间、草稿或文件清单的写法不对");
    let exported_at = optional_text(object, "exported_at").map_err(|()| envelope())?;
    let app_version = optional_text(object, "app_version").map_err(|()| envelope())?;
    let entries = match object.get("files") {
        None | Some(Value::Null) => None,
        Some(Value::Array(files)) => Some(file_entries(files).ok_or_else(envelope)?),
        Some(_) => return Err(envelope()),
    };
    if matches!(object.get("draft"), None | Some(Value::Null)) {
        return Err(malformed("缺少草稿"));
    }
    let entries = entries.ok_or_else(|| malformed("缺少文件清单"))?;
    let draft_text = member_text(text, "draft").ok_or_else(|| malformed("缺少草稿"))?;
    let draft = match load_stored(Some(draft_text)) {
        Loaded::Restored(draft) | Loaded::Migrated { draft, .. } => draft,
        Loaded::Damaged(DamageReason::FutureVersion { found }) => {
            return Err(BackupError::DraftFromFuture { found })
        }
        Loaded::Damaged(reason) => return Err(BackupError::DraftUnreadable(reason)),
        Loaded::Fresh => return Err(malformed("缺少草稿")),
    };

    let referenced = referenced_file_ids(&draft);
    let mut files: Vec<BackupFile> = Vec::new();
    for wanted in &referenced {
        // The first entry with this id counts; later duplicates are ignored like unknown files.
        let Some(entry) = entries.iter().find(|e| e.id == *wanted) else {
            continue;
        };
        let label = || file_label(&draft, wanted);
        let data: &str = entry.data;
        let claimed = base64::decoded_len(data) as u64;
        if data.len().is_multiple_of(4) && claimed != entry.size {
            // Refused before decoding: the data cannot be the size it claims.
            return Err(BackupError::SizeMismatch {
                id: wanted.clone(),
                label: label(),
                declared: entry.size,
                actual: claimed,
            });
        }
        let bytes = base64::decode(data).map_err(|_| BackupError::BadBase64 {
            id: wanted.clone(),
            label: label(),
        })?;
        if sha256_hex(&bytes) != *wanted {
            return Err(BackupError::HashMismatch {
                id: wanted.clone(),
                label: label(),
            });
        }
        files.push(BackupFile {
            id: wanted.clone(),
            mime: safe_mime(entry.mime).to_string(),
            bytes,
        });
    }
    let missing_files = referenced
        .into_iter()
        .filter(|id| !files.iter().any(|f| f.id == *id))
        .collect();
    Ok(Backup {
        draft,
        files,
        exported_at: exported_at.unwrap_or_default().to_string(),
        app_version: app_version.unwrap_or_default().to_string(),
        missing_files,
    })
}

/// The MIME types a restored file may carry; anything else (text/html, image/svg+xml…) becomes
/// `application/octet-stream`, so that a hand-made backup cannot make the app open a document
/// that runs script from the app's origin.
const SAFE_MIME: [&str; 10] = [
    "application/pdf",
    "application/octet-stream",
    "image/jpeg",
    "image/png",
    "image/gif",
    "image/webp",
    "image/bmp",
    "image/heic",
    "image/heif",
    "image/avif",
];

fn safe_mime(mime: &str) -> &str {
    SAFE_MIME
        .iter()
        .find(|safe| safe.eq_ignore_ascii_case(mime))
        .copied()
        .unwrap_or("application/octet-stream")
}

/// The text of the top-level object's member `name`, exactly as written. `text` must already be
/// known to be valid JSON; the scan only finds boundaries.
fn member_text<'a>(text: &'a str, name: &str) -> Option<&'a str> {
    let b = text.as_bytes();
    let mut i = skip_ws(b, 0);
    if *b.get(i)? != b'{' {
        return None;
    }
    i += 1;
    loop {
        i = skip_ws(b, i);
        if *b.get(i)? != b'"' {
            return None;
        }
        let key_end = skip_string(b, i)?;
        let key = text.get(i..key_end)?;
        i = skip_ws(b, key_end);
        if *b.get(i)? != b':' {
            return None;
        }
        i = skip_ws(b, i + 1);
        let value_end = skip_value(b, i)?;
        let matches = if key.contains('\\') {
            json_value::parse(key).is_ok_and(|k| k.as_str() == Some(name))
        } else {
            key.get(1..key.len() - 1) == Some(name)
        };
        if matches {
            return text.get(i..value_end);
        }
        i = skip_ws(b, value_end);
        if *b.get(i)? != b',' {
            return None;
        }
        i += 1;
    }
}

fn skip_ws(b: &[u8], mut i: usize) -> usize {
    while b
        .get(i)
        .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r'))
    {
        i += 1;
    }
    i
}

/// From the opening quote at `i` to just after the closing one.
fn skip_string(b: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    loop {
        match *b.get(j)? {
            b'"' => return Some(j + 1),
            b'\\' => j += 2,
            _ => j += 1,
        }
    }
}

/// From the start of a value at `i` to just after its end.
fn skip_value(b: &[u8], i: usize) -> Option<usize> {
    match *b.get(i)? {
        b'"' => skip_string(b, i),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut j = i;
            loop {
                match *b.get(j)? {
                    b'"' => {
                        j = skip_string(b, j)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return Some(j + 1);
                        }
                    }
                    _ => {}
                }
                j += 1;
            }
        }
        _ => {
            let mut j = i;
            while b
                .get(j)
                .is_some_and(|c| !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
            {
                j += 1;
            }
            Some(j)
        }
    }
}

#[cfg(test)]
#[path = "backup_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "backup_damage_tests.rs"]
mod damage_tests;

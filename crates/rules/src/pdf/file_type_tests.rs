//! Files that are not PDFs, named by their bytes.

use super::fixtures::*;
use super::*;

// ---------------------------------------------------------------------------------------------
// Not PDFs

#[test]
fn other_file_types_are_named_by_their_bytes() {
    let cases: Vec<(&str, Vec<u8>, FileType)> = vec![
        ("empty", Vec::new(), FileType::Empty),
        ("a JPEG renamed .pdf", jpeg(), FileType::Jpeg),
        (
            "PNG",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            FileType::Png,
        ),
        ("GIF", b"GIF89a\x10\0\x10\0".to_vec(), FileType::Gif),
        ("WebP", b"RIFF\x24\0\0\0WEBPVP8 ".to_vec(), FileType::WebP),
        (
            "HEIC",
            b"\0\0\0\x18ftypheic\0\0\0\0mif1heic".to_vec(),
            FileType::Heic,
        ),
        (
            "BMP",
            b"BM\x36\0\0\0\0\0\0\0\x36\0\0\0".to_vec(),
            FileType::Bmp,
        ),
        ("TIFF", b"II*\0\x08\0\0\0".to_vec(), FileType::Tiff),
        (
            "docx",
            zip(&["[Content_Types].xml", "_rels/.rels", "word/document.xml"]),
            FileType::Docx,
        ),
        (
            "xlsx",
            zip(&["[Content_Types].xml", "xl/workbook.xml"]),
            FileType::Xlsx,
        ),
        (
            "pptx",
            zip(&["[Content_Types].xml", "ppt/presentation.xml"]),
            FileType::Pptx,
        ),
        (
            "OFD",
            zip(&["OFD.xml", "Doc_0/Document.xml"]),
            FileType::Ofd,
        ),
        (
            "zip of scans",
            zip(&["备案表.jpg", "毕业证书.jpg"]),
            FileType::Zip,
        ),
        ("doc", ole("WordDocument"), FileType::Doc),
        ("xls", ole("Workbook"), FileType::Xls),
        ("ppt", ole("PowerPoint Document"), FileType::Ppt),
        ("another OLE file", ole("Contents"), FileType::OfficeLegacy),
        ("RAR", b"Rar!\x1a\x07\x01\0\x33\x92".to_vec(), FileType::Rar),
        (
            "7z",
            b"7z\xbc\xaf\x27\x1c\0\x04".to_vec(),
            FileType::SevenZip,
        ),
        (
            "UTF-8 text",
            "学历证书电子注册备案表\r\n毕业证书\n".as_bytes().to_vec(),
            FileType::Text,
        ),
        (
            "GBK text",
            b"\xb1\xcf\xd2\xb5\xd6\xa4\xca\xe9\r\n".to_vec(),
            FileType::Text,
        ),
        (
            "UTF-16 text",
            b"\xff\xfe\x66\x5b\x0e\x53".to_vec(),
            FileType::Text,
        ),
        (
            "HTML",
            b"\n<!DOCTYPE html><html><body>CHSI</body></html>".to_vec(),
            FileType::Html,
        ),
        (
            "MHT",
            b"From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;"
                .to_vec(),
            FileType::Html,
        ),
        ("binary", vec![0, 1, 2, 3, 250, 4, 5], FileType::Unknown),
        ("a PDF", classic(1), FileType::Pdf),
        (
            "%PDF- after 1024 bytes of junk",
            [vec![b'x'; 1024], classic(1)].concat(),
            FileType::Pdf,
        ),
    ];
    for (name, bytes, expected) in cases {
        assert_eq!(file_type(&bytes), expected, "{name}");
        let report = inspect_pdf(&bytes);
        assert_eq!(report.file_type, expected, "{name}");
        let want = match expected {
            FileType::Empty => Err(PdfProblem::Empty),
            FileType::Pdf => continue,
            other => Err(PdfProblem::NotPdf(other)),
        };
        assert_eq!(report.kind, want, "{name}");
    }
    // One byte more of junk and the header is too far in.
    let far = [vec![b'x'; 1025], classic(1)].concat();
    assert_eq!(
        inspect_pdf(&far).kind,
        Err(PdfProblem::NotPdf(FileType::Text))
    );
}

// Small PDFs for the evidence tests, written by hand: a classic cross-reference table, N pages,
// optionally an /Encrypt entry in the trailer.
export function makePdf(pages, { encrypted = false } = {}) {
  const objects = [];
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(" ");
  objects.push("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  for (let i = 0; i < pages; i++) {
    objects.push("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
  }
  if (encrypted) objects.push("<< /Filter /Standard /V 2 /R 3 /Length 128 /P -1084 /O <00> /U <00> >>");
  let body = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
  const offsets = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  const encrypt = encrypted ? ` /Encrypt ${objects.length} 0 R /ID [<01> <01>]` : "";
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

export function file(name, mimeType, buffer) {
  return { name, mimeType, buffer };
}

/**
 * Writing PDFs byte by byte for the hostile generators (generate.ts, bombs.ts, text-layer.ts): objects numbered
 * from 1, a classic cross-reference table with exact offsets, streams with their /Length, text pages in Helvetica.
 */
export const bin = (s: string): Buffer => Buffer.from(s, 'latin1');

/** Body of an indirect object (what goes between `n 0 obj` and `endobj`). */
export type ObjBody = string | Buffer;

/**
 * Assembles a classic (non-incremental) PDF. `objects[i]` becomes object
 * number i + 1, generation 0. `trailerExtra` is appended inside the trailer
 * dictionary after /Size. Offsets in the xref table are exact.
 */
export function buildPdf(objects: ObjBody[], trailerExtra: string, version = '1.7'): Buffer {
  const parts: Buffer[] = [];
  let pos = 0;
  const push = (b: Buffer): void => {
    parts.push(b);
    pos += b.length;
  };
  // Binary comment line so that tools treat the file as binary.
  push(bin(`%PDF-${version}\n%\xE2\xE3\xCF\xD3\n`));
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pos);
    push(bin(`${i + 1} 0 obj\n`));
    push(typeof body === 'string' ? bin(body) : body);
    push(bin('\nendobj\n'));
  });
  const xrefPos = pos;
  push(bin(xrefTable(offsets)));
  push(bin(`trailer\n<< /Size ${objects.length + 1} ${trailerExtra} >>\nstartxref\n${xrefPos}\n%%EOF\n`));
  return Buffer.concat(parts);
}

/** xref section for objects 1..n (each entry exactly 20 bytes). */
export function xrefTable(offsets: number[]): string {
  let s = `xref\n0 ${offsets.length + 1}\n0000000000 65535 f\r\n`;
  for (const off of offsets) s += `${String(off).padStart(10, '0')} 00000 n\r\n`;
  return s;
}

/** A stream object body; `/Length` is added automatically. */
export function stream(dictEntries: string, data: Buffer): Buffer {
  return Buffer.concat([bin(`<< ${dictEntries} /Length ${data.length} >>\nstream\n`), data, bin('\nendstream')]);
}

/**
 * PDF literal string for WinAnsiEncoding text. Characters U+0000..U+00FF map
 * to the same WinAnsi code (true for all Latin-1 letters such as å ä ö);
 * non-ASCII bytes are written as octal escapes so the file stays 7-bit in
 * content streams.
 */
export function pdfString(s: string): string {
  let out = '(';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c > 0xff || (c >= 0x80 && c <= 0x9f)) throw new Error(`not representable in WinAnsi: ${ch}`);
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (c < 0x20 || c > 0x7e) out += `\\${c.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return `${out})`;
}

/** Content stream that writes `lines` in 12 pt Helvetica (resource /F1). */
export function textContent(lines: string[]): Buffer {
  const ops = ['BT', '/F1 12 Tf', '14 TL', '72 760 Td'];
  lines.forEach((line, i) => {
    if (i > 0) ops.push('T*');
    ops.push(`${pdfString(line)} Tj`);
  });
  ops.push('ET');
  return bin(`${ops.join('\n')}\n`);
}

export const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/**
 * Plain text PDF: 1 Catalog, 2 Pages, 3 Font, then (Page, Contents) pairs.
 * `catalogExtra` is inserted into the catalog; `extraObjects` are appended
 * after the pages (numbered from 4 + 2 * pages.length).
 */
export function textPdf(pages: string[][], opts: { catalogExtra?: string; extraObjects?: ObjBody[]; countOverride?: number } = {}): Buffer {
  const kids = pages.map((_, i) => `${4 + 2 * i} 0 R`).join(' ');
  const objs: ObjBody[] = [
    `<< /Type /Catalog /Pages 2 0 R ${opts.catalogExtra ?? ''}>>`,
    `<< /Type /Pages /Kids [${kids}] /Count ${opts.countOverride ?? pages.length} >>`,
    HELVETICA,
  ];
  pages.forEach((lines, i) => {
    objs.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + 2 * i} 0 R >>`,
    );
    objs.push(stream('', textContent(lines)));
  });
  objs.push(...(opts.extraObjects ?? []));
  return buildPdf(objs, '/Root 1 0 R');
}

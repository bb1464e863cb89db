/**
 * Hostile / broken PDF generator for verkstad's robustness tests.
 *
 * Every file is written by hand (no pdf-lib) so that the exact bytes are under
 * our control: cross-reference offsets are computed while the file is
 * assembled. Only Node built-ins are used (fs, zlib, crypto, stream).
 *
 * The `note` of each case records what pdfjs-dist 5.5.207 (legacy build,
 * `getDocument({ data, isEvalSupported: false, enableXfa: false,
 * useSystemFonts: false })`, then getPage + getTextContent on up to 5 pages)
 * was observed to do with that file on Node 20.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflate, deflateSync } from 'node:zlib';
import { mulberry32 } from '../bench/prng.js';
import { bin, buildPdf, HELVETICA, pdfString, stream, textContent, textPdf, xrefTable, type ObjBody } from './pdf-assembly.js';

export interface HostileCase {
  /** Case id (the file name without `.pdf`). */
  name: string;
  /** Absolute (or `dir`-relative, if `dir` was relative) path of the written file. */
  file: string;
  expectCode:
    | 'EMPTY'
    | 'NOT_PDF'
    | 'INVALID_PDF'
    | 'ENCRYPTED'
    | 'NO_TEXT_LAYER'
    | 'TIMEOUT'
    | 'TOO_LARGE'
    | 'OK';
  note: string;
}

/** Passwords of `encrypted.pdf` (exported so a test can check that it opens with them). */
export const ENCRYPTED_USER_PASSWORD = 'verkstad-user';
export const ENCRYPTED_OWNER_PASSWORD = 'verkstad-owner';
/** File that the JavaScript in `js-openaction.pdf` would create if it were ever run. */
export const PWNED_MARKER = '/tmp/verkstad-pwned';

const DEFAULT_BOMB_BYTES = 3 * 1024 ** 3;

function pseudoRandomBytes(n: number, seed: number): Buffer {
  const next = mulberry32(seed);
  const buf = Buffer.alloc(n);
  for (let i = 0; i < n; i += 4) {
    const v = next();
    for (let j = 0; j < 4 && i + j < n; j++) buf[i + j] = (v >>> (8 * j)) & 0xff;
  }
  return buf;
}

// ---------------------------------------------------------------------------
// Standard security handler, V2 / R3, 128-bit RC4 (ISO 32000-1 §7.6.3)
// ---------------------------------------------------------------------------

const md5 = (...parts: Buffer[]): Buffer => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
};

/** RC4, by hand: OpenSSL 3 moves RC4 to the legacy provider. */
export function rc4(key: Buffer, data: Buffer): Buffer {
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    const t = s[i]!;
    s[i] = s[j]!;
    s[j] = t;
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    const t = s[i]!;
    s[i] = s[j]!;
    s[j] = t;
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

const PASSWORD_PAD = Buffer.from(
  '28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a',
  'hex',
);

function padPassword(pw: string): Buffer {
  return Buffer.concat([Buffer.from(pw, 'latin1'), PASSWORD_PAD]).subarray(0, 32);
}

const xorKey = (key: Buffer, i: number): Buffer => Buffer.from(key.map((b) => b ^ i));

export interface StandardEncryption {
  key: Buffer;
  o: Buffer;
  u: Buffer;
  p: number;
  id0: Buffer;
}

export function standardEncryptionR3(user: string, owner: string, p: number, id0: Buffer): StandardEncryption {
  const n = 16;
  // Algorithm 3: /O
  let h = md5(padPassword(owner));
  for (let i = 0; i < 50; i++) h = md5(h.subarray(0, n));
  const ownerKey = h.subarray(0, n);
  let o = rc4(ownerKey, padPassword(user));
  for (let i = 1; i <= 19; i++) o = rc4(xorKey(ownerKey, i), o);
  // Algorithm 2: file key
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(p);
  h = md5(padPassword(user), o, pBytes, id0);
  for (let i = 0; i < 50; i++) h = md5(h.subarray(0, n));
  const key = h.subarray(0, n);
  // Algorithm 5: /U (16 significant bytes + 16 bytes of arbitrary padding)
  let u = rc4(key, md5(PASSWORD_PAD, id0));
  for (let i = 1; i <= 19; i++) u = rc4(xorKey(key, i), u);
  u = Buffer.concat([u, Buffer.alloc(16)]);
  return { key, o, u, p, id0 };
}

/** Algorithm 1: per-object RC4 key. */
export function objectKey(fileKey: Buffer, num: number, gen: number): Buffer {
  const suffix = Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff]);
  return md5(fileKey, suffix).subarray(0, Math.min(fileKey.length + 5, 16));
}

// ---------------------------------------------------------------------------
// Individual cases
// ---------------------------------------------------------------------------

const LOREM_SV = [
  'Uppföljning av miljömål 2024',
  'Kommunens klimatarbete fortsätter enligt plan.',
  'Målet om fossilfria transporter är delvis uppnått.',
  'Åtgärd: utbildning av personal i hållbar upphandling.',
  'Ärende: energieffektivisering av förvaltningens lokaler.',
  'Öppen redovisning av utsläpp sker årligen.',
];

function okPdf(): Buffer {
  return textPdf([
    ['Sida 1: Grön omställning i kommunen', 'Räksmörgås, blåbär och älgstek.', ...LOREM_SV],
    ['Sida 2: Åtgärder och uppföljning', 'ÅÄÖ åäö - slutet av rapporten.', ...LOREM_SV],
  ]);
}

function multiPageTextPdf(pages: number): Buffer {
  const content: string[][] = [];
  for (let p = 1; p <= pages; p++) {
    const lines = [`Sida ${p} av ${pages}`];
    for (let l = 0; l < 40; l++) lines.push(`${LOREM_SV[l % LOREM_SV.length]!} (rad ${l + 1})`);
    content.push(lines);
  }
  return textPdf(content);
}

function encryptedPdf(): Buffer {
  const id0 = md5(bin('verkstad-hostile-encrypted'));
  const enc = standardEncryptionR3(ENCRYPTED_USER_PASSWORD, ENCRYPTED_OWNER_PASSWORD, -3904, id0);
  const content = textContent(['Hemlig rapport: lösenordsskyddad.', ...LOREM_SV]);
  const encContent = rc4(objectKey(enc.key, 5, 0), content);
  const encTitle = rc4(objectKey(enc.key, 6, 0), bin('Krypterad testfil'));
  const objs: ObjBody[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    HELVETICA,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>',
    stream('', encContent),
    `<< /Title <${encTitle.toString('hex')}> >>`,
    `<< /Filter /Standard /V 2 /R 3 /Length 128 /O <${enc.o.toString('hex')}> /U <${enc.u.toString('hex')}> /P ${enc.p} >>`,
  ];
  const id = id0.toString('hex');
  return buildPdf(objs, `/Root 1 0 R /Info 6 0 R /Encrypt 7 0 R /ID [<${id}> <${id}>]`, '1.4');
}

function cyclicPagesPdf(): Buffer {
  // Root Pages (2) -> Kids [4 0 R]; Pages 4 -> Kids [2 0 R (its own parent!), 3 0 R (the only Page)].
  // A depth-first walker reaches the back-edge before any page, so a naive
  // recursive Kids walk never terminates and a cycle-aware one finds no page.
  const objs: ObjBody[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 6 0 R >>',
    '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>',
    HELVETICA,
    stream('', textContent(['Sidan bakom cykeln i sidträdet.'])),
  ];
  return buildPdf(objs, '/Root 1 0 R');
}

const DEEP_ARRAY_DEPTH = 200_000;

function deepArraysPdf(): Buffer {
  // 200 000 nested arrays as the value of /Hostile in the (only) page dictionary,
  // so the object parser must recurse through them as soon as the page is loaded.
  const nested = `${'['.repeat(DEEP_ARRAY_DEPTH)}1${']'.repeat(DEEP_ARRAY_DEPTH)}`;
  const objs: ObjBody[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Hostile ${nested} /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    HELVETICA,
    stream('', textContent(['Text på en sida med djupt nästlade fält.'])),
  ];
  return buildPdf(objs, '/Root 1 0 R');
}

function lyingCountPdf(): Buffer {
  return textPdf([['Den enda riktiga sidan.', ...LOREM_SV]], { countOverride: 100_000_000 });
}

function jsOpenActionPdf(): Buffer {
  const js = `app.alert(1); require('fs').writeFileSync('${PWNED_MARKER}','x')`;
  // Objects 1..5 come from textPdf (1 page); JS action dictionary is object 6.
  return textPdf([['En vanlig sida med inbäddad JavaScript.', ...LOREM_SV]], {
    catalogExtra: '/OpenAction 6 0 R /Names << /JavaScript << /Names [(verkstad) 6 0 R] >> >> ',
    extraObjects: [`<< /Type /Action /S /JavaScript /JS ${pdfString(js)} >>`],
  });
}

function scannedPdf(): Buffer {
  const w = 600;
  const h = 800;
  const next = mulberry32(0x5ca4);
  const px = Buffer.alloc(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let v = 232 + (next() % 16); // paper with noise
      const inText = x >= 60 && x < 540 && y >= 80 && y < 720;
      const line = Math.floor((y - 80) / 24);
      const inLine = inText && (y - 80) % 24 < 10;
      // ragged right edge of each "text line", word gaps every ~50 px
      const lineEnd = 540 - ((line * 37) % 120);
      if (inLine && x < lineEnd && (x + line * 13) % 53 > 6) v = 20 + (next() % 40);
      if (y >= 30 && y < 50 && x >= 60 && x < 360) v = 10; // heading bar
      px[y * w + x] = v;
    }
  }
  const img = deflateSync(px, { level: 9 });
  const objs: ObjBody[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>',
    stream(`/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, img),
    stream('', bin(`q ${w} 0 0 ${h} 0 0 cm /Im0 Do Q\n`)),
  ];
  return buildPdf(objs, '/Root 1 0 R');
}

/**
 * Streams `bombBytes` spaces through deflate(level 9) straight into the file,
 * so memory stays at a few MB whatever the size. The stream's /Length is an
 * indirect object written after the stream.
 */
async function writeBombPdf(file: string, bombBytes: number): Promise<number> {
  const fh = await open(file, 'w');
  try {
    let pos = 0;
    const offsets: number[] = [];
    const write = async (b: Buffer): Promise<void> => {
      await fh.write(b, 0, b.length, pos);
      pos += b.length;
    };
    await write(bin('%PDF-1.7\n%\xE2\xE3\xCF\xD3\n'));
    const plain: string[] = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> /Contents 4 0 R >>',
    ];
    for (const [i, body] of plain.entries()) {
      offsets.push(pos);
      await write(bin(`${i + 1} 0 obj\n${body}\nendobj\n`));
    }
    offsets.push(pos);
    await write(bin('4 0 obj\n<< /Filter /FlateDecode /Length 5 0 R >>\nstream\n'));
    const start = pos;
    const chunk = Buffer.alloc(1 << 20, 0x20);
    async function* source(): AsyncGenerator<Buffer> {
      let left = bombBytes;
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        yield n === chunk.length ? chunk : chunk.subarray(0, n);
        left -= n;
      }
    }
    await pipeline(Readable.from(source(), { objectMode: false }), createDeflate({ level: 9 }), async (compressed: AsyncIterable<Buffer>) => {
      for await (const c of compressed) await write(c);
    });
    const length = pos - start;
    await write(bin('\nendstream\nendobj\n'));
    offsets.push(pos);
    await write(bin(`5 0 obj\n${length}\nendobj\n`));
    const xrefPos = pos;
    await write(bin(`${xrefTable(offsets)}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xrefPos}\n%%EOF\n`));
    return pos;
  } finally {
    await fh.close();
  }
}

const HTML_PAGE = `<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>Sidan kunde inte hittas</title></head>
<body>
<h1>404 – Sidan kunde inte hittas</h1>
<p>Den begärda filen <code>uppfoljning-2024.pdf</code> finns inte längre. Gå till <a href="/">startsidan</a>.</p>
</body>
</html>
`;

// ---------------------------------------------------------------------------
// Public entry point
// ---------------------------------------------------------------------------

/**
 * Writes the hostile set into `dir` (created if missing) and returns the
 * cases. `opts.bombBytes` is the decompressed size of `bomb.pdf`'s content
 * stream (default 3 GiB, which compresses to ~3 MB and takes a few seconds).
 */
export async function writeHostileSet(dir: string, opts: { bombBytes?: number } = {}): Promise<HostileCase[]> {
  await mkdir(dir, { recursive: true });
  const bombBytes = opts.bombBytes ?? DEFAULT_BOMB_BYTES;
  const cases: HostileCase[] = [];
  const add = async (name: string, data: Buffer, expectCode: HostileCase['expectCode'], note: string): Promise<void> => {
    const file = join(dir, `${name}.pdf`);
    await writeFile(file, data);
    cases.push({ name, file, expectCode, note });
  };

  await add(
    'empty',
    Buffer.alloc(0),
    'EMPTY',
    '0 bytes. pdfjs: InvalidPDFException "The PDF file is empty, i.e. its size is zero bytes." (the tool should catch this before pdfjs).',
  );

  await add(
    'random',
    pseudoRandomBytes(64 * 1024, 0x7e5c7ad),
    'NOT_PDF',
    '64 KiB of mulberry32(0x7e5c7ad) bytes, no %PDF- header. pdfjs: warns "Indexing all PDF objects", then ' +
      'InvalidPDFException "Invalid PDF structure." (~0.1 s).',
  );

  await add(
    'page.html',
    Buffer.from(HTML_PAGE, 'utf8'),
    'NOT_PDF',
    'HTML 404 page saved as .pdf (starts with "<!DOCTYPE html>"). pdfjs: InvalidPDFException "Invalid PDF structure."',
  );

  const full = multiPageTextPdf(10);
  await add(
    'truncated',
    full.subarray(0, Math.floor(full.length * 0.4)),
    'INVALID_PDF',
    'A valid 10-page text PDF (classic xref table at the end) cut at 40 % of its bytes: the first ~3 pages\' objects survive, ' +
      'the xref table and trailer are gone. pdfjs logs "Indexing all PDF objects", rebuilds the xref by scanning, but finds ' +
      'no trailer and no object with /Root, so getDocument rejects with InvalidPDFException "Invalid PDF structure." ' +
      '(~0.1 s). No text is recovered, hence INVALID_PDF. Same result for a pdf-lib-written PDF cut at 40 % ' +
      '(with or without object streams); pdfjs could only recover a file that keeps an earlier trailer (linearized/incremental).',
  );

  await add(
    'encrypted',
    encryptedPdf(),
    'ENCRYPTED',
    `Standard security handler V2/R3, 128-bit RC4, user password "${ENCRYPTED_USER_PASSWORD}", owner "${ENCRYPTED_OWNER_PASSWORD}". ` +
      'pdfjs without password: PasswordException (name "PasswordException", code 1 = NEED_PASSWORD, "No password given"); ' +
      'with { password: ENCRYPTED_USER_PASSWORD } it opens: numPages 1, text "Hemlig rapport: lösenordsskyddad. …" ' +
      '(proves the RC4/MD5 key derivation is right).',
  );

  await add(
    'cyclic-pages',
    cyclicPagesPdf(),
    'INVALID_PDF',
    'Root Pages 2 -> Kids [Pages 4]; Pages 4 -> Kids [2 0 R (its parent), Page 3], /Count 1. pdfjs does not hang or ' +
      'overflow: getDocument resolves with numPages 1, getPage(1) rejects at once with UnknownErrorException ' +
      '"Pages tree contains circular reference." (details "FormatError: …"). A naive recursive Kids walk would loop forever. ' +
      '(Seen in a variant with two real pages before the back-edge and /Count 4: pdfjs checkLastPage falls back to ' +
      'getAllPageDicts, numPages 3, pages 1-2 give text, getPage(3) throws the same circular-reference error.)',
  );

  await add(
    'deep-arrays',
    deepArraysPdf(),
    'INVALID_PDF',
    'The only page dictionary holds /Hostile with 200 000 nested arrays "[[[…1…]]]". pdfjs\'s recursive Parser.getObj ' +
      'overflows the stack; the RangeError is caught inside pdfjs and getDocument still resolves (numPages 1), but ' +
      'getPage(1) rejects with UnknownErrorException "Maximum call stack size exceeded" (details "RangeError: Maximum call ' +
      'stack size exceeded"), ~0.1 s, no process crash. The tool must map that non-InvalidPDFException error to INVALID_PDF. ' +
      '(Seen in variants: the same nesting inside a content stream after a text object is swallowed by getTextContent ' +
      '— warning "ignoring errors during GetTextContent" — and the text before it is returned; nesting in an unused object ' +
      'referenced from the catalog is never parsed.)',
  );

  await add(
    'lying-count',
    lyingCountPdf(),
    'OK',
    'One real page, but the root Pages node says /Count 100000000. pdfjs does NOT report 100000000: during ' +
      'getDocument its checkLastPage tries page 99999999, fails, warns "checkLastPage - invalid /Pages tree /Count: ' +
      '100000000." and recounts via getAllPageDicts, so numPages === 1 and page 1 gives its text (~0.15 s). A tool that ' +
      'caps on pdfjs\'s numPages therefore sees 1 page and should report OK (it can never see the lie); TOO_LARGE would ' +
      'only be right for a tool that reads the raw /Count itself.',
  );

  await add(
    'js-openaction',
    jsOpenActionPdf(),
    'OK',
    `Normal text page plus /OpenAction << /S /JavaScript /JS (app.alert(1); require('fs').writeFileSync('${PWNED_MARKER}','x')) >> ` +
      'and the same action in /Names /JavaScript. pdfjs (isEvalSupported: false, no scripting) opens it normally ' +
      '(numPages 1, text extracted) and never runs the JS; doc.getJSActions() does list it under "OpenAction" and "verkstad". ' +
      `the test must check that ${PWNED_MARKER} does not appear.`,
  );

  await add(
    'scanned',
    scannedPdf(),
    'NO_TEXT_LAYER',
    'One 600×800 page whose only content is a 600×800 8-bit DeviceGray Flate image (paper noise + dark "text line" bars). ' +
      'pdfjs: opens fine, numPages 1, getTextContent returns 0 items (text length 0) in ~15 ms.',
  );

  const bombFile = join(dir, 'bomb.pdf');
  const t0 = Date.now();
  const bombSize = await writeBombPdf(bombFile, bombBytes);
  const genMs = Date.now() - t0;
  cases.push({
    name: 'bomb',
    file: bombFile,
    expectCode: 'TOO_LARGE',
    note:
      `One page whose content stream is FlateDecode of ${bombBytes} spaces (file ${bombSize} bytes, generated in ${genMs} ms). ` +
      'pdfjs opens it (numPages 1) and getTextContent inflates the whole stream into one growing buffer: observed ' +
      '200 MiB -> 2.1 s, 0.52 GB RSS, 0 text items; 600 MiB -> 5.9 s, 1.35 GB RSS. Extrapolated for 3 GiB: ~30 s and ' +
      '6+ GB RSS (or an allocation failure) — never run pdfjs on the full-size bomb in-process. The tool should stop it ' +
      'with a size cap (TOO_LARGE); TIMEOUT is an acceptable alternative if its wall-clock limit fires first. ' +
      'Generating the 3 GiB version takes ~12 s with ~55 MB RSS and gives a ~3.1 MB file.',
  });

  await add(
    'ok',
    okPdf(),
    'OK',
    'Control: valid 2-page text PDF, Helvetica with /WinAnsiEncoding, Swedish text with å ä ö Å Ä Ö. ' +
      'pdfjs: numPages 2, getTextContent gives 8 items per page (~345 chars) with correct å/ä/ö/Å/Ä/Ö, e.g. ' +
      '"Räksmörgås, blåbär och älgstek." (pdfjs only warns that standardFontDataUrl is not set; text is unaffected).',
  );

  return cases;
}

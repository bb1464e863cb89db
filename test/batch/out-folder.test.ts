/**
 * The output folder: one run at a time (a lock that names its holder, and a lock left by a dead run taken over),
 * result file names that cannot collide with the archive's own files or with each other, temporaries of killed
 * writes removed at the next run, and I/O errors that say which path and what was being done.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANG_GUARD_MS } from '../helpers.js';
import { dist as distDir, loadDist, root, tempDir } from './helpers.js';

type Names = typeof import('../../dist/archive/output-names.js');
type IoErrors = typeof import('../../dist/model/io-error.js');

let dist: Awaited<ReturnType<typeof loadDist>>;
let names: Names;
let io: IoErrors;
let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  dist = await loadDist();
  names = (await import(path.join(distDir, 'archive', 'output-names.js'))) as Names;
  io = (await import(path.join(distDir, 'model', 'io-error.js'))) as IoErrors;
  ({ dir, cleanup } = await tempDir('out-folder'));
});
afterAll(() => cleanup());

const cli = path.join(root, 'dist', 'cli', 'main.js');
const run = (args: string[], cwd = dir) => spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: HANG_GUARD_MS });
const DRAFT = '# Trygg äldreomsorg\nStatus: grön\n\nAndelen nöjda brukare ökade till 91 procent.\n';
/** A pid that is certainly not running: a process that has exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('result file names', () => {
  const at = (files: string[]) => names.documentOutputNames(files.map((f) => path.join(dir, 'in', f)));

  it('live under documents/, named from the path below the folder all inputs share', () => {
    expect(at(['2024/Årsredovisning.pdf', '2025/delår.pdf'])).toEqual(['documents/2024__Årsredovisning.pdf.json', 'documents/2025__delår.pdf.json']);
    expect(at(['one.pdf'])).toEqual(['documents/one.pdf.json']);
  });

  it('the same base name in two folders, names equal but for case, and names that sanitise alike all differ', () => {
    const files = ['a/rapport.pdf', 'b/rapport.pdf', 'c/R.md', 'c/r.md', 'c/???.md', 'c/***.md', 'c/\u202e.md', 'c/.hidden.md', 'c/CON.md', `c/${'lång'.repeat(80)}.pdf`];
    const got = at(files);
    expect(new Set(got.map((n) => n.toLowerCase())).size).toBe(files.length);
    expect(got.slice(0, 2)).toEqual(['documents/a__rapport.pdf.json', 'documents/b__rapport.pdf.json']);
    // Clashing names each take 8 hex of their path's hash, whichever came first.
    expect(got[2]).toMatch(/^documents\/c__R\.md\.[0-9a-f]{8}\.json$/);
    expect(got[3]).toMatch(/^documents\/c__r\.md\.[0-9a-f]{8}\.json$/);
    expect(got[4]).toMatch(/^documents\/c___\.md\.[0-9a-f]{8}\.json$/);
    expect(got[7]).toBe('documents/c___hidden.md.json');
    expect(got[8]).toBe('documents/c___CON.md.json');
    for (const n of got) expect(Buffer.byteLength(path.basename(n))).toBeLessThanOrEqual(255);
    // The same names whatever the order of the inputs.
    expect(at([...files].reverse())).toEqual([...got].reverse());
  });

  it("an input named like one of the archive's own files does not overwrite it", () => {
    const sub = path.join(dir, 'own-names');
    fs.mkdirSync(sub, { recursive: true });
    const inputs = ['verkstad', '.verkstad-outputs', 'summary.csv', 'report.html', 'verkstad.sqlite', 'ok.md'].map((n) => path.join(sub, n));
    // Drafts with names not ending .md are read as PDFs, and are NOT_PDF (exit 2): what matters is where they land.
    for (const f of inputs) fs.writeFileSync(f, `${DRAFT}\n${path.basename(f)}\n`);
    const out = path.join(sub, 'out');
    const r = run(['analyze', ...inputs, '--out', out, '--quiet', '--timeout', '3600']);
    expect(r.status, r.stderr).toBe(2);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'verkstad.json'), 'utf8')).documents).toHaveLength(inputs.length);
    expect(fs.readFileSync(path.join(out, 'summary.csv'), 'utf8').split('\n').length).toBeGreaterThan(2);
    expect(fs.readdirSync(path.join(out, 'documents')).sort()).toEqual(
      ['_verkstad-outputs.json', 'ok.md.json', 'report.html.json', 'summary.csv.json', 'verkstad.json', 'verkstad.sqlite.json'].sort(),
    );
    for (const f of fs.readdirSync(path.join(out, 'documents'))) {
      expect(JSON.parse(fs.readFileSync(path.join(out, 'documents', f), 'utf8')).documents).toHaveLength(1);
    }
  });
});

describe('the lock on --out', () => {
  it('a second run while the first holds the folder exits 2 naming the first (pid, start, command); never "database is locked"', async () => {
    const out = path.join(dir, 'locked-out');
    const draft = path.join(dir, 'locked-draft.md');
    fs.writeFileSync(draft, DRAFT);
    const holder = spawn(process.execPath, [path.join(root, 'test', 'batch', 'lock-holder.mjs'), distDir, out, 'verkstad analyze archive/ --out locked-out'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let said = '';
    holder.stdout.on('data', (c: Buffer) => (said += c.toString()));
    try {
      while (!said.includes('held')) await new Promise((r) => setTimeout(r, 10));
      const second = run(['analyze', draft, '--out', out, '--quiet']);
      expect(second.status).toBe(2);
      expect(second.stderr).toContain(`is in use by another verkstad run (pid ${holder.pid}, started `);
      expect(second.stderr).toContain('"verkstad analyze archive/ --out locked-out"). Wait for it to finish, or write to another --out folder.');
      expect(second.stderr).not.toMatch(/database is locked/i);
      expect(fs.existsSync(path.join(out, 'verkstad.sqlite'))).toBe(false); // it touched nothing
      const merge = run(['merge', out, '--out', out]);
      expect(merge.status).toBe(2);
      expect(merge.stderr).toContain(`(pid ${holder.pid}, `);
    } finally {
      holder.stdin.end();
      // 'close', not 'exit': a child's stdout may still hold its last line when 'exit' fires.
      await new Promise((r) => holder.once('close', r));
    }
    expect(said).toContain('released');
    const after = run(['analyze', draft, '--out', out, '--quiet']);
    expect(after.status, after.stderr).toBe(0);
    expect(after.stderr).not.toContain('note:');
    expect(fs.existsSync(path.join(out, '.verkstad.lock.json'))).toBe(false); // let go at the end
  });

  it('a lock left by a run that is gone is taken over with a note', () => {
    const out = path.join(dir, 'stale-out');
    fs.mkdirSync(out, { recursive: true });
    const pid = deadPid();
    const owner = { pid, startedAt: '2025-03-01T08:00:00.000Z', host: require('node:os').hostname(), command: 'verkstad analyze old/ --out stale-out' };
    fs.writeFileSync(path.join(out, '.verkstad.lock.json'), JSON.stringify(owner));
    const draft = path.join(dir, 'stale-draft.md');
    fs.writeFileSync(draft, DRAFT);
    const r = run(['analyze', draft, '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `note: ${out}/ was last held by a run that did not finish (pid ${pid}, started 2025-03-01 08:00:00 UTC, "verkstad analyze old/ --out stale-out"); it is no longer running, so this run takes the folder over.`,
    );
  });
});

describe('temporaries of interrupted writes', () => {
  it('ours, of processes that are gone, are removed at the next run; anything else stays', () => {
    const out = path.join(dir, 'tmp-out');
    fs.mkdirSync(path.join(out, 'documents'), { recursive: true });
    const dead = deadPid();
    const stale = [`.report.html.verkstad-${dead}-0123456789ab.tmp`, `documents/.x.pdf.json.verkstad-${dead}-ba9876543210.tmp`, `.summary.csv.${dead}.00112233aabb.tmp`];
    const kept = ['.notes.tmp', 'keep.tmp', `.report.html.verkstad-${process.pid}-0123456789ab.tmp`, 'documents/.x.tmp'];
    for (const f of [...stale, ...kept]) fs.writeFileSync(path.join(out, f), 'half');
    const draft = path.join(dir, 'tmp-draft.md');
    fs.writeFileSync(draft, DRAFT);
    const r = run(['analyze', draft, '--out', out, '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain('removed 3 temporary file(s) that an interrupted run left in');
    for (const f of stale) expect(fs.existsSync(path.join(out, f)), f).toBe(false);
    for (const f of kept) expect(fs.existsSync(path.join(out, f)), f).toBe(true);
  });

  it('a write goes through a temporary that the sweep recognises', async () => {
    const file = path.join(dir, 'tmp-name', 'r.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = dist.atomic.temporaryFor(file);
    fs.writeFileSync(tmp, 'half');
    // Its own process's temporary is never taken for a stale one; another's is, once that process is gone.
    expect(await dist.atomic.removeStaleTemporaries(path.dirname(file))).toEqual([]);
    expect(await dist.atomic.removeStaleTemporaries(path.dirname(file), () => false)).toEqual([]);
    const other = tmp.replace(`verkstad-${process.pid}-`, `verkstad-${deadPid()}-`);
    fs.renameSync(tmp, other);
    expect(await dist.atomic.removeStaleTemporaries(path.dirname(file))).toEqual([path.basename(other)]);
  });
});

describe('I/O errors name the path and what was being done', () => {
  it('the message: operation, path, the reason in words and its code', () => {
    const e = (code: string, message = `${code}: something, open 'x.tmp'`) => Object.assign(new Error(message), { code });
    expect(io.ioErrorMessage('write', 'out/report.html', e('EROFS'))).toBe('Could not write out/report.html: read-only file system (EROFS)');
    expect(io.ioErrorMessage('read', 'a.pdf', e('ENOENT'))).toBe('Could not read a.pdf: no such file or folder (ENOENT)');
    expect(io.ioErrorMessage('open', 'out/verkstad.sqlite', e('SQLITE_BUSY', 'database is locked'))).toBe(
      'Could not open out/verkstad.sqlite: the database is locked by another program (SQLITE_BUSY)',
    );
    expect(io.ioErrorMessage('open', 's.sqlite', e('SQLITE_CANTOPEN_ISDIR', 'x'))).toBe('Could not open s.sqlite: the database file cannot be opened (SQLITE_CANTOPEN_ISDIR)');
    expect(io.ioErrorMessage('write', 'f', e('EXDEV', "EXDEV: cross-device link not permitted, rename 'a' -> 'b'"))).toBe('Could not write f: cross-device link not permitted (EXDEV)');
    expect(new io.IoError('create', 'out', e('ENOTDIR'))).toMatchObject({ name: 'IoError', code: 'ENOTDIR', operation: 'create', path: 'out' });
  });

  it('--out, --stats and check --out under a file, a store that is not one: each names its path and the operation', () => {
    const sub = path.join(dir, 'io');
    fs.mkdirSync(sub, { recursive: true });
    const blocker = path.join(sub, 'a-file');
    fs.writeFileSync(blocker, 'not a folder');
    const draft = path.join(sub, 'draft.md');
    fs.writeFileSync(draft, DRAFT);
    const out = run(['analyze', draft, '--out', path.join(blocker, 'out'), '--quiet']);
    expect(out.status).toBe(2);
    expect(out.stderr).toContain(`verkstad: Could not create the folder ${path.join(blocker, 'out')}: a part of the path is a file, not a folder (ENOTDIR)`);
    const stats = run(['analyze', draft, '--out', path.join(sub, 'out'), '--quiet', '--stats', path.join(blocker, 'stats.json')]);
    expect(stats.status).toBe(2);
    expect(stats.stderr).toContain(`verkstad: Could not create the folder ${blocker}: a file of that name is in the way (EEXIST)`);
    const check = run(['check', draft, '--out', path.join(blocker, 'out.sarif'), '--format', 'sarif']);
    expect(check.status).toBe(2);
    expect(check.stderr).toContain(`verkstad: Could not create the folder ${blocker}: a file of that name is in the way (EEXIST)`);
    const unwritable = run(['check', draft, '--out', sub, '--format', 'sarif']); // a folder where the file should go
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toContain(`verkstad: Could not write ${sub}: `);
    const notStore = path.join(sub, 'not-a-store');
    fs.mkdirSync(notStore);
    fs.writeFileSync(path.join(notStore, 'verkstad.sqlite'), 'this is text, not a database '.repeat(200));
    const bad = run(['analyze', draft, '--out', notStore, '--quiet']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain(`verkstad: Could not open ${path.join(notStore, 'verkstad.sqlite')}: it is not a verkstad store (not an SQLite database) (SQLITE_NOTADB)`);
  });

  it.skipIf(process.getuid?.() === 0)('an input folder that may not be listed is named, with the reason (not "no such file")', () => {
    const locked = path.join(dir, 'no-entry');
    fs.mkdirSync(locked, { recursive: true });
    fs.writeFileSync(path.join(locked, 'r.md'), DRAFT);
    fs.chmodSync(locked, 0o000);
    try {
      const r = run(['analyze', path.join(dir, 'no-entry'), '--format', 'json']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`Could not list the folder ${locked}: permission denied (EACCES)`);
    } finally {
      fs.chmodSync(locked, 0o755);
    }
  });
});

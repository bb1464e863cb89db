/**
 * How summary.csv names a file: by its path relative to the input root it was found under, so that a table passed
 * on to others holds no path of the analyst's machine (`/home/anna/Nedladdningar/…`). The root is the directory
 * argument the file was found in (the outermost, where directory arguments nest), or the working directory for
 * files and globs named on the command line. With several directory arguments each name starts with its
 * directory's own name, so that `a/report.pdf` and `b/report.pdf` stay apart.
 */
import fs from 'node:fs';
import path from 'node:path';

export function fileLabeller(args: readonly string[], cwd: string = process.cwd()): (file: string) => string {
  const dirs = [...new Set(args.filter((a) => isDirectory(path.resolve(cwd, a))).map((a) => path.resolve(cwd, a)))];
  // The outermost directory that holds a file is its root: check shorter paths first.
  dirs.sort((a, b) => a.length - b.length);
  const several = dirs.length > 1;
  return (file) => {
    const target = path.resolve(cwd, file);
    const root = dirs.find((d) => target.startsWith(d.endsWith(path.sep) ? d : d + path.sep));
    const from = root === undefined ? cwd : several ? path.dirname(root) : root;
    return path.relative(from, target).split(path.sep).join('/');
  };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

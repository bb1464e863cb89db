/**
 * How a document's file path appears in each format. Reports are read on other machines than the one
 * that analysed them, so links use the bare file name and URIs are percent-encoded.
 */

/** The last segment of a path, for either separator: archives are often analysed from Windows shares. */
export function fileBasename(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut >= 0 ? file.slice(cut + 1) : file;
}

/**
 * A link to one page of the PDF for a report saved next to it: `Name%20with%20spaces.pdf#page=4`.
 * Encoding the whole name also turns `javascript:` into `javascript%3A`, so it can only be a relative path.
 */
export function pdfPageHref(file: string, page: number): string {
  const name = encodeURIComponent(fileBasename(file));
  return page >= 1 ? `${name}#page=${page}` : name;
}

/** The path with forward slashes, as GitHub and most CI tools expect it. */
export function forwardSlashes(file: string): string {
  return file.replace(/\\/g, '/');
}

/**
 * A URI reference for SARIF's `artifactLocation.uri`: relative paths stay relative (code scanning
 * resolves them against the repository), absolute ones become `file:` URIs; every segment is percent-encoded.
 */
export function artifactUri(file: string): string {
  const path = forwardSlashes(file);
  const encode = (p: string): string => p.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(path)) return `file:///${path.slice(0, 2)}${encode(path.slice(2))}`;
  if (path.startsWith('/')) return `file://${encode(path)}`;
  return encode(path);
}

/**
 * How a document's file path appears in each format: names, links and URIs, every segment percent-encoded. Where
 * a report is written decides where its links must point: the caller that writes it passes its own links.
 */

/** The last segment of a path, for either separator: archives are often analysed from Windows shares. */
export function fileBasename(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut >= 0 ? file.slice(cut + 1) : file;
}

/**
 * A link to one page of a document, from the document's own link (`documentHref`, or the one the caller made for
 * where the report is written): `../archive/Name%20with%20spaces.pdf#page=4`.
 */
export function pdfPageHref(documentLink: string, page: number): string {
  return page >= 1 ? `${documentLink}#page=${page}` : documentLink;
}

/**
 * A document's link from a report read where its paths were given (the working directory): the path as given,
 * each segment percent-encoded, an absolute path as a `file:` URL (`artifactUri`). Encoding every segment also
 * turns `javascript:` into `javascript%3A`, so a relative path can only ever be a relative path.
 */
export function documentHref(file: string): string {
  return artifactUri(file);
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

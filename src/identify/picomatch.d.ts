/** The part of picomatch 4 (a dependency of tinyglobby, used directly for `documents:` globs) that verkstad calls. */
declare module 'picomatch' {
  interface PicomatchOptions {
    dot?: boolean;
    nocase?: boolean;
  }
  function picomatch(glob: string | string[], options?: PicomatchOptions): (test: string) => boolean;
  export default picomatch;
}

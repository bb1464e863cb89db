/**
 * Load-time fixes for slow spots in pdfjs-dist (both halves: the API in pdf.mjs and the worker in pdf.worker.mjs), applied through Node's module customization hooks
 * (`module.register`, see src/extract/pdfjs.ts) so the installed package stays untouched and the module keeps its
 * own URL. Each fix replaces one exact piece of source text; when the text is not there (another pdfjs version),
 * the fix is skipped and pdfjs runs as shipped: the fixes change speed, never results. One is a bound instead
 * (`decode-bound`): it changes nothing for a document within the limit and stops one that is not.
 *
 * This file is the hooks module itself; it runs on Node's hooks thread and imports nothing.
 */

export interface SourcePatch {
  id: string;
  /** Which half of pdfjs the fix applies to. */
  module: PdfjsModule;
  /** Why, with the measurement that justified it. */
  why: string;
  find: string;
  replace: string;
}

export type PdfjsModule = 'api' | 'worker';
/** How the URL of each half ends. */
export const PDFJS_MODULE_SUFFIX: Readonly<Record<PdfjsModule, string>> = {
  api: '/pdfjs-dist/legacy/build/pdf.mjs',
  worker: '/pdfjs-dist/legacy/build/pdf.worker.mjs',
};

export const PDFJS_PATCHES: readonly SourcePatch[] = [
  {
    id: 'textstate-clone',
    module: 'worker',
    why:
      'TextState.clone() made each clone with the state it copies as its prototype, so every q/Tf in a content ' +
      'stream turned an object into a prototype (a new hidden class each time) and made the text-state code ' +
      'megamorphic. It was 11.8 % of a worker profile on the benchmark archive; the clone copies every own field ' +
      'anyway, so a plain new TextState does the same.',
    find: 'const clone = Object.assign(Object.create(this), this);\n    clone.textMatrix = this.textMatrix.slice();',
    replace: 'const clone = Object.assign(new TextState(), this);\n    clone.textMatrix = this.textMatrix.slice();',
  },
  {
    id: 'text-transform-scalars',
    module: 'worker',
    why:
      'getTextContent computes the current text transform twice per glyph, through two Util.transform calls ' +
      'that allocate three arrays (one a product with a Float32Array); it was 9.9 % of a worker profile on the ' +
      'benchmark archive after the clone fix. The same products in the same order, on scalars, allocate one.',
    find: `      return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));
    }`,
    replace: `      const m = textState.textMatrix, c = textState.ctm;
      const a = tsm[0], b = tsm[1], cc = tsm[2], d = tsm[3], e = tsm[4], f = tsm[5];
      const t0 = m[0] * a + m[2] * b, t1 = m[1] * a + m[3] * b, t2 = m[0] * cc + m[2] * d, t3 = m[1] * cc + m[3] * d;
      const t4 = m[0] * e + m[2] * f + m[4], t5 = m[1] * e + m[3] * f + m[5];
      return [c[0] * t0 + c[2] * t1, c[1] * t0 + c[3] * t1, c[0] * t2 + c[2] * t3, c[1] * t2 + c[3] * t3, c[0] * t4 + c[2] * t5 + c[4], c[1] * t4 + c[3] * t5 + c[5]];
    }`,
  },
  {
    id: 'loopback-stream-chunks',
    module: 'api',
    why:
      'In Node pdfjs runs its worker half in the same thread and passes every message through LoopbackPort, which ' +
      'deep-copies it with structuredClone as a real worker boundary would. For the stream chunks of text content and ' +
      'operator lists (every glyph object of every showText, again for each page) that copy was 8 % of a worker ' +
      'profile on the benchmark archive (--jobs 1), plus the garbage it leaves. Such a chunk is a plain object the ' +
      'sender lets go of, except for two things it does right after sending: getTextContent puts new arrays into ' +
      'the same object (textContent.items = []), and OperatorList.flush empties its fnArray and argsArray. So the ' +
      'chunk object is copied, and those two arrays (shallowly: the arguments inside are new for every operation). ' +
      'Any other message, and a chunk that is not a plain object, is still deep-copied.',
    find: `  postMessage(obj, transfer) {
    const event = {
      data: structuredClone(obj, transfer ? {
        transfer
      } : null)
    };`,
    replace: `  postMessage(obj, transfer) {
    const chunk = obj?.stream === StreamKind.ENQUEUE ? obj.chunk : undefined;
    const plain = chunk !== null && typeof chunk === "object" && Object.getPrototypeOf(chunk) === Object.prototype;
    const event = {
      data: plain ? {
        ...obj,
        chunk: Array.isArray(chunk.fnArray) && Array.isArray(chunk.argsArray) ? {
          ...chunk,
          fnArray: chunk.fnArray.slice(),
          argsArray: chunk.argsArray.slice()
        } : {
          ...chunk
        }
      } : structuredClone(obj, transfer ? {
        transfer
      } : null)
    };`,
  },
  {
    id: 'decode-bound',
    module: 'worker',
    why:
      'Not a speed fix: a bound. Every stream pdfjs decodes grows one buffer through DecodeStream.ensureBuffer, ' +
      'which allocates whatever is asked (a 3 MB file holding a 3 GB Flate stream took 77 s and 6 GB). Past the ' +
      'limit of the document being read (src/extract/decode-bound.ts, found through a global symbol, per document ' +
      'through AsyncLocalStorage) it refuses and notes the size, and from then on refuses every buffer that grows, so ' +
      'that pdfjs gives up on the document quickly; extraction then reports TOO_LARGE. Without a bound ' +
      'in place (pdfjs used outside extractDocument) it does nothing. Documents within the limit read as before.',
    find: `  ensureBuffer(requested) {
    const buffer = this.buffer;
    if (requested <= buffer.byteLength) {
      return buffer;
    }`,
    replace: `  ensureBuffer(requested) {
    const buffer = this.buffer;
    if (requested <= buffer.byteLength) {
      return buffer;
    }
    const verkstadBound = globalThis[Symbol.for("verkstad.decodeBound")]?.getStore();
    if (verkstadBound && (requested > verkstadBound.limitBytes || verkstadBound.refusedBytes > 0)) {
      verkstadBound.refusedBytes = Math.max(verkstadBound.refusedBytes, requested);
      throw new Error(\`verkstad: a decoded stream would need \${requested} bytes, over the limit of \${verkstadBound.limitBytes}\`);
    }`,
  },
  {
    id: 'decode-bound-native',
    module: 'worker',
    why:
      'The same bound where pdfjs decodes through the platform: Flate and Brotli content streams, forms and images ' +
      'go through DecompressionStream first, which hands back chunks that pdfjs gathers and joins without limit. Past ' +
      'the document\'s limit the gathering stops and the size is noted (pdfjs then falls back to its own decoder, ' +
      'where decode-bound stops it again).',
    find: `      for await (const chunk of readable) {
        chunks.push(chunk);
        totalLength += chunk.byteLength;
      }`,
    replace: `      const verkstadBound = globalThis[Symbol.for("verkstad.decodeBound")]?.getStore();
      for await (const chunk of readable) {
        chunks.push(chunk);
        totalLength += chunk.byteLength;
        if (verkstadBound && (totalLength > verkstadBound.limitBytes || verkstadBound.refusedBytes > 0)) {
          verkstadBound.refusedBytes = Math.max(verkstadBound.refusedBytes, totalLength);
          chunks.length = 0;
          throw new Error(\`verkstad: a decoded stream would need more than \${verkstadBound.limitBytes} bytes\`);
        }
      }`,
  },
  {
    id: 'image-decode-filter',
    module: 'worker',
    why:
      'pdfjs decodes every image of a page while building its operator list (inflate, colour conversion, soft ' +
      'mask), though the scan only ever wants the mean colour of a status icon. On the real reports that was about ' +
      'half of the operator-list time (KPI charts of 950 × 240 pixels; photos). Before decoding, this asks the ' +
      "filter of the document being read (src/extract/image-filter.ts) whether the image can be an icon, by its " +
      'pixel size and by where pdfjs\'s own transform places it (the placement patches below); one that cannot is ' +
      'sent as "no data", as pdfjs sends one it fails to decode, and keeps its operation and its cache entries, so ' +
      'the operator list is what it was. Where the scan places such an image differently and wants its pixels, the ' +
      'document is read again with every image decoded. Without a filter in place it does nothing.',
    find: `    PDFImage.buildImage({
      xref: this.xref,
      res: resources,
      image,
      isInline,`,
    replace: `    const verkstadImages = globalThis[Symbol.for("verkstad.imageFilter")]?.getStore();
    if (verkstadImages?.skip(w, h, arguments[0]?.verkstadCtm ?? null, objId)) {
      this._sendImgData(objId, null, cacheGlobally);
    } else PDFImage.buildImage({
      xref: this.xref,
      res: resources,
      image,
      isInline,`,
  },
  {
    id: 'image-placement-xobject',
    module: 'worker',
    why:
      'For image-decode-filter: hands the transform an image XObject is drawn with (the `cm`s before its `Do`, as ' +
      "pdfjs tracks them) to buildPaintImageXObject. pdfjs passes nothing of the kind; an argument it does not read changes nothing else.",
    find: `                self.buildPaintImageXObject({
                  resources,
                  image: xobj,
                  operatorList,
                  cacheKey: name,`,
    replace: `                self.buildPaintImageXObject({
                  verkstadCtm: stateManager.state.ctm,
                  resources,
                  image: xobj,
                  operatorList,
                  cacheKey: name,`,
  },
  {
    id: 'image-placement-inline',
    module: 'worker',
    why: 'The same for an inline image (BI … ID … EI) large enough for pdfjs to decode it apart from the operator list.',
    find: `            next(self.buildPaintImageXObject({
              resources,
              image: args[0],
              isInline: true,`,
    replace: `            next(self.buildPaintImageXObject({
              verkstadCtm: stateManager.state.ctm,
              resources,
              image: args[0],
              isInline: true,`,
  },
  {
    id: 'canvas-on-demand',
    module: 'api',
    why:
      'Loading pdfjs in Node requires @napi-rs/canvas (Skia) at once, for DOMMatrix, ImageData and Path2D, which ' +
      'only rendering uses; verkstad never renders. Loaded in every worker it cost about 35 MB of peak RSS on the ' +
      'real-report archive with two workers (issue 19). Here each of the three globals pdfjs would set becomes a ' +
      'getter that loads the package the first time anything reads it (pdfjs itself only in its canvas code and ' +
      'when it compiles a Type3 glyph mask), and then is the package\'s class, as before.',
    find: `  let canvas;
  try {
    const require = process.getBuiltinModule("module").createRequire(import.meta.url);
    try {
      canvas = require("@napi-rs/canvas");
    } catch (ex) {
      warn(\`Cannot load "@napi-rs/canvas" package: "\${ex}".\`);
    }
  } catch (ex) {
    warn(\`Cannot access the \\\`require\\\` function: "\${ex}".\`);
  }
  if (!globalThis.DOMMatrix) {
    if (canvas?.DOMMatrix) {
      globalThis.DOMMatrix = canvas.DOMMatrix;
    } else {
      warn("Cannot polyfill \`DOMMatrix\`, rendering may be broken.");
    }
  }
  if (!globalThis.ImageData) {
    if (canvas?.ImageData) {
      globalThis.ImageData = canvas.ImageData;
    } else {
      warn("Cannot polyfill \`ImageData\`, rendering may be broken.");
    }
  }
  if (!globalThis.Path2D) {
    if (canvas?.Path2D) {
      globalThis.Path2D = canvas.Path2D;
    } else {
      warn("Cannot polyfill \`Path2D\`, rendering may be broken.");
    }
  }`,
    replace: `  let canvas;
  const verkstadLoadCanvas = () => {
    if (canvas !== undefined) return canvas;
    canvas = null;
    try {
      canvas = process.getBuiltinModule("module").createRequire(import.meta.url)("@napi-rs/canvas");
    } catch (ex) {
      warn(\`Cannot load "@napi-rs/canvas" package: "\${ex}".\`);
    }
    return canvas;
  };
  for (const name of ["DOMMatrix", "ImageData", "Path2D"]) {
    if (Object.getOwnPropertyDescriptor(globalThis, name)) continue;
    const settle = value => Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
    Object.defineProperty(globalThis, name, {
      configurable: true,
      enumerable: false,
      get() {
        const value = verkstadLoadCanvas()?.[name];
        if (value === undefined) warn(\`Cannot polyfill \\\`\${name}\\\`, rendering may be broken.\`);
        settle(value);
        return value;
      },
      set: settle
    });
  }`,
  },
  {
    id: 'canvas-on-demand-scale-matrix',
    module: 'api',
    why:
      'For canvas-on-demand: the canvas code made one DOMMatrix when the module loaded, which would load the package ' +
      'again at once. It is made the first time a path is stroked on a canvas, the only place that reads it.',
    find: `const SCALE_MATRIX = new DOMMatrix();`,
    replace: `let SCALE_MATRIX = null;`,
  },
  {
    id: 'canvas-on-demand-scale-matrix-use',
    module: 'api',
    why: 'The other half of canvas-on-demand-scale-matrix: the one place that reads SCALE_MATRIX makes it first.',
    find: `    SCALE_MATRIX.a = 1 / scaleX;`,
    replace: `    SCALE_MATRIX ??= new DOMMatrix();
    SCALE_MATRIX.a = 1 / scaleX;`,
  },
];

/** Name of the export the hook adds to the patched module: the ids of the fixes applied. */
export const APPLIED_EXPORT = '__verkstadPatches';

/** Applies every patch (of `module`, or all) whose text occurs exactly once; the others are left out. */
export function applyPatches(
  source: string,
  patches: readonly SourcePatch[] = PDFJS_PATCHES,
  module?: PdfjsModule,
): { source: string; applied: string[] } {
  const applied: string[] = [];
  for (const p of patches) {
    if (module && p.module !== module) continue;
    const at = source.indexOf(p.find);
    if (at < 0 || source.indexOf(p.find, at + 1) >= 0) continue;
    source = source.slice(0, at) + p.replace + source.slice(at + p.find.length);
    applied.push(p.id);
  }
  return { source: `${source}\nexport const ${APPLIED_EXPORT} = ${JSON.stringify(applied)};\n`, applied };
}

type LoadResult = { format?: string | null; source?: string | ArrayBuffer | ArrayBufferView | null; shortCircuit?: boolean };
type NextLoad = (url: string, context: unknown) => Promise<LoadResult>;

/** The `load` hook: patches the two halves of pdfjs, passes everything else through. */
export async function load(url: string, context: unknown, nextLoad: NextLoad): Promise<LoadResult> {
  const result = await nextLoad(url, context);
  const module = (Object.keys(PDFJS_MODULE_SUFFIX) as PdfjsModule[]).find((m) => url.endsWith(PDFJS_MODULE_SUFFIX[m]));
  if (!module || result.source == null) return result;
  const src = result.source;
  const text =
    typeof src === 'string' ? src : ArrayBuffer.isView(src) ? Buffer.from(src.buffer, src.byteOffset, src.byteLength).toString('utf8') : Buffer.from(src).toString('utf8');
  return { ...result, source: applyPatches(text, PDFJS_PATCHES, module).source };
}

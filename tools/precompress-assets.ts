import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The few bundle fields read here (see initial-js-budget.ts: Vite's types are not installed here).
interface BundleOutput {
  fileName: string;
  type: string;
  code?: string;
  source?: string | Uint8Array;
}
interface PrecompressPlugin {
  name: string;
  apply: 'build';
  writeBundle(options: { dir?: string }, bundle: Record<string, BundleOutput>): void;
}

const COMPRESSIBLE = new Set(['.js', '.css', '.html', '.svg']);
/** Below this, a compressed copy saves less than the headers and the work of choosing it. */
const MIN_BYTES = 1024;

/**
 * Writes `<file>.br` and `<file>.gz` beside each text file of the build, compressed once at
 * their strongest, so the API sends them as they are (@fastify/static's preCompressed) to a
 * phone that accepts them, instead of compressing on every request or not at all.
 */
export function precompressAssets(): PrecompressPlugin {
  return {
    name: 'trustwork-precompress-assets',
    apply: 'build',
    writeBundle(options, bundle) {
      const outDir = options.dir;
      if (!outDir) return;
      for (const output of Object.values(bundle)) {
        if (!COMPRESSIBLE.has(path.extname(output.fileName))) continue;
        const content = Buffer.from(output.type === 'chunk' ? (output.code ?? '') : (output.source ?? ''));
        if (content.length < MIN_BYTES) continue;
        const file = path.join(outDir, output.fileName);
        fs.writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
        fs.writeFileSync(`${file}.gz`, gzipSync(content, { level: constants.Z_BEST_COMPRESSION }));
      }
    },
  };
}

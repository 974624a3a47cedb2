import { gzipSync } from 'node:zlib';

// The few bundle fields read here, spelled out: this file sits outside the apps, where
// Vite's own types are not installed.
interface BundleOutput {
  type: string;
}
interface BundleChunk extends BundleOutput {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
}
interface BudgetPlugin {
  name: string;
  apply: 'build';
  generateBundle(this: { error(message: string): never }, options: unknown, bundle: Record<string, BundleOutput>): void;
}

/**
 * Prints how much JavaScript a phone downloads before the app can start (the entry chunks
 * and everything they import statically, gzipped) and fails the build above the budget.
 * Lazy-loaded pages are left out: they arrive when opened.
 */
export function initialJsBudget(app: string, budgetKb: number): BudgetPlugin {
  return {
    name: 'trustwork-initial-js-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = new Map(
        Object.values(bundle)
          .filter((output): output is BundleChunk => output.type === 'chunk')
          .map((chunk) => [chunk.fileName, chunk]),
      );
      const initial = new Set<string>();
      const include = (fileName: string) => {
        const chunk = chunks.get(fileName);
        if (!chunk || initial.has(fileName)) return;
        initial.add(fileName);
        chunk.imports.forEach(include);
      };
      [...chunks.values()].filter((chunk) => chunk.isEntry).forEach((chunk) => include(chunk.fileName));
      const bytes = [...initial].reduce((total, fileName) => total + gzipSync(chunks.get(fileName)?.code ?? '').length, 0);
      const kb = bytes / 1000;
      const line = `${app} initial JS: ${kb.toFixed(1)} kB gzip in ${initial.size} file(s) (budget ${budgetKb} kB)`;
      if (kb > budgetKb) this.error(`${line}: over budget. Lazy-load what the first screen does not need.`);
      console.log(line);
    },
  };
}

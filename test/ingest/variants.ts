import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Builds report variants from the seed texts, whose tables put each cell on its own
 * tab-indented line under the row label. Every edit throws when its anchor is missing, so a
 * changed seed fails the test instead of silently testing nothing.
 */

/** Replaces the cells of the table row labelled `label` (its first occurrence) with `values`. */
export function setRow(text: string, label: string, values: Array<number | string>): string {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.replace(/^\t/, '').trim() === label);
  if (at === -1) throw new Error(`row label not found: ${label}`);
  for (let i = 0; i < values.length; i++) {
    const idx = at + 1 + i;
    if (!/^\t\S*$/.test(lines[idx] ?? 'x')) throw new Error(`row ${label}: line ${idx + 1} is not a cell: ${lines[idx]}`);
    lines[idx] = `\t${values[i]}`;
  }
  return lines.join('\n');
}

/** Every 20xx year moved by `by`: last year's report re-dated as this year's. */
export function shiftYears(text: string, by: number): string {
  return text.replace(/20\d\d/g, (y) => String(Number(y) + by));
}

export function replaceAll(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`not in text: ${from}`);
  return text.split(from).join(to);
}

/** Writes files (name → text) under dir, creating sub-folders; returns dir. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): string {
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  return dir;
}

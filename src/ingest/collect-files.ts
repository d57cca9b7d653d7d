import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Collected {
  /** Files to ingest, in a stable order: arguments in the order given, each folder sorted by name. */
  files: string[];
  /** Arguments that name nothing readable. */
  missing: Array<{ file: string; reason: string }>;
}

const hidden = (name: string) => name.startsWith('.');

/**
 * Expands files and folders (recursively) into the list of files to read. Hidden files and
 * folders (.git, .DS_Store) are skipped; every other file is offered to the parser, which refuses
 * what is not a report with a reason. Symbolic links to folders are not followed, so a link cycle
 * cannot loop. Files in `exclude` (the database itself, when it sits among the reports) are left out.
 */
export function collectFiles(paths: readonly string[], exclude: readonly string[] = []): Collected {
  const files: string[] = [];
  const missing: Collected['missing'] = [];
  const seen = new Set<string>(exclude.map((p) => resolve(p)));
  const add = (file: string) => {
    const key = resolve(file);
    if (seen.has(key)) return;
    seen.add(key);
    files.push(file);
  };
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      missing.push({ file: dir, reason: '无法读取这个文件夹' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (hidden(e.name)) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) add(full);
      else if (e.isSymbolicLink()) {
        try {
          if (statSync(full).isFile()) add(full);
        } catch {
          missing.push({ file: full, reason: '链接指向的文件不存在' });
        }
      }
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push({ file: p, reason: '找不到这个文件或文件夹' });
      continue;
    }
    if (st.isDirectory()) walk(p);
    else if (st.isFile()) add(p);
    else missing.push({ file: p, reason: '不是普通文件或文件夹' });
  }
  return { files, missing };
}

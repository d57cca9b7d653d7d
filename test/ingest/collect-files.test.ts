import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { collectFiles } from '../../src/ingest/collect-files.js';
import { tempDir } from '../helpers/db.js';
import { writeFiles } from './variants.js';

describe('collectFiles', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('walks folders recursively in name order, skips hidden entries, reports what is missing', () => {
    const dir = tempDir();
    dirs.push(dir);
    writeFiles(dir, {
      'b.txt': 'b',
      'a.txt': 'a',
      'sub/c.txt': 'c',
      'sub/deeper/d.html': 'd',
      '.DS_Store': 'x',
      '.git/config': 'x',
      'sub/.hidden.txt': 'x',
    });
    const single = join(dir, 'a.txt');
    const out = collectFiles([dir, single, join(dir, 'nope')]);
    expect(out.files).toEqual([join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'sub/c.txt'), join(dir, 'sub/deeper/d.html')]);
    expect(out.missing).toEqual([{ file: join(dir, 'nope'), reason: '找不到这个文件或文件夹' }]);
  });

  it('leaves out excluded files, such as the database sitting among the reports', () => {
    const dir = tempDir();
    dirs.push(dir);
    writeFiles(dir, { 'a.txt': 'a', 'nianbao.db': 'x', 'nianbao.db-wal': 'x' });
    const out = collectFiles([dir], [join(dir, 'nianbao.db'), join(dir, 'nianbao.db-wal'), join(dir, 'nianbao.db-shm')]);
    expect(out.files).toEqual([join(dir, 'a.txt')]);
  });
});

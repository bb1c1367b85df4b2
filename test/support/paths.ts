// The repository root, from both test/ (ts) and out/test/ (compiled js).
import * as fs from 'node:fs';
import * as path from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  while (
    !fs.existsSync(path.join(dir, 'package.json')) ||
    !fs.existsSync(path.join(dir, 'media'))
  ) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`no repository root above ${start}`);
    }
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRoot(__dirname);

import fs from 'node:fs';
import path from 'node:path';

/** The repository root, found from this file whether it runs from source or from dist/. */
export const projectRoot: string = findRoot(__dirname);

function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'pangolin')
      return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`package.json of pangolin not found above ${start}`);
    dir = parent;
  }
}

export const pangolinVersion: string = JSON.parse(
  fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'),
).version;

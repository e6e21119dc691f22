import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small RAM file system: a disk that really fills up (ENOSPC), for the full-disk tests. */
export interface Tmpfs {
  dir: string;
  /** Bytes still free. */
  free(): number;
  /** Fill it with a ballast file until only about `leave` bytes are free. */
  fill(leave: number): void;
  /** Remove the ballast. */
  drain(): void;
  unmount(): void;
}

/**
 * Mount a tmpfs of `bytes` on a new temp dir. This needs root (CI and the development machines run as root); where
 * mounting is not allowed the test fails and says so rather than pretending.
 */
export function mountTmpfs(bytes: number, owner?: { uid: number; gid: number }): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'hp-tmpfs-'));
  const mode = owner ? `,uid=${owner.uid},gid=${owner.gid},mode=0700` : '';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${bytes}${mode}`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`this test needs to mount a small tmpfs (as root) to fill a disk for real: ${(e as Error).message}`);
  }
  const ballast = join(dir, 'ballast');
  const free = (): number => {
    const s = statfsSync(dir);
    return s.bavail * s.bsize;
  };
  return {
    dir,
    free,
    fill(leave) {
      const size = free() - leave;
      if (size > 0) writeFileSync(ballast, Buffer.alloc(size, 1), { flag: 'a' });
    },
    drain: () => rmSync(ballast, { force: true }),
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

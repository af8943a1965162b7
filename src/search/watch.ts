/**
 * File-system watching for the engine: the saved index file (another process rebuilt it) and the
 * corpus folder (WATCH_CORPUS). Both debounce bursts of events into one call and stop with stop().
 * fs.watch's `recursive` option does not work on Linux with Node 20, so the corpus is watched one
 * directory at a time, re-listing directories after each change.
 */
import { watch, watchFile, unwatchFile, type FSWatcher } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { isCorpusFileName } from '../corpus/load.js';

/** Something that runs until stopped. */
export interface Stoppable {
  stop(): void;
}

export interface WatchOptions {
  /** Quiet time after the last event before calling back. */
  readonly debounceMs?: number;
  /** Watching problems (a folder that vanished, too many watchers); watching goes on where it can. */
  readonly onError?: (err: unknown) => void;
}

/** Calls `fn` once `ms` after the last of a burst of calls. */
function debounced(fn: () => void, ms: number): { call(): void; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  return {
    call() {
      clearTimeout(timer);
      timer = setTimeout(fn, ms);
    },
    cancel() {
      clearTimeout(timer);
    },
  };
}

/**
 * Calls `onChange` when the file at `file` is replaced or rewritten (an atomic save renames a
 * temporary sibling onto it, so the folder is watched, not the file). Falls back to polling every 2 s
 * when the folder cannot be watched.
 */
export function watchSavedFile(file: string, onChange: () => void, opts: WatchOptions = {}): Stoppable {
  const fire = debounced(onChange, opts.debounceMs ?? 250);
  const name = path.basename(file);
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(path.dirname(file), { persistent: false }, (_event, changed) => {
      if (changed === null || changed === name) fire.call();
    });
    watcher.on('error', (err) => opts.onError?.(err));
  } catch (err) {
    opts.onError?.(err);
    const listener = () => fire.call();
    watchFile(file, { interval: 2000, persistent: false }, listener);
    return {
      stop() {
        unwatchFile(file, listener);
        fire.cancel();
      },
    };
  }
  return {
    stop() {
      watcher?.close();
      fire.cancel();
    },
  };
}

/** True for an event name that may change the corpus: a document, a folder, or unknown. */
function mayMatter(name: string | null): boolean {
  if (name === null) return true;
  const base = path.basename(name);
  if (base.startsWith('.')) return false;
  // Uploads are written as `x.txt.<pid>.<rand>.tmp` and renamed: only the rename matters.
  return isCorpusFileName(base) || path.extname(base) === '';
}

/**
 * Calls `onChange` (debounced, 1 s by default) when a `.txt`/`.md` file or a folder under `root` is
 * added, changed or removed. Hidden folders are not watched.
 */
export function watchCorpusFolder(root: string, onChange: () => void, opts: WatchOptions = {}): Stoppable {
  const fire = debounced(onChange, opts.debounceMs ?? 1000);
  const watchers = new Map<string, FSWatcher>();
  let stopped = false;

  const watchDir = (dir: string) => {
    if (watchers.has(dir)) return;
    try {
      const w = watch(dir, { persistent: false }, (_event, name) => {
        if (!mayMatter(name)) return;
        fire.call();
        void sync();
      });
      w.on('error', () => {
        // The folder went away: forget it; the change itself was reported by its parent.
        w.close();
        watchers.delete(dir);
        fire.call();
      });
      watchers.set(dir, w);
    } catch (err) {
      opts.onError?.(err);
    }
  };

  /** Watches every folder that exists now and forgets the ones that are gone. */
  const sync = async (): Promise<void> => {
    const seen = new Set<string>();
    const walk = async (dir: string): Promise<void> => {
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      seen.add(dir);
      for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.')) await walk(path.join(dir, e.name));
    };
    await walk(root);
    if (stopped) return;
    for (const dir of seen) watchDir(dir);
    for (const [dir, w] of watchers) {
      if (!seen.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
  };

  watchDir(root);
  void sync();
  return {
    stop() {
      stopped = true;
      fire.cancel();
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}

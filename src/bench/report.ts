/** The bench's result as data: what --json prints and what the tables are rendered from. */
import type { EngineResult } from './measure.js';

export interface MachineInfo {
  readonly cpu: string;
  readonly cores: number;
  readonly totalMemoryBytes: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the run started: above the core count, other work slowed the timings. */
  readonly loadAverage: number;
  /** False: memory figures were taken without a forced GC and are noisy. */
  readonly gcExposed: boolean;
}

export interface CorpusInfo {
  readonly source: 'file' | 'synthetic';
  readonly path: string | null;
  readonly articlesRead: number;
  readonly articlesIndexable: number;
  readonly passagesAvailable: number;
  readonly heldBack: number;
  /** Articles skipped: nothing indexable once the first sentence was taken out. */
  readonly skipped: number;
  /** True when the corpus ended before the largest size was reached. */
  readonly exhausted: boolean;
  /** Reading, repairing and running Griot's document pipeline (clean-up, language, passages) over the articles. */
  readonly prepareMs: number;
}

export interface SizeResult {
  /** 'seeds' or the requested passage count. */
  readonly label: string;
  readonly requested: number | null;
  readonly passages: number;
  readonly documents: number;
  readonly textBytes: number;
  readonly knownItems: number;
  readonly engines: readonly EngineResult[];
  /** Engines not run at this size, and why. */
  readonly skipped: readonly { readonly engine: string; readonly reason: string }[];
}

export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  /** Null when it could not be measured. */
  readonly met: boolean | null;
}

export interface BenchReport {
  readonly machine: MachineInfo;
  readonly corpus: CorpusInfo;
  readonly queries: {
    readonly devQuestions: number;
    readonly shortSamples: number;
    readonly long: number;
    readonly perSetBudgetMs: number;
  };
  /** Griot's start-up work on the seeds: reading the corpus, then building or loading the index. */
  readonly startup: { readonly loadCorpusMs: number; readonly firstStartMs: number | null; readonly restartMs: number | null };
  readonly sizes: readonly SizeResult[];
  readonly targets: readonly TargetCheck[];
  readonly notes: readonly string[];
  readonly durationMs: number;
}

/**
 * Edits one message with the latest text at most once per `intervalMs`: intermediate texts are
 * dropped, the newest wins. `finish` waits its turn too, so streaming plus the final edit never
 * exceed Discord's edit rate.
 */
export interface ThrottledEditor {
  /** Offers a newer text; it is shown at the next allowed moment unless a newer one arrives. */
  update(text: string): void;
  /** Stops streaming updates and waits for any edit in flight; the caller then sends the final message. */
  finish(): Promise<void>;
}

export function createThrottledEditor(
  edit: (text: string) => Promise<unknown>,
  options: { intervalMs: number; onError?: (err: unknown) => void },
): ThrottledEditor {
  let pending: string | null = null;
  let lastEditAt = -Infinity;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> = Promise.resolve();
  let finished = false;

  const flush = () => {
    timer = null;
    if (pending === null || finished) return;
    const text = pending;
    pending = null;
    lastEditAt = Date.now();
    inFlight = edit(text).then(
      () => undefined,
      (err) => options.onError?.(err),
    );
  };

  return {
    update(text) {
      if (finished) return;
      pending = text;
      if (timer) return;
      const wait = Math.max(0, lastEditAt + options.intervalMs - Date.now());
      timer = setTimeout(() => void inFlight.then(flush), wait);
    },
    async finish() {
      finished = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight;
      // The final edit also respects the interval.
      const wait = lastEditAt + options.intervalMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    },
  };
}

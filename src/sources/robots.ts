/**
 * robots.txt for the bot's own polling. The one user of robots-parser.
 * Only a robots.txt that was actually read restricts: a missing one (404), a server error or a network failure
 * leaves the site open, as most crawlers do. Kept per origin for an hour.
 */
import robotsParserModule from 'robots-parser';
import type { FetchResult } from './types.js';

/** The parsed rules of one robots.txt (the part of robots-parser's Robot used here). */
interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
}
// robots-parser is CommonJS (`module.exports = fn`) while its types declare a default export; at run time the default is the function.
const robotsParser = robotsParserModule as unknown as (url: string, contents: string) => Robot;

const TTL_MS = 60 * 60 * 1000;
const AGENT = 'Griot';

interface Entry {
  readonly at: number;
  readonly robot: Robot | null;
}

/** robots.txt per origin; one per poller so a feed poll does not read robots.txt for every entry. */
export class RobotsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** True when robots.txt of `url`'s origin lets Griot fetch it. `get` fetches robots.txt (safely). */
  async isAllowed(url: URL, get: (robotsUrl: string) => Promise<FetchResult>): Promise<boolean> {
    const robotsUrl = `${url.origin}/robots.txt`;
    let entry = this.entries.get(url.origin);
    if (!entry || this.now() - entry.at > TTL_MS) {
      const r = await get(robotsUrl);
      const robot = r.ok && r.response.status === 200 ? robotsParser(robotsUrl, r.response.body.toString('utf8')) : null;
      entry = { at: this.now(), robot };
      this.entries.set(url.origin, entry);
    }
    return entry.robot?.isAllowed(url.href, AGENT) ?? true;
  }
}

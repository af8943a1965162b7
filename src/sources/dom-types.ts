/**
 * The few DOM shapes the extractors use. The project compiles without the DOM library (it runs on Node), and
 * linkedom's documents are typed loosely, so these describe what html.ts, metadata.ts and dom-text.ts touch.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly textContent: string | null;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly parentNode: DomElement | null;
  readonly children: ArrayLike<DomElement>;
  remove(): void;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

export interface DomDocument {
  readonly documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
}

/**
 * Results of pure functions of a text, remembered across document versions: the same keys, addresses
 * and versions come back with every re-parse of an edited file. Bounded: past the limit the memory
 * starts over. What it keeps it keeps as copies that own their characters, because a text read from
 * a document is often a slice of the whole document (V8 slices strings of 13 characters or more),
 * and a remembered slice would keep that version of the document alive.
 */
export class TextMemo<T> {
  private readonly results = new Map<string, T>();

  constructor(
    private readonly compute: (text: string) => T,
    /** How many texts are remembered before the memory starts over. */
    readonly limit: number,
    /** Longer texts are computed every time and never kept. */
    private readonly maxTextLength = Number.POSITIVE_INFINITY,
  ) {}

  get(text: string): T {
    if (text.length > this.maxTextLength) return this.compute(text);
    if (this.results.has(text)) return this.results.get(text) as T;
    if (this.results.size >= this.limit) this.results.clear();
    const kept = ownCopy(text);
    const result = this.compute(kept);
    this.results.set(kept, result);
    return result;
  }
}

/** `text` with characters of its own (concatenating then slicing makes V8 copy them). */
function ownCopy(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

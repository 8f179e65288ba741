/** "Did you mean" support: edit distance with transpositions, plus camelCase/kebab-case normalisation. */

export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => {
    const row = new Array<number>(cols).fill(0);
    row[0] = i;
    return row;
  });
  for (let j = 0; j < cols; j++) d[0][j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/** skipUnavailable, skip-unavailable, SKIP_UNAVAILABLE → skip_unavailable */
function normalise(word: string): string {
  return word
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/-/g, '_')
    .toLowerCase();
}

/** Best candidate for a misspelt word, or undefined when nothing is close enough. */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  const normalised = normalise(word);
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const score = normalise(candidate) === normalised ? 0 : editDistance(normalised, candidate.toLowerCase());
    if (score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  // Allow roughly one typo per four characters, at least two.
  const allowed = Math.max(2, Math.floor(word.length / 4));
  return bestScore <= allowed ? best : undefined;
}

/**
 * Seeded generated strings for the gate tests: the finder runs some patterns only where a cheap
 * string test says they can match (compiling a pattern cold costs more than a page's whole use
 * of it); these strings hold each gated test to its pattern as written.
 */
export function generated(parts: readonly string[], count: number, seed = 7): string[] {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const out: string[] = [...parts];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(next() * 5);
    let text = '';
    for (let k = 0; k < n; k++) text += parts[Math.floor(next() * parts.length)] ?? '';
    out.push(text);
  }
  return out;
}

// WCAG AA: text at least 4.5:1 against its background, for the palette every page uses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../style.css', 'file://' + __filename), 'utf8');
// #abc is #aabbcc.
const full = (h: string) => (h.length === 4 ? `#${[...h.slice(1)].map((c) => c + c).join('')}` : h);
const vars = Object.fromEntries([...css.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6}|#[0-9a-fA-F]{3})\b/g)].map((m) => [m[1]!, full(m[2]!)]));

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('colour contrast (WCAG AA, 4.5:1)', () => {
  const pairs: [string, string][] = [
    ['fg', 'bg'],
    ['fg', 'panel'],
    ['muted', 'bg'], // the footer
    ['muted', 'panel'],
    ['accent', 'panel'],
    ['error', 'error-bg'],
    ['warning', 'warning-bg'], // warning badges
    ['info', 'info-bg'],
    ['clean', 'clean-bg'],
    ['review-open', 'review-open-bg'],
    ['review-confirmed', 'review-confirmed-bg'],
    ['review-false', 'review-false-bg'],
    ['review-corrected', 'review-corrected-bg'],
  ];
  it.each(pairs)('%s on %s', (fg, bg) => {
    expect(vars[fg], fg).toBeDefined();
    expect(vars[bg], bg).toBeDefined();
    expect(contrast(vars[fg]!, vars[bg]!)).toBeGreaterThanOrEqual(4.5);
  });
  it('knows a failing pair when it sees one', () => {
    expect(contrast('#b7791f', '#fff6e0')).toBeLessThan(4.5);
  });
});

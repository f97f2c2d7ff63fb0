import { describe, expect, it } from 'vitest';
import { unitLabel, chartNumber, fmtAmount, fmtPercent, fmtShare, fmtSigned, fmtValue, toDecimal, wanToFen } from './format';

describe('format', () => {
  it('groups and pads decimal strings without going through floats', () => {
    expect(fmtAmount('80818.35')).toBe('80,818.35');
    expect(fmtAmount('26371.2')).toBe('26,371.20');
    expect(fmtAmount('0')).toBe('0.00');
    expect(fmtAmount('-1234567.5')).toBe('-1,234,567.50');
    expect(fmtAmount(null)).toBe('—');
    expect(fmtAmount('—')).toBe('—');
  });

  it('keeps summary numbers exact and rounds half-up only past the shown places', () => {
    expect(fmtAmount(77901.83)).toBe('77,901.83');
    expect(fmtAmount(0.000001, 6)).toBe('0.000001');
    expect(fmtAmount('1.005')).toBe('1.01');
    expect(fmtAmount('1.004999')).toBe('1.00');
    expect(toDecimal(2e-7)).toBe('0');
    expect(wanToFen('0.02')).toBe(20000);
  });

  it('computes shares exactly, rounding once', () => {
    expect(fmtShare('45412.74', '80818.35')).toBe('56.19%');
    expect(fmtShare(1, 3)).toBe('33.33%');
    expect(fmtShare(2, 3)).toBe('66.67%');
    expect(fmtShare(1, 0)).toBe('—');
    expect(fmtShare(null, 3)).toBe('—');
  });

  it('formats signed differences, percentages and finding values', () => {
    expect(fmtSigned('12.5')).toBe('+12.50');
    expect(fmtSigned(-3)).toBe('-3.00');
    expect(fmtSigned(0)).toBe('0.00');
    expect(fmtPercent('12.345', 1)).toBe('12.3%');
    expect(fmtPercent('12.35', 1)).toBe('12.4%');
    expect(fmtValue('75')).toBe('75');
    expect(fmtValue('26371.2', '万元')).toBe('26,371.20');
    expect(fmtValue('省整治办公费')).toBe('省整治办公费');
    expect(chartNumber('69051.74')).toBe(69051.74);
  });

  it('keeps unknown unknown: "—" for display, a gap (null) for charts, never 0', () => {
    expect(chartNumber(null)).toBeNull();
    expect(chartNumber(undefined)).toBeNull();
    expect(fmtAmount(undefined)).toBe('—');
    expect(fmtSigned(null)).toBe('—');
    expect(fmtPercent(null)).toBe('—');
    expect(fmtShare('1', null)).toBe('—');
  });

  it('shows a unit code once, separated from its name', () => {
    expect(unitLabel('301001', '301001局本级')).toBe('301001 局本级');
    expect(unitLabel('301001', '局本级')).toBe('301001 局本级');
    expect(unitLabel(null, '局本级')).toBe('局本级');
  });
});

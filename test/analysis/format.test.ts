import { describe, expect, it } from 'vitest';
import { formatDuration, maskSecret } from '../../src/analysis/format.js';

describe('formatDuration', () => {
  it('uses the unit a person would', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(900)).toBe('15 min');
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(5400)).toBe('1.5 h');
    expect(formatDuration(21600)).toBe('6 h');
    expect(formatDuration(43200)).toBe('12 h');
    expect(formatDuration(129600)).toBe('36 h');
    expect(formatDuration(604800)).toBe('7 d');
    expect(formatDuration(2592000)).toBe('30 d');
  });
});

describe('maskSecret', () => {
  it('shows at most four characters', () => {
    expect(maskSecret('ASIAQWERTYUIOPASDFGH')).toBe('ASIA****');
    expect(maskSecret('ya29.a0AfH6SMBx')).toBe('ya29****');
  });

  it('shows nothing of short values, which would be mostly prefix', () => {
    expect(maskSecret('hunter2')).toBe('****');
  });
});

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** Seconds in the unit a person would use: "45 s", "15 min", "6 h", "1.5 h", "7 d". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'forever';
  const abs = Math.abs(seconds);
  if (abs < MINUTE) return `${round(seconds)} s`;
  if (abs < HOUR) return `${round(seconds / MINUTE)} min`;
  if (abs < DAY || (seconds % DAY !== 0 && abs < 2 * DAY)) return `${round(seconds / HOUR)} h`;
  return `${round(seconds / DAY)} d`;
}

/** At most the first 4 characters, then a mask: a finding must never print a secret. */
export function maskSecret(value: string): string {
  const visible = value.length >= 12 ? value.slice(0, 4) : '';
  return `${visible}****`;
}

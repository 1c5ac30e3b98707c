// Dates in the figure grammar: month names with a day and/or year, bare years, spans of years and
// decades ("the 1990s"). A bare month is a date only where it cannot be the verb "may" or "march".
import { CURRENCY_SYMBOLS } from './numberWords';
import type { Token } from './tokens';
import type { FigDraft } from './types';

/** Which years of a decade "early", "mid" and "late" mean. */
const PARTS: Record<string, [number, number]> = { early: [0, 3], mid: [3, 7], late: [7, 9] };

/** Northern-hemisphere seasons, as the months they span. */
export const SEASONS: Record<string, number[]> = {
  spring: [3, 4, 5], summer: [6, 7, 8], autumn: [9, 10, 11], fall: [9, 10, 11], winter: [12, 1, 2],
};

export const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8,
  sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
// A bare month name is a date only after one of these ("signed in June"), or with a day or year.
const MONTH_LEAD_INS = new Set([
  'in', 'since', 'by', 'until', 'till', 'from', 'through', 'during', 'early', 'late', 'mid', 'last', 'this',
  'next', 'of', 'before', 'after', 'between', 'and', 'to', 'or', 'each', 'every', 'that', 'the',
]);

interface DateParse {
  first: number;
  last: number;
  fig: FigDraft;
}

/** Month names with a day and/or year, bare years, and decades ("the 1990s"). */
export function parseDate(t: Token[], i: number): DateParse | undefined {
  const tok = t[i];
  if (!tok) return undefined;
  const prev = t[i - 1];
  // "in '90": a year with its century left out.
  if ((tok.text === "'" || tok.text === '’') && t[i + 1]?.glued && /^\d{2}$/.test(t[i + 1].text) && !(tok.glued && prev?.type === 'word')) {
    const yy = Number(t[i + 1].text);
    const y = yy >= 30 ? 1900 + yy : 2000 + yy;
    // "the '80s": the decade.
    if (t[i + 2]?.lower === 's' && t[i + 2].glued) return { first: i, last: i + 2, fig: { ...dateFigure({ year: y }), low: y, high: y + 9, bound: 'range' } };
    return { first: i, last: i + 1, fig: dateFigure({ year: y }) };
  }
  // "over the summer", "in the winter of 2023": a season is the months it spans.
  const season = SEASONS[tok.lower];
  if (season && MONTH_LEAD_INS.has(prev?.lower ?? '') && t[i + 1]?.lower !== 's') {
    let last = i;
    let year: number | undefined;
    if (t[last + 1]?.lower === 'of' && isYear(t[last + 2])) last += 2;
    else if (isYear(t[last + 1])) last += 1;
    if (last > i) year = Number(t[last].text);
    const fig = dateFigure({ year });
    return { first: i, last, fig: { ...fig, date: { ...fig.date, months: season } } };
  }
  const month = monthAt(t, i);
  if (month) {
    let last = month.last;
    let day: number | undefined;
    let year: number | undefined;
    const n1 = t[last + 1];
    if (n1?.type === 'num' && /^\d{1,2}$/.test(n1.text) && Number(n1.text) <= 31) {
      day = Number(n1.text);
      last++;
      if (/^(st|nd|rd|th)$/.test(t[last + 1]?.lower ?? '') && t[last + 1].glued) last++;
      if (t[last + 1]?.text === ',' && isYear(t[last + 2])) last++;
    }
    if (isYear(t[last + 1])) {
      year = Number(t[last + 1].text);
      last++;
    }
    const bare = day === undefined && year === undefined;
    if (bare) {
      // "mid-January": the part before the hyphen leads in.
      const lead = prev?.lower === '-' && prev.glued && tok.glued && PARTS[t[i - 2]?.lower ?? ''] ? (t[i - 2].lower as string) : (prev?.lower ?? '');
      // "may" the verb, "March" the verb, "Jan" the name: a bare month needs a lead-in and a capital.
      if (!/^[A-Z]/.test(tok.text) || !MONTH_LEAD_INS.has(lead) || month.abbreviated) return undefined;
      if (tok.lower === 'may' && lead !== 'in' && lead !== 'since' && lead !== 'early' && lead !== 'late' && lead !== 'mid') return undefined;
    }
    return { first: i, last, fig: dateFigure({ year, month: month.value, day }) };
  }
  // "19 June 2024"
  if (tok.type === 'num' && /^\d{1,2}$/.test(tok.text) && Number(tok.text) <= 31) {
    const m = monthAt(t, i + 1);
    if (m) {
      let last = m.last;
      let year: number | undefined;
      if (isYear(t[last + 1])) {
        year = Number(t[last + 1].text);
        last++;
      }
      return { first: i, last, fig: dateFigure({ year, month: m.value, day: Number(tok.text) }) };
    }
  }
  // "mid-1980s", "early-2024": a part of a decade or year, not a designation like "exercise-2024".
  const part = prev?.lower === '-' && prev.glued && tok.glued ? PARTS[t[i - 2]?.lower ?? ''] : undefined;
  if (isYear(tok) && (part || !(tok.glued && prev && (prev.type === 'word' || prev.lower === '-' || CURRENCY_SYMBOLS[prev.text])))) {
    const next = t[i + 1];
    if (next?.lower === 's' && next.glued) {
      const y = Number(tok.text);
      const [from, to] = part ?? [0, 9];
      return { first: i, last: i + 1, fig: { ...dateFigure({ year: y + from }), low: y + from, high: y + to, bound: 'range' } };
    }
    // "1950-53", "2022–2024": a span of years.
    const to = t[i + 2];
    if (next && ['-', '–'].includes(next.text) && next.glued && to?.glued && to.type === 'num' && /^\d{2}$|^\d{4}$/.test(to.text)) {
      const y = Number(tok.text);
      const end = to.text.length === 2 ? Math.floor(y / 100) * 100 + Number(to.text) : Number(to.text);
      if (end > y) return { first: i, last: i + 2, fig: { ...dateFigure({ year: y }), low: y, high: end, bound: 'range' } };
    }
    if (next?.glued && next.type === 'word') return undefined;
    // "2000 nurses" is a count; a year is not followed by a plural noun.
    if (next?.type === 'word' && /^[a-z]+s$/.test(next.text) && !['as', 'is', 'was', 'has', 'his', 'its', 'this', 'thus'].includes(next.lower)) return undefined;
    if (next && ['%', 'percent'].includes(next.lower)) return undefined;
    return { first: i, last: i, fig: dateFigure({ year: Number(tok.text) }) };
  }
  return undefined;
}

function monthAt(t: Token[], i: number): { value: number; last: number; abbreviated: boolean } | undefined {
  const tok = t[i];
  if (!tok || tok.type !== 'word' || !/^[A-Z]/.test(tok.text)) return undefined;
  const v = MONTHS[tok.lower];
  if (!v) return undefined;
  const abbreviated = tok.lower.length <= 4 && tok.lower !== 'june' && tok.lower !== 'july' && tok.lower !== 'may';
  if (abbreviated) {
    // "Jan." or "Feb 2022": an abbreviation needs its dot or a following number.
    if (t[i + 1]?.text === '.' && t[i + 1].glued) return { value: v, last: i + 1, abbreviated };
    if (t[i + 1]?.type === 'num') return { value: v, last: i, abbreviated };
    return undefined;
  }
  return { value: v, last: i, abbreviated };
}

function isYear(tok: Token | undefined): boolean {
  if (!tok || tok.type !== 'num' || !/^\d{4}$/.test(tok.text)) return false;
  const y = Number(tok.text);
  return y >= 1800 && y <= 2100;
}

function dateFigure(d: { year?: number; month?: number; day?: number }): FigDraft {
  const v = d.year !== undefined ? d.year : (d.month ?? 0);
  return {
    kind: 'date',
    low: v,
    high: v,
    bound: 'exact',
    approximate: false,
    date: Object.fromEntries(Object.entries(d).filter(([, x]) => x !== undefined)),
    style: 'other',
  };
}

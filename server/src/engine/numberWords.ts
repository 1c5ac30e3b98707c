// English number words: "twelve thousand", "a million", "two-thirds", "half a million".

export const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};

export const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Multipliers written as words after a number ("5.5 billion", "ten thousand"). */
export const SCALE_WORDS: Record<string, number> = {
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};

/** Multipliers glued to digits ("11k", "$5.5bn"). */
export const SCALE_SUFFIXES: Record<string, number> = {
  k: 1e3, K: 1e3, m: 1e6, M: 1e6, mn: 1e6, b: 1e9, bn: 1e9, B: 1e9, tn: 1e12,
};

/** Currency symbols written before an amount. */
export const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP', '₩': 'KRW' };

export const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16,
  seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
};

/** "half", "a quarter", and every ordinal from "third" on as a fraction ("a seventh", "two-ninths"). */
export const FRACTIONS: Record<string, number> = {
  half: 1 / 2, halves: 1 / 2, quarter: 1 / 4, quarters: 1 / 4,
  ...Object.fromEntries(Object.entries(ORDINAL_WORDS).filter(([, n]) => n >= 3).flatMap(([w, n]) => [[w, 1 / n], [`${w}s`, 1 / n]])),
};

const WORDS_BY_VALUE = Object.fromEntries(Object.entries(UNITS).map(([w, v]) => [v, w]));
const TENS_BY_VALUE = Object.fromEntries(Object.entries(TENS).map(([w, v]) => [v, w]));

/** Whether a word can be part of a spelled-out number. */
export function isNumberWord(w: string): boolean {
  return w in UNITS || w in TENS || w in SCALE_WORDS || w === 'dozen';
}

/**
 * Value of a run of number words ("twelve", "thousand"), or undefined when the run is not a number.
 * "and" may join hundreds to units ("one hundred and fifty").
 */
export function wordsValue(ws: string[]): number | undefined {
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of ws) {
    if (w in UNITS) current += UNITS[w];
    else if (w in TENS) current += TENS[w];
    else if (w === 'hundred') current = (current || 1) * 100;
    else if (w === 'dozen') current = (current || 1) * 12;
    else if (w in SCALE_WORDS) {
      total += (current || 1) * SCALE_WORDS[w];
      current = 0;
    } else if (w === 'and' && seen) continue;
    else return undefined;
    seen = true;
  }
  return seen ? total + current : undefined;
}

/** Spells a whole number below a thousand ("forty-two"). */
function spellSmall(n: number): string {
  const parts: string[] = [];
  if (n >= 100) {
    parts.push(`${WORDS_BY_VALUE[Math.floor(n / 100)]} hundred`);
    n %= 100;
  }
  if (n >= 20) {
    const t = TENS_BY_VALUE[n - (n % 10)];
    parts.push(n % 10 ? `${t}-${WORDS_BY_VALUE[n % 10]}` : t);
  } else if (n > 0 || !parts.length) parts.push(WORDS_BY_VALUE[n]);
  return parts.join(' ');
}

/** Spells a value in words where it is short to do so ("eight million", "eleven thousand"), else undefined. */
export function spell(value: number): string | undefined {
  for (const [word, scale] of [['billion', 1e9], ['million', 1e6], ['thousand', 1e3]] as const) {
    if (value >= scale && value % scale === 0 && value / scale < 1000) return `${spellSmall(value / scale)} ${word}`;
  }
  return Number.isInteger(value) && value >= 0 && value < 1000 ? spellSmall(value) : undefined;
}

// English closed-class words: determiners, pronouns, prepositions, conjunctions, auxiliaries and the
// commonest adverbs. They carry no topic, so frames never match on them.
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a an the this that these those some any each every either neither no all both half such what which whose
  whatever whichever i me my mine we us our ours you your yours he him his she her hers it its they them their
  theirs one ones oneself itself themselves himself herself ourselves myself yourself who whom whoever
  of in on at by for from with without within into onto upon to toward towards through throughout over under against
  above below across along alongside among amongst around about after before behind beneath beside besides
  between beyond despite during except inside outside near off out past per since than till until unlike via
  versus vs amid and or but nor so yet if then else because although though while whereas unless whether as
  once when whenever where wherever how why is am are was were be been being has have had having do does did
  doing done will would shall should can could may might must ought not n't also just only even still already
  yet again too very quite rather more most less least much many few fewer lot lots own other another same
  there here now then today yesterday tomorrow ago soon later earlier up down etc ie eg vs mr mrs ms dr st
  said says say saying told according reportedly reported report reports`.split(/\s+/),
);

/** Reporting verbs and their nouns: who says a figure, never what it measures. */
export const REPORTING_WORDS: ReadonlySet<string> = new Set(
  `say tell report claim estimate announce suggest indicate confirm believe expect assess disclose reveal
  accord cite quote statement official source spokesman spokeswoman spokesperson analyst`.split(
    /\s+/,
  ),
);

/** Nouns that name a quantity but not what it is of ("the total", "a figure of"): never a head. */
export const GENERIC_NOUNS: ReadonlySet<string> = new Set(
  `number figure total amount count tally sum level estimate estimation`.split(/\s+/),
);

/** Nouns that count people without saying which: "2,100 people" may be the sources' "1,200 residents". */
export const PEOPLE_NOUNS: ReadonlySet<string> = new Set(`people person individual human`.split(/\s+/));

/** Words for stretches and points of time: when a figure holds, never what it counts. */
export const TIME_WORDS: ReadonlySet<string> = new Set(
  `time day week month quarter year decade century period season morning afternoon evening night hour minute
  weekend half monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december spring summer autumn fall winter`.split(/\s+/),
);

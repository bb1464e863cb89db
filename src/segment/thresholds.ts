/**
 * Every number the segment heuristics decide by, in one place, each with why it is what it is. Distances are in
 * PDF points (1/72 inch); word counts split at spaces. A heuristic names the entry it uses, so a reader finds the
 * number and its reason by one name, and a change here shows in `git log` of this file alone.
 */
export const THRESHOLDS = {
  /** The language is told from the report's first 40 000 characters: a few pages are plenty, a whole archive slow. */
  languageSampleChars: 40000,
  /** Å, ä or ö anywhere weigh as two Swedish function words: English text has none, short Swedish text few function words. */
  swedishLettersWeight: 2,

  /** A paragraph set this much smaller than the body text is a footnote or caption (8 pt notes under 10 pt body). */
  smallTypeRatio: 0.85,
  /** A table row this much larger than the body text is a heading inside the table (11 pt over 10 pt body). */
  sectionRowFontRatio: 1.1,
  /** A section row is a heading: one or two lines of at most ten words; a comment is longer. */
  sectionRowMaxLines: 2,
  sectionRowMaxWords: 10,

  /** A paragraph with a status mark is a goal title only while it is short; a long one is commentary with an icon in it. */
  markedTitleMaxLines: 3,
  markedTitleMaxWords: 30,
  /** A heading of at most four words right above a table ("RAG rating", "Key Performance Indicators") is its caption. */
  tableCaptionMaxWords: 4,
  /** How far below a heading its status line may stand: the next unit, or the one after a "Kommentar" label. */
  statusLineLookahead: 2,
  /** "Delvis uppfyllt – …", "G = on track": a status phrase opens a line within its first five words. */
  statusPhraseMaxWords: 5,
  /** A legend entry's status is within its first six words ("Målet är delvis uppfyllt – …"). */
  legendStatusMaxWords: 6,
  /** A status word stands alone in a cell or line; text longer than this is a sentence, not a status. */
  statusTextMaxChars: 60,
  /** In running text only status phrases of three words or more ("bedöms vara uppfyllt") count as a status. */
  sentenceStatusMinWords: 3,
  /** A label before a colon ("Kommentar:", "Nämndens bedömning:") is short; a longer run before a colon is a sentence. */
  labelMinChars: 2,
  labelMaxChars: 40,
  /** Shorter titles are debris of the layout (a stray "1." or "A"), not goals. */
  minTitleChars: 3,

  /** A KPI's figures line ("Latest: 61% Target: 60% Floor: 50% Previous: 57% (Amber)") is two or more labelled figures in at most 24 words. */
  figuresLineMinPairs: 2,
  figuresLineMaxWords: 24,

  /** Header rows are at the top: a table's header is in its first three rows (a title row, then one or two header lines). */
  headerMaxRows: 3,
  /** A header cell is a label of at most six words ("Bedömd måluppfyllelse helår 2025"); longer text is a body cell. */
  headerCellMaxWords: 6,
  /** A header row names two columns or more, or at least half of its filled cells ("Indikator | 2025" names one of two). */
  headerMinLabels: 2,
  /** A header row met again in the middle of a table has short labels only (≤ 4 words each) in two cells or more. */
  repeatedHeaderCellMaxWords: 4,
  repeatedHeaderMinCells: 2,
  /** A short cell text beside no header label belongs to the nearest one within 40 pt (a centred label over a left-set "Ja"). */
  headerLabelReachPt: 40,
  /** A table continued on the next page has the same column edges, give or take a cell padding (8 pt). */
  sameColumnPt: 8,
  /** A mark or word within 30 pt of the status or latest column's centre is in that column (narrow RAG columns are 40–60 pt). */
  statusColumnPt: 30,
  /** A status in the latest column sits within 25 pt of its centre; the previous column is usually 50 pt or more away. */
  latestColumnPt: 25,
  /** A trend arrow within 15 pt of a trend column's centre is in it; trend columns are narrow and beside the status. */
  trendColumnPt: 15,

  /** A key headed "Teckenförklaring"/"Key" has at least two status rows. */
  headedLegendMinRows: 2,
  /** An unheaded key: at least three status rows, each status once, at most eight rows of one or two cells. */
  legendMinStatusRows: 3,
  legendMaxRows: 8,
  legendMaxCells: 2,
  /** A scale's key names three values or more ("5 = Helt uppfyllt, 4 = …"): two are a range in prose, not a scale. */
  scaleMinValues: 3,
  /** A summary table's header names two statuses or more ("Uppfyllt | Delvis | Ej uppfyllt"). */
  summaryHeaderMinStatuses: 2,

  /** A KPI repeated in a later panel shares three words or more with the first, and 75 % of the shorter title's words. */
  sameKpiMinWords: 3,
  sameKpiShare: 0.75,
  /** A paragraph before a KPI table is one KPI's own when its opening sentence (≤ 10 words) names that KPI … */
  kpiLeadMaxWords: 10,
  /** … by 60 % of the opening sentence's words … */
  kpiLeadShare: 0.6,
  /** … compared by their first five letters, so "plans"/"planned" and "issued"/"issuing" meet. */
  kpiStemChars: 5,
  /** A KPI panel's title is at most 40 words (Kent's longest is 25); a longer unit is commentary, never a panel title. */
  detailTitleMaxWords: 40,
  /** A figure with its target in a sentence is named by its sentence, cut at 160 characters (a table name's length). */
  inTextNameMaxChars: 160,
  /** The opening sentence of such a paragraph: 3 to 160 characters up to the first full stop or colon. */
  kpiLeadMinChars: 3,
  kpiLeadMaxChars: 160,
} as const;

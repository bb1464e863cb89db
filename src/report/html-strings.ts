/**
 * The words of the HTML report. A report whose documents are all Swedish gets Swedish words; any other
 * mix gets English. Codes (labels, flag codes) stay as they are in every language: they are what the
 * JSON, CSV and SARIF say, and what a reader would search for.
 */
import type { Evidence, Label, Language, Orientation, Status } from '../model/result.js';

/** The numbers of the one-line headline under the title. */
export interface Headline {
  documents: number;
  failed: number;
  goals: number;
  green: number;
  flaggedGreen: number;
}

export interface HtmlStrings {
  reportTitle: string;
  headline: (n: Headline) => string;
  madeWith: (version: string) => string;
  caveat: string;
  legendHeading: string;
  labelMeaning: Record<Label, string>;
  residentFacing: string;
  status: Record<Status, string>;
  orientation: Record<Orientation, string>;
  evidence: Record<Evidence, string>;
  summaryHeading: string;
  document: string;
  /** The column of whose report it is and which period. */
  identity: string;
  /** Before the other paths of a document found at several (identical copies). */
  alsoAt: string;
  language: string;
  pages: string;
  goals: string;
  flagged: string;
  greenWithResidentEvidence: string;
  error: string;
  allDocuments: string;
  flaggedHeading: string;
  flaggedIntro: string;
  noneFlagged: string;
  allGoalsHeading: string;
  flaggedOnly: string;
  anyStatus: string;
  statusHeading: string;
  search: string;
  goalsShown: string;
  noMatch: string;
  goal: string;
  page: string;
  pageAbbr: string;
  orientationHeading: string;
  evidenceHeading: string;
  sentences: (n: number) => string;
  noText: string;
  notFlagged: string;
  indicators: string;
  errorsHeading: string;
  noGoals: string;
  overTimeHeading: string;
  overTimeIntro: string;
  organisation: string;
  /** Reports whose organisation was not read, left out of the view across time. */
  unknownLeftOut: (n: number) => string;
  unknownPeriod: string;
  reports: string;
  greenRatings: string;
  greenFlagged: string;
  persistentlyGreen: string;
  persistentlyGreenIntro: string;
  /** The short mark on such a goal's row. */
  persistentBadge: string;
  notRated: string;
  printedAs: string;
  titleMatch: string;
  moreGoals: (n: number) => string;
  /** A large archive's report.html links to pages (html-pages.ts): the words of those links and pages. */
  pagesIntro: string;
  documentsRange: (first: number, last: number, of: number) => string;
  goalsOnPage: (n: number) => string;
  backToReport: string;
  previousPage: string;
  nextPage: string;
  /** Before the link from a flagged goal's row in report.html to its card with the quotes. */
  quotes: string;
  organisationsRange: (first: number, last: number, of: number) => string;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const en: HtmlStrings = {
  reportTitle: 'verkstad report',
  headline: (n) =>
    `${count(n.documents, 'document', 'documents')}` +
    (n.failed > 0 ? ` (${n.failed} could not be analysed)` : '') +
    `, ${count(n.goals, 'goal', 'goals')}, ${n.green} green: ` +
    (n.flaggedGreen === 0
      ? 'no green goal is flagged.'
      : `${count(n.flaggedGreen, 'green goal shows', 'green goals show')} no result for residents.`),
  madeWith: (version) => `Made with verkstad ${version}.`,
  caveat:
    'Statuses, labels and flags are read automatically and are sometimes wrong: check each quoted sentence ' +
    'against the report (the page links open the PDF when it is saved next to this file).',
  legendHeading: 'How sentences are labelled',
  labelMeaning: {
    outcome: 'a result for residents was observed or measured',
    output: 'a service or thing actually reached residents',
    internal: 'work inside the organisation',
    intention: 'planned, hoped-for or future work',
    context: 'background that shows nothing either way',
  },
  residentFacing: 'resident-facing',
  status: { green: 'green', yellow: 'yellow', red: 'red', unknown: 'unknown' },
  orientation: { residents: 'residents', organisation: 'organisation' },
  evidence: { 'resident-facing': 'resident-facing', mixed: 'mixed', 'internal-only': 'internal only', none: 'none' },
  summaryHeading: 'Summary',
  document: 'Document',
  identity: 'Organisation, kind and period',
  alsoAt: 'also at',
  language: 'Language',
  pages: 'Pages',
  goals: 'Goals',
  flagged: 'Flagged',
  greenWithResidentEvidence: 'Green with resident evidence',
  error: 'Error',
  allDocuments: 'All documents',
  flaggedHeading: 'Flagged green goals',
  flaggedIntro:
    'Green goals about residents where nothing in the justification shows what residents received or noticed.',
  noneFlagged: 'No green goal is flagged.',
  allGoalsHeading: 'All goals',
  flaggedOnly: 'Flagged only',
  anyStatus: 'any status',
  statusHeading: 'Status',
  search: 'Search',
  goalsShown: 'goals shown',
  noMatch: 'No goal matches the filters.',
  goal: 'Goal',
  page: 'Page',
  pageAbbr: 'p.',
  orientationHeading: 'About',
  evidenceHeading: 'Evidence',
  sentences: (n) => `${n} ${n === 1 ? 'sentence' : 'sentences'}`,
  noText: 'No justification text under the goal.',
  notFlagged: 'Not flagged',
  indicators: 'Indicators',
  errorsHeading: 'Documents that could not be analysed',
  noGoals: 'No goals found.',
  overTimeHeading: 'Goals over time',
  overTimeIntro:
    'Each organisation\'s goals followed across its reports, oldest first: a goal reworded a little between reports ' +
    'is matched by its title (hover a cell for the title as printed and how closely it matched). goals_over_time.csv ' +
    'holds every row.',
  organisation: 'Organisation',
  unknownLeftOut: (n) =>
    `${n} ${n === 1 ? 'report whose organisation was' : 'reports whose organisation was'} not read ${n === 1 ? 'is' : 'are'} left out ` +
    '(they are in goals_over_time.csv; name their organisation with documents: in verkstad.config.yaml).',
  unknownPeriod: 'period not read',
  reports: 'Reports',
  greenRatings: 'Green ratings',
  greenFlagged: 'Green flagged',
  persistentlyGreen: 'Green report after report without resident evidence',
  persistentlyGreenIntro: 'Green in reports in a row with nothing in the justification that residents received or noticed:',
  persistentBadge: 'green in a row',
  notRated: 'not in this report',
  printedAs: 'printed as',
  titleMatch: 'title match',
  moreGoals: (n) => `${n} more ${n === 1 ? 'goal' : 'goals'}: see goals_over_time.csv.`,
  pagesIntro: 'The archive is large, so its goals are on pages of documents; each flagged goal links to its quotes there.',
  documentsRange: (first, last, of) => `Documents ${first}–${last} of ${of}`,
  goalsOnPage: (n) => count(n, 'goal', 'goals'),
  backToReport: 'Back to the report',
  previousPage: 'Previous page',
  nextPage: 'Next page',
  quotes: 'quotes',
  organisationsRange: (first, last, of) => `Organisations ${first}–${last} of ${of}`,
};

const sv: HtmlStrings = {
  reportTitle: 'verkstad-rapport',
  headline: (n) =>
    `${n.documents} dokument` +
    (n.failed > 0 ? ` (${n.failed} kunde inte analyseras)` : '') +
    `, ${n.goals} mål, ${n.green} ${n.green === 1 ? 'grönt' : 'gröna'}: ` +
    (n.flaggedGreen === 0
      ? 'inget grönt mål är flaggat.'
      : `${n.flaggedGreen} ${n.flaggedGreen === 1 ? 'grönt mål visar' : 'gröna mål visar'} inget resultat för invånarna.`),
  madeWith: (version) => `Skapad med verkstad ${version}.`,
  caveat:
    'Status, etiketter och flaggor läses automatiskt och blir ibland fel: jämför varje citerad mening med ' +
    'rapporten (sidlänkarna öppnar PDF-filen när den ligger i samma mapp som den här filen).',
  legendHeading: 'Så märks meningarna',
  labelMeaning: {
    outcome: 'ett resultat för invånarna har observerats eller mätts',
    output: 'en tjänst eller insats har faktiskt nått invånarna',
    internal: 'arbete inom organisationen',
    intention: 'planerat, önskat eller framtida arbete',
    context: 'bakgrund som inte visar något',
  },
  residentFacing: 'når invånarna',
  status: { green: 'grön', yellow: 'gul', red: 'röd', unknown: 'okänd' },
  orientation: { residents: 'invånarna', organisation: 'organisationen' },
  evidence: { 'resident-facing': 'når invånarna', mixed: 'blandat', 'internal-only': 'bara internt', none: 'inget' },
  summaryHeading: 'Sammanfattning',
  document: 'Dokument',
  identity: 'Organisation, slag och period',
  alsoAt: 'även i',
  language: 'Språk',
  pages: 'Sidor',
  goals: 'Mål',
  flagged: 'Flaggade',
  greenWithResidentEvidence: 'Gröna med belägg för invånarna',
  error: 'Fel',
  allDocuments: 'Alla dokument',
  flaggedHeading: 'Flaggade gröna mål',
  flaggedIntro: 'Gröna mål om invånarna där inget i motiveringen visar vad invånarna har fått eller märkt.',
  noneFlagged: 'Inget grönt mål är flaggat.',
  allGoalsHeading: 'Alla mål',
  flaggedOnly: 'Bara flaggade',
  anyStatus: 'alla',
  statusHeading: 'Status',
  search: 'Sök',
  goalsShown: 'mål visas',
  noMatch: 'Inget mål matchar filtren.',
  goal: 'Mål',
  page: 'Sida',
  pageAbbr: 's.',
  orientationHeading: 'Gäller',
  evidenceHeading: 'Belägg',
  sentences: (n) => `${n} ${n === 1 ? 'mening' : 'meningar'}`,
  noText: 'Ingen motiveringstext under målet.',
  notFlagged: 'Inte flaggat',
  indicators: 'Indikatorer',
  errorsHeading: 'Dokument som inte kunde analyseras',
  noGoals: 'Inga mål hittades.',
  overTimeHeading: 'Målen över tid',
  overTimeIntro:
    'Varje organisations mål följda genom dess rapporter, äldst först: ett mål som formulerats något om mellan ' +
    'rapporterna känns igen på rubriken (håll pekaren över en cell för rubriken som den står och hur lik den var). ' +
    'goals_over_time.csv har alla rader.',
  organisation: 'Organisation',
  unknownLeftOut: (n) =>
    `${n} ${n === 1 ? 'rapport' : 'rapporter'} där organisationen inte kunde läsas ut är inte med här (de finns i ` +
    'goals_over_time.csv; ange organisationen med documents: i verkstad.config.yaml).',
  unknownPeriod: 'period inte utläst',
  reports: 'Rapporter',
  greenRatings: 'Gröna bedömningar',
  greenFlagged: 'Gröna flaggade',
  persistentlyGreen: 'Gröna rapport efter rapport utan belägg för invånarna',
  persistentlyGreenIntro: 'Gröna i flera rapporter i rad utan att motiveringen visar vad invånarna har fått eller märkt:',
  persistentBadge: 'grönt i rad',
  notRated: 'inte med i rapporten',
  printedAs: 'rubrik i rapporten',
  titleMatch: 'likhet',
  moreGoals: (n) => `${n} mål till: se goals_over_time.csv.`,
  pagesIntro: 'Arkivet är stort, så dess mål ligger på sidor med några dokument var; varje flaggat mål länkar till sina citat där.',
  documentsRange: (first, last, of) => `Dokument ${first}–${last} av ${of}`,
  goalsOnPage: (n) => `${n} mål`,
  backToReport: 'Tillbaka till rapporten',
  previousPage: 'Föregående sida',
  nextPage: 'Nästa sida',
  quotes: 'citat',
  organisationsRange: (first, last, of) => `Organisationer ${first}–${last} av ${of}`,
};

export const HTML_STRINGS: Record<Language, HtmlStrings> = { en, sv };

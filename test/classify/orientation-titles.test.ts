/**
 * Orientation from a goal title's own verb and object, on titles written here (never taken from ../shared): each
 * list is read with the project's rules/<lang>/orientation.yaml, as the pipeline reads it. Organisation goals ask
 * for the organisation's own work (collaboration, ways of working, plans, money, premises); resident goals name what
 * residents get, even where an internal word occurs in them.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { orientationOf } from '../../src/classify/orientation.js';
import { loadRules, type OrientationRule } from '../../src/ruleset/load.js';
import { root } from '../helpers.js';

const rules = loadRules(path.join(root, 'rules')).rules.filter((r): r is OrientationRule => r.kind === 'orientation');
const of = (lang: 'sv' | 'en') => (title: string) => orientationOf(title, null, rules.filter((r) => r.language === lang));

const SV_ORGANISATION = [
  'Söka nya samarbetsformer med grannkommunerna inom räddningstjänsten',
  'Utveckla samverkan med regionen kring den nära vården',
  'Skapa ett gemensamt partnerskap med näringslivet i centrumfrågor',
  'Stärka och fördjupa samarbetet med högskolan',
  'Nämnden ska bygga upp ett nätverk för kulturarvsfrågor',
  'Samarbetet mellan skola och socialtjänst ska stärkas',
  'Effektivisera handläggningsprocessen för bygglov',
  'Digitalisera ärendehanteringen i hela förvaltningen',
  'Modernisera och förenkla våra interna rutiner',
  'Förvaltningens arbetssätt ska bli mer enhetligt',
  'Kommunens lokaler ska användas effektivt',
  'Minska energianvändningen i kommunens egna fastigheter',
  'Nämndens fordonsflotta ska vara fossilfri 2030',
  'Ta fram en ny kulturplan för perioden 2026–2030',
  'Genomföra åtgärdsplanen för ett tryggare centrum',
  'Revidera nämndens strategi för friluftsliv',
  'Anta riktlinjer för medborgardialog',
  'Vid neddragningar ska kärnverksamheten värnas',
  'Stödfunktionerna ska prioriteras ned till förmån för kärnverksamheten',
  'Ekonomiska mål för nämnden 2026',
  'Resultatet ska motsvara minst två procent av skatteintäkterna',
  'Soliditeten ska inte försämras under planperioden',
  'Budgeten ska hållas',
  'En god ekonomisk hushållning',
  'Kommunen är en attraktiv arbetsgivare för unga',
  'Sjukfrånvaron bland medarbetarna ska minska',
  'Intern kontroll av upphandlingar',
  'En effektiv och ändamålsenlig förvaltning',
];

const SV_RESIDENTS = [
  'Fler invånare ska cykla till arbetet',
  'Barn och unga ska få ett samordnat stöd från skola och socialtjänst',
  'Äldre ska kunna bo kvar hemma längre',
  'Elever med behov av särskilt stöd ska få det i tid',
  'Invånarna ska ha nära till grönområden',
  'Hushållen ska sortera ut mer matavfall',
  'Företagen ska få snabb och korrekt service',
  'Föreningslivet ska ha goda villkor',
  'Alla ska ha tillgång till ett rikt kulturliv',
  'Utveckla äldreomsorgens utbud av dagverksamhet för personer med demens',
  'Öka antalet besökare i simhallen',
  'Kortare väntetid till särskilt boende',
  'Trygg och säker skolmiljö',
  'Ett rikt och varierat fritidsutbud för unga',
  'Skapa goda förutsättningar för nyanlända att etablera sig',
  'Personer med missbruk ska erbjudas en sammanhållen vård',
  'Familjer med barn ska få stöd i föräldraskapet',
  'Arbetssökande ska snabbare komma i arbete',
  'Patienter ska få vård i rätt tid',
  'Besökare ska uppleva centrum som tryggt och levande',
];

const EN_ORGANISATION = [
  'Deliver the carbon reduction action plan',
  'Develop and adopt a new local transport strategy',
  'Implement the customer access strategy',
  'Publish a refreshed equality framework',
  'Review the leisure facilities strategy',
  'Delivery of the corporate improvement programme',
  'Implementation of the digital roadmap',
  'Modernise our ways of working',
  'Transform how the council works with its partners',
  'Streamline our back office processes',
  'Improve our internal systems for managing cases',
  'Reduce carbon emissions from the council\'s own buildings',
  'Rationalise the council estate',
  'Strengthen partnership working with health',
  'Build stronger partnerships with the voluntary sector',
  'Collection of business rates',
  'Rent arrears as a share of the rent roll',
  'Balance the general fund budget',
  'A financially resilient council',
  'Staff turnover and retention',
  'An employer of choice',
  'A well-run council with strong governance',
  '% of Freedom of Information requests answered on time',
];

const EN_RESIDENTS = [
  'Residents feel safe in their neighbourhood',
  'Deliver 250 new affordable homes',
  'More children attend a good or outstanding school',
  'Older people live independently for longer',
  'Fewer households in temporary accommodation',
  'Develop the skills of young people leaving care',
  'Improve the condition of local roads',
  'Residents have a care plan that meets their needs',
  'Build 200 new council homes',
  'Businesses find it easy to start and grow here',
  'Tenants are satisfied with repairs',
  'Carers get the support they need',
  'Improve air quality in the town centre',
  'Clean streets and well-kept parks',
  'People can get help online when they need it',
  'Increase the number of visits to libraries',
  'Council tax support reaches the households who need it',
  'Modernise the town museum for visitors',
];

describe('orientation from the title’s own verb and object', () => {
  it.each(SV_ORGANISATION)('sv organisation: %s', (t) => expect(of('sv')(t).orientation).toBe('organisation'));
  it.each(SV_RESIDENTS)('sv residents: %s', (t) => expect(of('sv')(t).orientation).toBe('residents'));
  it.each(EN_ORGANISATION)('en organisation: %s', (t) => expect(of('en')(t).orientation).toBe('organisation'));
  it.each(EN_RESIDENTS)('en residents: %s', (t) => expect(of('en')(t).orientation).toBe('residents'));

  it('shows the rule and the words of the title that decided', () => {
    expect(of('sv')('Söka nya samarbetsformer med grannkommunerna inom räddningstjänsten').reason).toBe('sv/orientation/samverkan-som-mal: "Söka nya samarbetsformer"');
    expect(of('en')('Deliver the carbon reduction action plan').reason).toBe('en/orientation/deliver-a-plan: "Deliver the carbon reduction action plan"');
    expect(of('en')('Improve the condition of local roads').reason).toBeNull();
  });
});

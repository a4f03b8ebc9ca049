import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { slugify } from '../src/content/slug.ts';

// A synthetic content folder for benchmarks: sources, people and articles that pass the archive's
// checks and read like news copy. Every choice comes from one seeded generator, so a seed always
// gives the same bytes and timings can be compared between runs and machines.

/** What to generate: how many articles and people, and the seed that fixes every choice. */
export interface CorpusOptions {
  articles: number;
  people: number;
  seed: number;
}

/** How many entries of each kind were written, and the bytes written in all. */
export interface CorpusSummary {
  articles: number;
  people: number;
  sources: number;
  topics: number;
  bytes: number;
}

/** A seeded source of floats in [0, 1). */
type Rng = () => number;

/** What a sentence template needs to fill its slots: the article's people, topics and year. */
interface Story {
  rng: Rng;
  people: Person[];
  topics: readonly string[];
  year: number;
  /** Person mentions so far; the first mention of each person gives the full name. */
  turn: number;
}

/** A person as written to people/, plus the parts prose needs. */
interface Person {
  id: string;
  name: string;
  last: string;
  aliases: string[];
  description: string;
}

/** A template split into literal text and the slot fillers between the pieces. */
interface Template {
  text: string[];
  slots: ((s: Story) => string)[];
}

const list = (text: string): string[] => text.trim().split(/\s*,\s*/);

const FIRST_NAMES =
  list(`Ana, José, Lucía, Mateo, Sofía, Diego, Camila, Javier, Aisha, Omar, Fatima, Yusuf, Layla, Tariq,
  Leila, Wei, Mei, Jun, Hiroshi, Yuki, Kenji, Haruka, Priya, Arjun, Ananya, Ravi, Sanjay, Deepa, Nadia, Olga, Dmitri,
  Irina, Katarzyna, Piotr, Tomasz, Ingrid, Lars, Astrid, Henrik, Chiara, Luca, Giulia, Marco, Amélie, Louis, Camille,
  Hugo, Lena, Jonas, Clara, Felix, Chidi, Ngozi, Kwame, Amara, Thandiwe, Sipho, Emeka, Zainab, Minh, Linh, Seo-yeon,
  Ji-ho, Michael, Sarah, David, Emily, James, Jennifer, Robert, Linda, Daniel, Rachel, Kevin, Laura, Brian, Megan,
  Grace, Patrick, Siobhan`);
const MIDDLE_NAMES = list(`Lee, Marie, Ann, Jean, Ray, Lynn, Rose, James, Grace, Elena, Louise, Alexander, Thomas,
  Maria, Joseph, Jay, Dale, Noor, Luis, Mae, Kai, Beatriz, Leigh`);
const LAST_NAMES = list(`Ruiz, García, Hernández, López, Martínez, Morales, Castillo, Ortega, Silva, Santos, Oliveira,
  Costa, Okafor, Adeyemi, Mensah, Nkosi, Mwangi, Otieno, Diallo, Haddad, Khalil, Rahman, Hussain, Khan, Patel, Sharma,
  Gupta, Iyer, Reddy, Nair, Chen, Wang, Zhang, Liu, Huang, Tanaka, Suzuki, Watanabe, Yamamoto, Kim, Park, Choi, Nguyen,
  Tran, Pham, Kowalski, Nowak, Wiśniewski, Horvat, Petrov, Volkov, Sokolov, Andersson, Johansson, Lindqvist, Nielsen,
  Hansen, Berg, Müller, Schmidt, Fischer, Weber, Rossi, Russo, Bianchi, Romano, Moreau, Dubois, Lefèvre, Laurent,
  Murphy, O'Brien, Kelly, Walsh, Smith, Johnson, Williams, Brown, Miller, Davis, Wilson, Taylor, Anderson, Harris,
  Clark, Walker, Young, Wright, Mitchell, Campbell, Evans, Collins, Cohen, Levy, Friedman, Yilmaz, Demir,
  Papadopoulos, Georgiou, Abdullah`);
const TOPICS = list(`immigration, immigration courts, asylum policy, border security, refugee resettlement,
  housing policy, rent control, homelessness, zoning reform, public transit, road safety, rail investment,
  airport expansion, port operations, trade policy, tariffs, farm subsidies, food prices, drought, wildfires,
  flood defenses, climate policy, carbon pricing, renewable energy, offshore wind, solar power, nuclear power,
  oil and gas, coal mining, electric vehicles, energy prices, water supply, air quality, plastic waste, recycling,
  wildlife protection, fisheries, forestry, national parks, public health, hospital funding, mental health care,
  drug prices, opioid crisis, vaccination, pandemic response, health insurance, nursing homes, elder care, child care,
  school funding, teacher pay, student debt, university admissions, early education, school safety,
  curriculum disputes, literacy, vocational training, labor unions, minimum wage, gig work, unemployment benefits,
  pensions, retirement savings, income tax, corporate tax, property tax, sales tax, tax evasion, public debt,
  budget deficits, inflation, interest rates, central banking, banking regulation, cryptocurrency,
  consumer protection, antitrust, mergers, small business, startups, manufacturing, supply chains, shipping,
  semiconductors, artificial intelligence, data privacy, cybersecurity, online speech, social media, broadband access,
  telecommunications, press freedom, public broadcasting, elections, voting rights, campaign finance, redistricting,
  election security, lobbying, government ethics, corruption, whistleblowers, freedom of information, civil service,
  local government, city budgets, police reform, policing, criminal justice, sentencing reform, prisons, bail reform,
  gun control, gun violence, organized crime, drug policy, human trafficking, juvenile justice, Supreme Court,
  judicial appointments, constitutional law, civil rights, disability rights, gender equality, LGBTQ rights,
  religious freedom, indigenous rights, racial justice, free speech, protests, foreign policy, diplomacy, sanctions,
  arms control, defense spending, military procurement, veterans affairs, peacekeeping, humanitarian aid, foreign aid,
  international development, migration, global health, space exploration, scientific research, research funding,
  medical research, genetics, biotechnology, agriculture, fishing rights, rural development, urban planning,
  infrastructure, bridges and roads, water utilities, electricity grid, natural disasters, emergency management,
  insurance, real estate, construction, tourism, aviation, the auto industry, retail, labor shortages, wages,
  cost of living, poverty, food security, welfare programs, social security, disability benefits, family policy,
  parental leave, public libraries, arts funding, stadium financing, alcohol regulation, tobacco control,
  cannabis legalization, animal welfare, consumer debt, mortgages, pension funds, strikes, workplace safety,
  automation, remote work, population decline, aging populations, municipal elections, state legislatures, parliament,
  coalition politics, party leadership, Justice Department`);
const NOUNS = list(`plan, proposal, measure, bill, policy, report, budget, contract, investigation, ruling, agreement,
  program, deal, review, inquiry, settlement, strategy, framework, initiative, audit, lawsuit, appeal, decision, order,
  directive, memo, survey, study, estimate, forecast, project, partnership, merger, tariff, subsidy, grant, loan, fund,
  reform, amendment, regulation, license, permit, waiver, ban, moratorium, pilot program, campaign, referendum,
  hearing, trial, verdict, probe, complaint, petition, negotiation, summit, treaty, ceasefire, sanctions package,
  backlog, pipeline, bridge project, rail line, port expansion, reservoir, hospital wing, factory, refinery,
  zoning change, tax credit, rebate, bond issue, recall effort, nomination, confirmation vote, spending bill,
  relief package, rescue plan, overhaul, cleanup, rollout`);
const PLURALS = list(`residents, workers, families, students, teachers, patients, farmers, tenants, landlords, voters,
  taxpayers, businesses, employers, hospitals, schools, contractors, suppliers, drivers, nurses, doctors, officers,
  prosecutors, defendants, immigrants, retirees, veterans, investors, shareholders, consumers, borrowers, homeowners,
  commuters, parents, children, researchers, scientists, engineers, developers, retailers, manufacturers, exporters,
  fishermen, miners, communities, counties, small firms, charities, clinics, pharmacies, universities, insurers`);
const GROUPS = list(`officials, lawmakers, analysts, economists, residents, advocates, critics, regulators,
  investigators, prosecutors, activists, experts, executives, union leaders, diplomats, city officials,
  state officials, federal officials, health officials, local leaders, business groups, civil rights groups,
  environmental groups, industry groups, community organizers, legal scholars, budget analysts`);
const ADJECTIVES = list(`sweeping, modest, controversial, long-awaited, ambitious, costly, temporary, permanent,
  bipartisan, partisan, unprecedented, narrow, broad, revised, preliminary, final, confidential, public, federal,
  regional, local, national, international, rural, urban, emergency, landmark, contested, stalled, delayed, overdue,
  fragile, tentative, formal, informal, unusual, routine, significant, major, minor, sharp, gradual, steep,
  widespread, limited, lengthy, brief, detailed, vague, aggressive, cautious, unpopular, popular, expensive, stricter,
  looser, renewed, expanded, scaled-back, closely watched, hard-fought, last-minute, multibillion-dollar, decade-old,
  little-noticed, ill-fated, much-criticized, hastily drafted, independent, secret`);
const WITH_ARTICLE = ADJECTIVES.map((a) => (/^[aeiou]/.test(a) ? `an ${a}` : `a ${a}`));
const PAST = list(`approved, rejected, delayed, expanded, reviewed, blocked, criticized, questioned, announced,
  proposed, defended, challenged, funded, suspended, restored, examined, disclosed, extended, postponed, endorsed,
  investigated, reported, cited, released, launched, revised, finalized, opposed, welcomed, praised, dismissed,
  overturned, upheld, signed, vetoed, drafted, outlined, unveiled, scrapped, paused, resumed, audited, documented,
  flagged, reversed, ratified, negotiated, renewed, canceled, published`);
const BASE = list(`approve, reject, delay, expand, review, block, change, reshape, weaken, strengthen, reduce, raise,
  cut, limit, protect, replace, restore, fund, simplify, speed up, slow, affect, help, hurt, cover, reach, support,
  undermine, test, end, extend, reform, overhaul, streamline, tighten, loosen, revisit, revive, complicate, reverse,
  challenge, benefit, burden, transform, stabilize`);
const HEADLINE_VERBS = list(`backs, rejects, defends, blocks, questions, unveils, pushes, targets, criticizes, weighs,
  delays, expands, signs, vetoes, praises, challenges, revives, scraps, shelves, pauses`);
const SAID = list(`said, told reporters, added, noted, argued, warned, insisted, acknowledged, said in an interview,
  told lawmakers, said at a briefing, conceded, maintained, suggested, stressed, confirmed, wrote`);
const WHEN = list(`on Monday, on Tuesday, on Wednesday, on Thursday, on Friday, over the weekend, last week,
  earlier this month, late last year, this spring, on Thursday evening, in a court filing last week, earlier this year,
  last month`);
const ORGS = list(`the Treasury, the state legislature, the city council, the Health Ministry, the Justice Department,
  the Federal Reserve, the World Bank, the transit authority, the school board, the election commission,
  the port authority, the housing agency, the audit office, the Supreme Court, the appeals court,
  the national statistics office, the energy regulator, the teachers' union, the chamber of commerce, the central bank,
  the environmental agency, the budget office, the inspector general, the ethics committee, the county board,
  the water utility, the public broadcaster, the civil liberties union, the farm bureau, the hospital association,
  the police department, the parole board, the planning commission, the interior ministry, the labor department`);
const PLACES = list(`Springfield, Riverside, Fairview, Portland, Lagos, Manila, Lyon, Porto, Monterrey, Nairobi, Kraków,
  Osaka, Brisbane, Halifax, Tucson, Dayton, Leeds, Cork, Tampere, Valencia, Accra, Pune, Cebu, Medellín, Curitiba,
  Adelaide, Winnipeg, Savannah, Boise, Omaha, Tallinn, Gdańsk, Kumasi, Mombasa, Durban, Izmir, Bologna, Graz, Aarhus,
  Bergen, Da Nang, Busan, Surabaya, Rosario, Quito`);
const SMALL_NUMBERS = list('two, three, four, five, six, seven, eight, nine, ten, eleven, twelve');
const METRICS = list(`Cases filed, Applications, Budget (millions), Complaints, Households served, Permits issued,
  Reported incidents, Enrolment, Inspections, Jobs created`);
const SOURCE_NAMES = list(`The Harbor Ledger, Northfield Courier, The Daily Meridian, Valley Post, Coastal Herald,
  The Civic Record, Prairie Tribune, Metro Sentinel, The Evening Lantern, Lakeshore Gazette, The Capital Dispatch,
  Summit Observer, Riverbend Chronicle, The Granite Times, Bayside Journal, The Public Wire, Highland Standard,
  The Morning Beacon, Eastgate Review, The Continental Monitor`);

const SOURCES = SOURCE_NAMES.map((name) => {
  const domain = `${slugify(name.replace(/^The /, '')).replace(/-/g, '')}.example`;
  return { id: slugify(name), name, domain };
});
const LINK_HOSTS = [...SOURCES.map((s) => s.domain), 'records.example', 'data.example', 'courts.example'];

/** The largest seed: the generator's state is one 32-bit number, so larger seeds repeat smaller ones. */
export const MAX_SEED = 0xffffffff;

/** mulberry32: a tiny, fast generator whose whole state is one 32-bit number. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** A standard normal draw (Box–Muller), for log-normal article lengths. */
function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** `count` different values from `draw`; callers keep count well below the number of possible values. */
function distinct<T>(count: number, draw: () => T): T[] {
  const chosen = new Set<T>();
  while (chosen.size < count) chosen.add(draw());
  return [...chosen];
}

/** Draws indexes 0..count-1 with weight 1/rank^exponent, so a few people turn up in very many articles. */
function zipf(count: number, exponent: number): (rng: Rng) => number {
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let i = 0; i < count; i++) cumulative[i] = total += 1 / (i + 1) ** exponent;
  return (rng) => {
    const x = rng() * total;
    let lo = 0;
    let hi = count - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** The next person to mention: each in turn by full name first, then mostly the lead, by surname or alias. */
function mention(s: Story): string {
  const { people, rng } = s;
  if (s.turn < people.length) return people[s.turn++]!.name;
  s.turn++;
  const person = rng() < 0.4 ? people[0]! : pick(rng, people);
  const form = rng();
  if (form < 0.55) return person.last;
  if (form < 0.8 || person.aliases.length === 0) return person.name;
  return pick(rng, person.aliases);
}

const withCommas = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

const SLOTS: Record<string, (s: Story) => string> = {
  p: mention,
  L: (s) => s.people[0]!.last,
  M: (s) => s.people[1]!.last,
  n: (s) => pick(s.rng, NOUNS),
  N: (s) => pick(s.rng, PLURALS),
  a: (s) => pick(s.rng, ADJECTIVES),
  A: (s) => pick(s.rng, WITH_ARTICLE),
  v: (s) => pick(s.rng, PAST),
  b: (s) => pick(s.rng, BASE),
  h: (s) => pick(s.rng, HEADLINE_VERBS),
  s: (s) => pick(s.rng, SAID),
  d: (s) => pick(s.rng, WHEN),
  o: (s) => pick(s.rng, ORGS),
  c: (s) => pick(s.rng, PLACES),
  r: (s) => pick(s.rng, GROUPS),
  t: (s) => pick(s.rng, s.topics),
  m: (s) => pick(s.rng, SMALL_NUMBERS),
  q: (s) => withCommas(Math.floor(10 ** (1 + s.rng() * 3.5))),
  x: (s) => (0.5 + s.rng() * 40).toFixed(1),
  y: (s) => String(s.year - 1 - Math.floor(s.rng() * 12)),
  f: (s) => String(s.year + 1 + Math.floor(s.rng() * 5)),
  u: (s) => `https://${pick(s.rng, LINK_HOSTS)}/${s.year}/${slugify(`${pick(s.rng, NOUNS)} ${pick(s.rng, TOPICS)}`)}`,
};

/** Splits "{x}" slots out of a template once, so filling it is a loop of concatenations. */
function compile(source: string): Template {
  const parts = source.split(/\{(\w)\}/);
  const slots = parts.filter((_, i) => i % 2 === 1);
  for (const key of slots) if (!SLOTS[key]) throw new Error(`unknown slot {${key}} in "${source}"`);
  return { text: parts.filter((_, i) => i % 2 === 0), slots: slots.map((key) => SLOTS[key]!) };
}

/** A template filled for a story, with its first letter capitalized. */
function render(template: Template, s: Story): string {
  let out = template.text[0]!;
  for (let i = 0; i < template.slots.length; i++) out += template.slots[i]!(s) + template.text[i + 1]!;
  return out.charAt(0).toUpperCase() + out.slice(1);
}

const templates = (...sources: string[]): Template[] => sources.map(compile);

const TITLES = templates(
  '{L} {h} {a} {n} on {t}',
  '{o} {h} {n} as debate over {t} grows',
  'In {c}, {A} fight over {t}',
  '{t}: what the {n} means for {c}',
  '{r} question {L} over {t}',
  '{L} and {M} clash over {a} {n}',
  'How {A} {n} in {c} reshaped {t}',
  '{L} says {n} will {b} {N} in {c}',
  '{a} {n} on {t} {v} after {L} intervenes',
  'Why {t} is back on the agenda in {c}',
);
const DEKS = templates(
  '{A} {n} could {b} {N} in {c}, {r} say.',
  'The {n} has divided {r} over {t} for years.',
  '{L} says the {n} is overdue; critics are not convinced.',
  'What the {a} {n} means for {N} and for {t}.',
);
const LEADS = templates(
  '{p} {v} {A} {n} on {t} {d}, a move that {r} in {c} said could {b} {N} for years.',
  '{r} in {c} are weighing {A} {n} backed by {p}, the latest turn in a long fight over {t}.',
  'When {p} {v} the {n} {d}, few {r} expected it to {b} the debate over {t}.',
  '{p} is facing new questions over {t} after {o} {v} {A} {n} {d}.',
  '{A} {n} on {t} that {p} has championed was {v} {d} by {o}.',
);
const SENTENCES = templates(
  '{p} {s} {d} that the {a} {n} would {b} the {n} before the end of the year.',
  'The {n} was {v} {d} after months of {a} debate over {t}.',
  'According to {o}, {q} {N} have been affected since {y}.',
  '{p}, who has long pushed for changes to {t}, {s} the {n} was “{a} but necessary.”',
  '{r} in {c} {v} the {n}, arguing that it would {b} {N} across the region.',
  'Critics {s} the {a} {n} could {b} {N} and {b} the {n} for years.',
  'It was not immediately clear whether {p} would {b} the {n}.',
  '{p} did not respond to a request for comment.',
  'A spokesperson for {p} {s} the {n} was still under review.',
  '{o} {v} {A} {n} on {t} {d}, the first such step in {m} years.',
  'Supporters {s} the {n} would {b} {N} in {c} and beyond.',
  '{p} and {p} met in {c} {d} to discuss {t}, according to people familiar with the talks.',
  'More than {q} {N} were {v} in {c} last year, up from {q} the year before.',
  'The {n} remains {a}, and {r} expect further changes in the coming months.',
  'In a statement, {o} {s} it would {b} the {n} “as quickly as possible.”',
  '{p} has {v} the {n} in the past, calling it “{a}” and “{a}.”',
  'The dispute over {t} has divided {r} in {c} for much of the past decade.',
  'Figures from {o} show that {N} in {c} rose by {x} percent over the period.',
  '{p} told {o} that the {n} was “a turning point for {t}.”',
  'Asked about the {n}, {p} {s} only that {r} would {b} it carefully.',
  'The {a} {n} is expected to {b} {q} {N} by {f}.',
  'Several {r} said privately that they doubted the {n} would survive.',
  '{p}, a longtime critic of {o}, {v} the {n} {d}.',
  '{o} did not immediately respond to questions about the {n}.',
  'Those figures, which {o} {v} {d}, suggest the {n} has not worked as planned.',
  'Under the {n}, {N} in {c} would have {m} months to respond.',
  'Some {r} {s} the {n} had been {a} from the start.',
  '{p} {v} the {n} at a news conference in {c}, where reporters pressed for details on {t}.',
  'The change comes as {r} across the country wrestle with {t}.',
  'For now, {o} will {b} the {n} until at least {f}.',
  '{p} {s} the {n} would cost about {q} million dollars over {m} years.',
  'The {n} follows {A} {n} in {y} that {v} {N} in {c}.',
  '{r} have warned that {t} could become a central issue in the next election.',
  '{p} {s} that {N} in {c} had been “left out of the conversation” on {t}.',
  'A review by {o} found that {x} percent of {N} had been {v} by the {n}.',
  'Both {p} and {p} are expected to testify before {o} later this month.',
  'The {n} had been {v} once before, in {y}, amid concerns about {t}.',
  '{p} {s} there was “no evidence” that the {n} had been {v}.',
  'Residents of {c} said they learned of the {n} only after it was {v}.',
  'Meanwhile, {r} in {c} {v} {A} {n} of their own.',
);
const LINKS = templates(
  'Details of the {n} were [published by {o}]({u}) {d}.',
  '{p} outlined the plan in [a statement released in {c}]({u}).',
  'An earlier [analysis of {t}]({u}) found similar problems in {c}.',
  'As [{r} noted at the time]({u}), the {n} had been {v} twice before.',
  'The full text of the {n} is [available online]({u}).',
);
const QUOTES = templates(
  'We have waited long enough for {A} {n} on {t}.',
  'This {n} will {b} {N} in {c} for a generation.',
  'Nobody in {c} asked for this, and nobody should have to pay for it.',
  'The {n} is {a}, and {N} deserve better.',
  'We will {b} the {n} if that is what it takes.',
  'I have spoken with {N} in {c}, and they are tired of waiting.',
  'There is no easy answer on {t}, but doing nothing is not an option.',
  'Our job is to {b} the {n}, not to play politics with it.',
);
const HEADINGS = templates(
  'What happens next',
  'The view from {c}',
  'Questions about the {n}',
  'Reaction from {r}',
  'A long fight over {t}',
  'Background',
  'What the numbers show',
  'The road ahead',
  'Inside the {n}',
  'Who pays',
);
const ROLES: [string, Template][] = [
  ['Senator', compile('A senator from {c} who has focused on {t}.')],
  ['Governor', compile('Governor of the {c} region since {y}.')],
  ['Mayor', compile('Mayor of {c}, first elected in {y}.')],
  ['Judge', compile('A judge in {c} whose rulings on {t} have drawn national attention.')],
  ['Dr.', compile('A physician in {c} who studies {t}.')],
  ['Professor', compile('A professor at the University of {c} who writes about {t}.')],
  ['Representative', compile('A legislator from {c} and a leading voice on {t}.')],
  ['Minister', compile('A cabinet minister responsible for {t}.')],
  ['General', compile('A retired general who once commanded forces based near {c}.')],
  ['Ambassador', compile('A career diplomat who served as an envoy in {c} until {y}.')],
  ['Commissioner', compile('A commissioner at {o} who oversees work on {t}.')],
  ['Chief', compile('Police chief in {c} since {y}.')],
  ['', compile('Chief executive of a {c} company active in {t}.')],
  ['', compile('An activist in {c} who campaigns on {t}.')],
  ['', compile('A spokesperson for {o}.')],
  ['', compile('An economist in {c} who tracks {t}.')],
  ['', compile('A lawyer in {c} who has represented clients in cases on {t}.')],
];

/** `count` people with unique ids; the order is their Zipf rank, so the first is named most often. */
function makePeople(rng: Rng, count: number): Person[] {
  const uses = new Map<string, number>();
  const filler: Story = { rng, people: [], topics: TOPICS, year: 2025, turn: 0 };
  return Array.from({ length: count }, () => {
    const first = pick(rng, FIRST_NAMES);
    const last = pick(rng, LAST_NAMES);
    const name = `${first} ${last}`;
    const base = slugify(name);
    const n = (uses.get(base) ?? 0) + 1;
    uses.set(base, n);
    let middle = pick(rng, MIDDLE_NAMES);
    while (middle === first) middle = pick(rng, MIDDLE_NAMES);
    const [title, about] = pick(rng, ROLES);
    const forms = [`${first.charAt(0)}. ${last}`, `${first} ${middle} ${last}`];
    if (title) forms.unshift(`${title} ${name}`);
    const chosen = distinct(1 + Math.floor(rng() * forms.length), () => Math.floor(rng() * forms.length));
    const aliases = chosen.sort((a, b) => a - b).map((i) => forms[i]!);
    return { id: n === 1 ? base : `${base}-${n}`, name, last, aliases, description: render(about, filler) };
  });
}

// Plain YAML where nothing in the text could be read as syntax or as another type; quoted otherwise.
const PLAIN = /^[\p{L}\p{N}][\p{L}\p{N} ,.'’()-]*[\p{L}\p{N}.)]$/u;
const yamlText = (text: string): string =>
  PLAIN.test(text) && !/^(true|false|null)$/i.test(text) ? text : JSON.stringify(text);

/** The text of a person's people/<id>.yaml file. */
function personYaml(p: Person): string {
  const aliases = p.aliases.map((a) => `  - ${yamlText(a)}\n`).join('');
  return `name: ${yamlText(p.name)}\naliases:\n${aliases}description: ${yamlText(p.description)}\n`;
}

/** Whitespace-separated tokens, counted the way a reader of the Markdown body would split it. */
function countWords(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10) n++;
  }
  return n;
}

/** An article body being written against a word budget. */
interface Draft {
  story: Story;
  blocks: string[];
  words: number;
  target: number;
  /** Word counts after which a link sentence is due, soonest first. */
  links: number[];
}

/** Appends a block when it fits the budget; false when it does not. */
function add(d: Draft, block: string): boolean {
  const n = countWords(block);
  if (d.words + n > d.target) return false;
  d.blocks.push(block);
  d.words += n;
  return true;
}

/** The next sentence: a lead to open the article, a link sentence when one is due, else ordinary prose. */
function sentence(d: Draft, opening: boolean): string {
  const { story } = d;
  if (opening) return render(pick(story.rng, LEADS), story);
  if (d.links.length > 0 && d.words >= d.links[0]!) {
    d.links.shift();
    return render(pick(story.rng, LINKS), story);
  }
  return render(pick(story.rng, SENTENCES), story);
}

/** Two to five sentences, cut short where the budget runs out; '' when not even one fits. */
function paragraph(d: Draft): string {
  const size = 2 + Math.floor(d.story.rng() * 4);
  let text = '';
  let words = 0;
  for (let i = 0; i < size; i++) {
    const turn = d.story.turn;
    const next = sentence(d, d.blocks.length === 0 && i === 0);
    const n = countWords(next);
    if (d.words + words + n > d.target) {
      // A dropped sentence must not count as anyone's first mention.
      d.story.turn = turn;
      break;
    }
    text = text ? `${text} ${next}` : next;
    words += n;
  }
  return text;
}

/** A block quote of one or two sentences, from someone the article has already named. */
function quote(s: Story): string {
  const speaker = s.people[Math.floor(s.rng() * Math.max(1, Math.min(s.turn, s.people.length)))]!;
  const said = [render(pick(s.rng, QUOTES), s)];
  if (s.rng() < 0.5) said.push(render(pick(s.rng, QUOTES), s));
  return `> “${said.join(' ')}”\n>\n> — ${speaker.name}`;
}

/** A small GFM table of yearly figures up to the article's year. */
function table(s: Story): string {
  const rows = [`| Year | ${pick(s.rng, METRICS)} | Change |`, '| --- | ---: | ---: |'];
  let previous = 0;
  for (let back = 2 + Math.floor(s.rng() * 3); back >= 0; back--) {
    const value = previous ? Math.round(previous * (0.85 + s.rng() * 0.35)) : 200 + Math.floor(s.rng() * 20000);
    const percent = previous ? Math.round((value / previous - 1) * 1000) / 10 : 0;
    const change = previous ? `${percent > 0 ? '+' : ''}${percent.toFixed(1)}%` : '—';
    rows.push(`| ${s.year - back} | ${withCommas(value)} | ${change} |`);
    previous = value;
  }
  return rows.join('\n');
}

const joinNames = (names: string[]): string =>
  names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/** The Markdown body: paragraphs up to the word target, with whatever quote, table, links and subheadings it drew. */
function body(story: Story, target: number): string {
  const { rng } = story;
  const linkCount = rng() < 0.5 ? 1 + Math.floor(rng() * 2) : 0;
  const links = Array.from({ length: linkCount }, () => rng() * 0.8 * target).sort((a, b) => a - b);
  const d: Draft = { story, blocks: [], words: 0, target, links };
  let quoteAt = rng() < 0.3 ? target * (0.2 + rng() * 0.5) : Infinity;
  let tableAt = rng() < 0.1 ? target * (0.2 + rng() * 0.5) : Infinity;
  let sinceHeading = 0;
  for (let text = paragraph(d); text; text = paragraph(d)) {
    add(d, text);
    sinceHeading++;
    if (d.words >= quoteAt && add(d, quote(story))) quoteAt = Infinity;
    if (d.words >= tableAt && add(d, table(story))) tableAt = Infinity;
    // Only long articles get subheadings, and never so close to the end that one would close the article.
    const headingDue = target >= 1500 && sinceHeading >= 5 && d.words + 300 < target;
    if (headingDue && add(d, `## ${render(pick(rng, HEADINGS), story)}`)) sinceHeading = 0;
  }
  const unnamed = story.people.slice(story.turn).map((p) => p.name);
  if (unnamed.length > 0)
    d.blocks.push(`Others named in connection with the ${pick(rng, NOUNS)} include ${joinNames(unnamed)}.`);
  return `${d.blocks.join('\n\n')}\n`;
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2001, 0, 1) / DAY_MS;
const DAYS = Date.UTC(2025, 11, 31) / DAY_MS - FIRST_DAY + 1;
const isoDay = (day: number): string => new Date((FIRST_DAY + day) * DAY_MS).toISOString().slice(0, 10);

/** What every article draws on: the generator, the people by rank, each source's reporters, the paths used. */
interface World {
  rng: Rng;
  people: Person[];
  staff: string[][];
  drawPerson: (rng: Rng) => number;
  paths: Set<string>;
}

/** A slug from the headline, numbered when the month folder already has it. */
function uniqueSlug(taken: Set<string>, folder: string, title: string): string {
  const base = slugify(title).split('-').slice(0, 8).join('-');
  let slug = base;
  for (let n = 2; taken.has(`${folder}/${slug}`); n++) slug = `${base}-${n}`;
  taken.add(`${folder}/${slug}`);
  return slug;
}

/** No byline for about a fifth of articles, otherwise one or two of the source's reporters. */
function byline(rng: Rng, staff: string[]): string[] {
  const r = rng();
  return r < 0.2 ? [] : distinct(r < 0.75 ? 1 : 2, () => pick(rng, staff));
}

/** One article: its month folder (YYYY/MM), its slug, and the whole file. */
function makeArticle(w: World): { folder: string; slug: string; text: string } {
  const { rng } = w;
  const day = Math.floor(rng() * DAYS);
  const published = isoDay(day);
  const sourceIndex = Math.floor(rng() * SOURCES.length);
  const named = Math.min(w.people.length, 2 + Math.floor(rng() ** 2 * 9));
  const people = distinct(named, () => w.drawPerson(rng)).map((i) => w.people[i]!);
  const topics = distinct(1 + Math.floor(rng() * 4), () => pick(rng, TOPICS));
  const story: Story = { rng, people, topics, year: Number(published.slice(0, 4)), turn: 0 };
  const title = render(pick(rng, TITLES), story);
  const folder = published.slice(0, 7).replace('-', '/');
  const slug = uniqueSlug(w.paths, folder, title);
  const authors = byline(rng, w.staff[sourceIndex]!);
  const yaml = [
    `title: ${yamlText(title)}`,
    `dek: ${yamlText(render(pick(rng, DEKS), story))}`,
    `source: ${SOURCES[sourceIndex]!.id}`,
    `url: https://${SOURCES[sourceIndex]!.domain}/${published.replace(/-/g, '/')}/${slug}`,
    `published: ${published}`,
    // Often captured within days, sometimes years later, never after the archive's last day.
    `captured: ${isoDay(day + Math.floor(rng() ** 3 * (DAYS - day)))}`,
    authors.length ? `authors:\n${authors.map((a) => `  - ${yamlText(a)}`).join('\n')}` : 'authors: []',
    `people:\n${people.map((p) => `  - ${p.id}`).join('\n')}`,
    `topics:\n${topics.map((t) => `  - ${yamlText(t)}`).join('\n')}`,
    'language: en',
  ];
  // Log-normal with a median of 700 words; the clamp keeps the tail at 5,000.
  const target = Math.round(Math.min(5000, Math.max(150, Math.exp(Math.log(700) + 0.6 * gaussian(rng)))));
  return { folder, slug, text: `---\n${yaml.join('\n')}\n---\n\n${body(story, target)}` };
}

/** Writes files with at most `limit` in flight and counts the bytes. */
function fileWriter(limit: number) {
  const slots: Promise<void>[] = [];
  let next = 0;
  let bytes = 0;
  return {
    async write(file: string, text: string): Promise<void> {
      const data = Buffer.from(text);
      bytes += data.length;
      const i = next++ % limit;
      await slots[i];
      const pending = writeFile(file, data);
      // A failure surfaces when its slot is next awaited; this only keeps it from counting as unhandled meanwhile.
      pending.catch(() => {});
      slots[i] = pending;
    },
    async finish(): Promise<number> {
      await Promise.all(slots);
      return bytes;
    },
  };
}

/** The file in a benchmark's corpus folder saying what it was made from; a dot file, which no collection and no check reads. */
const MADE_FROM = '.bench-corpus.json';

/**
 * Makes sure `dir` holds the corpus `opts` describe, for the benchmarks that reuse a corpus
 * between runs (`npm run bench`, `npm run bench:hugo`): writes it (writeCorpus) when the folder
 * has no articles, then records `opts` in the folder's MADE_FROM, last, so a run stopped while
 * writing leaves no record; reuses it when the record says it was made from the same articles,
 * people and seed.
 * @throws Error naming the folder, what it was made from and what was asked, and the fix (remove
 * the folder or give another --dir), when it holds another corpus or one with no record (a run
 * stopped while writing it, or a corpus written without one).
 */
export async function corpusFor(dir: string, opts: CorpusOptions): Promise<void> {
  const record = path.join(dir, MADE_FROM);
  const asked = `${opts.articles} articles, ${opts.people} people, seed ${opts.seed}`;
  if (!existsSync(path.join(dir, 'articles'))) {
    await writeCorpus(dir, opts);
    await writeFile(record, `${JSON.stringify(opts)}\n`);
    return;
  }
  const made = existsSync(record) ? (JSON.parse(await readFile(record, 'utf8')) as CorpusOptions) : null;
  if (made && made.articles === opts.articles && made.people === opts.people && made.seed === opts.seed) return;
  const held = made
    ? `a corpus of ${made.articles} articles, ${made.people} people, seed ${made.seed}`
    : `a corpus with no ${MADE_FROM} saying what it was made from (a run stopped while writing it, or one written before the record)`;
  throw new Error(
    `${dir} holds ${held}, not the ${asked} asked for: remove that folder, or give another --dir, and run this again.`,
  );
}

/** Writes a synthetic content folder (sources/, people/, articles/YYYY/MM/) into `dir`; the seed fixes every byte. */
export async function writeCorpus(dir: string, opts: CorpusOptions): Promise<CorpusSummary> {
  if (opts.people < 2) throw new Error('a corpus needs at least 2 people: every article names two or more');
  const rng = mulberry32(opts.seed);
  const people = makePeople(rng, opts.people);
  const staff = SOURCES.map(() => distinct(8, () => `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`));
  const world: World = { rng, people, staff, drawPerson: zipf(people.length, 1.1), paths: new Set() };
  const out = fileWriter(64);
  for (const sub of ['sources', 'people', 'articles']) await mkdir(path.join(dir, sub), { recursive: true });
  for (const s of SOURCES)
    await out.write(path.join(dir, 'sources', `${s.id}.yaml`), `name: ${s.name}\nhomepage: https://${s.domain}/\n`);
  for (const p of people) await out.write(path.join(dir, 'people', `${p.id}.yaml`), personYaml(p));
  const months = new Set<string>();
  for (let i = 0; i < opts.articles; i++) {
    const article = makeArticle(world);
    const folder = path.join(dir, 'articles', article.folder);
    if (!months.has(folder)) {
      months.add(folder);
      await mkdir(folder, { recursive: true });
    }
    await out.write(path.join(folder, `${article.slug}.md`), article.text);
  }
  const bytes = await out.finish();
  return { articles: opts.articles, people: people.length, sources: SOURCES.length, topics: TOPICS.length, bytes };
}

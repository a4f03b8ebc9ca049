import { describe, expect, test } from 'vitest';
import { BLOCK_RULES, INLINE_RULES } from '../../src/import/clean/rules.ts';
import { parseHtmlFragment, treeToMarkdown } from '../../src/import/markdown.ts';

// Every cleaning rule with a real-looking before and after: the boilerplate goes, the article stays.

const ctx = {
  title: 'Harbor board delays vote',
  dek: 'The board wants a traffic study first.',
  siteName: 'Port Hollis Ledger',
};
const KEEP = '<p>The board will meet again on Nov. 16, the chair said.</p>';

/** Markdown of an HTML fragment after cleaning, and the rules that fired. */
function clean(html: string) {
  const { markdown, report } = treeToMarkdown(parseHtmlFragment(html), ctx, 'https://ledger.example/news/x');
  return { markdown: markdown.trim(), rules: [...new Set(report.removed.map((r) => r.rule))], credits: report.credits };
}

const CASES: [rule: string, before: string, after: string][] = [
  [
    'duplicated-headline',
    '<h1>Harbor board delays vote</h1>' + KEEP,
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'duplicated-dek',
    '<p>The board wants a traffic study first.</p>' + KEEP,
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'ad-marker',
    KEEP +
      '<div><p>ADVERTISEMENT</p></div><p>Story continues below advertisement</p><p>Advertisement</p><p>Continue reading the main story</p>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'photo-credit',
    '<p>© Getty</p>' + KEEP + '<p>Photo: Ben Birchall/PA</p>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'newsletter-prompt',
    KEEP +
      '<p>Sign up for our free Morning Briefing newsletter and get the news in your inbox.</p><p>Already a subscriber? Log in</p>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'share-buttons',
    '<ul><li>Share</li><li>Tweet</li><li>Email</li></ul><p>Share on Facebook | Share on Twitter | Copy link</p>' + KEEP,
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'read-more-teaser',
    KEEP +
      '<p><strong>Read more:</strong> <a href="/2021/09/x">Cruise lines return to Port Hollis</a></p><p>RELATED: Ferry service to resume</p>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'related-links-section',
    KEEP +
      '<h2>More on this story</h2><ul><li><a href="/a">How will the strikes affect me?</a></li><li><a href="/b">Union announces action</a></li></ul>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'print-edition-note',
    KEEP +
      '<p>A version of this article appears in print on June 9, 2023, Section A, Page 18 of the New York edition.</p>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'comments-and-cookies',
    '<p>This website uses cookies. By continuing to browse you agree to our cookie policy.</p>' +
      KEEP +
      '<p>312 Comments</p>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'byline-line',
    '<p>By Maria Lopez and Tom Green | Staff Writers</p><p>BY JORDAIN CARNEY - 03/14/19 11:41 PM EDT</p>' + KEEP,
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'social-and-app-prompt',
    KEEP +
      '<p><em>Follow Sierra Daily on Facebook and Instagram for updates.</em></p><p>Get breaking news on your phone: download our free app.</p>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'publication-line',
    '<div>Rachel Kim · Published July 16, 2024 5:30 a.m. · Updated 9:12 a.m.</div>' + KEEP,
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'site-name',
    '<p><a href="/">Port Hollis Ledger</a></p>' + KEEP,
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'glued-related-links',
    "<p>A union slammed Attorney General Jeff SessionsJefferson (Jeff) Beauregard SessionsPress: Acosta, latest to walk the plank The Hill's Morning Report — Trump retreats on census citizenship question MORE for comments he made.</p>",
    'A union slammed Attorney General Jeff Sessions for comments he made.',
  ],
  [
    'reader-comments',
    KEEP +
      '<section><h2>What readers said</h2><div><div>Alex from the east side</div><p>This decision feels short-sighted, and I will be writing to my councillor about it this week.</p></div><div><div>Bo</div><p>Agreed.</p></div></section>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'paywall-prompt',
    KEEP +
      '<div><h3>This article is for subscribers</h3><p>Subscribe for full access to the Ledger. Already a subscriber? Log in.</p></div><p>Dieser Artikel ist nur für Abonnenten verfügbar.</p>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'ad-tracking-line',
    KEEP + '<p>Campaign ID: 4821 | Creative: 99812 | Page: /news/harbor | Position: inline-2</p>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'meter-notice',
    '<p>You have 2 free articles left this month. Subscribe now for unlimited access.</p>' + KEEP,
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'date-line',
    '<p>December 31, 2022, 8:05 p.m. EST</p>' + KEEP,
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'lone-label',
    '<p>Photo</p>' + KEEP + '<p>Credit</p><p>Foto:</p>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'teaser-card',
    KEEP +
      '<div><a href="/2023/ferry"><img src="/img/ferry.jpg" alt="The ferry" width="400" height="300"><span>Ferry fares to rise in spring</span></a></div>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'meta-line',
    '<p>Updated 10:32 AM EDT, Thu June 6, 2024</p><p>4 min read · 1,208 views</p>' + KEEP,
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'site-chrome',
    '<p><a href="#content">Skip to content</a></p><p>Log in | Register</p><p>Home › Local › Harbor</p>' + KEEP,
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'link-bar',
    '<p>' +
      KEEP.slice(3, -4) +
      '</p><p><a href="/">Home</a> | <a href="/news/">News</a> | <a href="/sports/">Sports</a> | <a href="/email.html">E-mail this story</a></p>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'breadcrumb-list',
    '<ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li><li><a href="/local/harbor">Harbor</a></li></ul>' +
      KEEP,
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'gallery-counter',
    KEEP + '<p>Photo 4 of 12</p><p>View gallery (12 photos)</p>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'tag-list',
    KEEP + '<p>Topics: Harbor, Port Hollis, Budget</p>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'comment-policy',
    KEEP +
      '<p>We welcome respectful comments. Please read our community guidelines before posting.</p><p>Commenting has been disabled for this article.</p>',
    'The board will meet again on Nov. 16, the chair said.',
  ],
  [
    'glued-credit',
    '<p>Crews unload the first shipment at the new terminalPhotograph: Lee Park</p>',
    'Crews unload the first shipment at the new terminal',
  ],
  [
    'dashed-credit',
    '<figure><img src="/a.jpg" alt="Terminal" width="800" height="600"><figcaption>Crews unload the first shipment — Photo: Lee Park/Ledger</figcaption></figure>',
    '<figure><img src="https://ledger.example/a.jpg" alt="Terminal" width="800" height="600"><figcaption>Crews unload the first shipment</figcaption></figure>',
  ],
  [
    'gallery-counter-prefix',
    '<p>Slide 2 of 7: Crews unload the first shipment at the new terminal.</p>',
    'Crews unload the first shipment at the new terminal.',
  ],
];

describe('each cleaning rule', () => {
  test('every rule in rules.ts has a case here', () => {
    expect(new Set(CASES.map((c) => c[0]))).toEqual(new Set([...BLOCK_RULES, ...INLINE_RULES].map((r) => r.name)));
  });

  test.each(CASES)('%s', (rule, before, after) => {
    const result = clean(before);
    expect(result.markdown).toBe(after);
    expect(result.rules).toEqual([rule]);
  });
});

describe('what the rules leave alone', () => {
  test.each([
    ['a sentence starting with "By"', '<p>By Tuesday, the board had voted to approve the plan.</p>'],
    ['a sentence starting with "By", a comma and a job', '<p>By Monday, staff writers had left the newsroom.</p>'],
    ['results set apart by bars', '<p>Lions 3 | Tigers 2 | Bears 1 | Wolves 0</p>'],
    ['a sentence that mentions advertisements', '<p>Advertisement revenue fell by a third, the company said.</p>'],
    [
      'a quote about newsletters inside a long paragraph',
      `<p>${'The mayor said residents could sign up for the city newsletter to follow the project, which will take years. '.repeat(3)}</p>`,
    ],
    [
      'a sentence that mentions when a report was published',
      '<p>The report, published July 16, 2024, found that 40 percent of the town’s homes lacked defensible space, and officials said they would act on its recommendations before next summer.</p>',
    ],
    ['a real name with a capital inside it', '<p>Sen. Mitch McConnell said MORE money was needed.</p>'],
    [
      'a sentence about subscribers',
      '<p>This article is for subscribers who asked how the new fees work, the editor said in a note on Monday.</p>',
    ],
    [
      'a sentence with a colon and the word page',
      '<p>Page: the council’s agenda runs to 40 pages, and the position: the chair wants a vote on the campaign before May.</p>',
    ],
    ['a photo caption that is a sentence', '<p>Photo of the harbor taken from the ferry on Sunday morning.</p>'],
    ['a title-case subheading starting with "By The"', '<h3>By The Numbers</h3>'],
    ['a short sentence that starts with a date', '<p>9 April 2024 was the wettest day on record.</p>'],
    ['an Italian sentence starting with a surname', '<p>Di Maio ha detto che il porto riaprirà a maggio.</p>'],
    ['a Spanish sentence starting with "Por"', '<p>Por la tarde, el consejo aprobó el plan del puerto.</p>'],
    [
      'a sentence ending with the site name',
      '<p>The figures were first reported last week, the editor of the Port Hollis Ledger said.</p>',
    ],
  ])('%s', (_name, html) => {
    expect(clean(html).rules).toEqual([]);
  });

  test.each([
    [
      'a paragraph that starts with an ISO date and goes on',
      '<p>2026-10-27 was the day the council finally voted.</p>',
    ],
    [
      'a paragraph that starts with a numeric date and goes on',
      '<p>10/27/2026: the council votes on the bridge tonight.</p>',
    ],
    ['a dotted date that goes on', '<p>27.10.2026 – Der Rat stimmt heute über die Brücke ab.</p>'],
    ['numbers that are no date', '<p>13/13/2026</p>'],
    [
      'a loose sentence with a date in it, beside a paragraph',
      '<div>The council met on <time datetime="2026-10-27">2026-10-27</time> to vote.<p>The board will meet again on Nov. 16, the chair said.</p></div>',
    ],
  ])('date-line leaves alone %s', (_name, html) => {
    expect(clean(html).rules).toEqual([]);
  });

  test('a subheading "Reactions" in the story is not a comment section', () => {
    expect(clean('<h2>Reactions</h2>' + KEEP).markdown).toBe(
      '## Reactions\n\nThe board will meet again on Nov. 16, the chair said.',
    );
  });

  test('a "Comments" label that is not a heading removes only itself, not what follows', () => {
    expect(clean('<div><p>Comments</p>' + KEEP + '</div>').markdown).toBe(
      'The board will meet again on Nov. 16, the chair said.',
    );
  });

  test('the photo credit is kept as the image credit', () => {
    expect(clean('<p>© Getty</p>' + KEEP).credits).toEqual(['© Getty']);
  });

  test('links relative to the original page are made absolute', () => {
    expect(clean('<p>See <a href="/people/x">the profile</a>.</p>').markdown).toBe(
      'See [the profile](https://ledger.example/people/x).',
    );
  });

  test('figures keep image, alt text, caption and credit; tables keep their caption', () => {
    const { markdown } = clean(
      '<figure><img src="/img/a.jpg" alt="A closed clinic"><figcaption>The clinic. <span>Photo: Erik Sand</span></figcaption></figure><table><caption>Doctors</caption><tr><th>Year</th><th>Count</th></tr><tr><td>2010</td><td>611</td></tr></table>',
    );
    expect(markdown).toContain(
      '<figure><img src="https://ledger.example/img/a.jpg" alt="A closed clinic"><figcaption>The clinic. <span>Photo: Erik Sand</span></figcaption></figure>',
    );
    expect(markdown).toMatch(/Doctors\n\n\| Year \| Count \|/);
  });
});

describe('boilerplate in the languages the importer reads', () => {
  test.each([
    ['byline-line', '<p>di Giulia Bernardi</p>'],
    ['byline-line', '<p>Por Ana Beatriz Souza 25 de outubro de 2023</p>'],
    ['byline-line', '<p>Por Xoán Pereira y Marta Iglesias, 17 de julio de 2022</p>'],
    ['byline-line', '<p>Door Sanne de Vries · 7 juni 2023</p>'],
    ['byline-line', '<p>Von Katrin Hoffmann | 11. Mai 2023</p>'],
    ['read-more-teaser', '<p><strong>Lire aussi :</strong> <a href="/x">Le port rouvre</a></p>'],
    ['read-more-teaser', '<p><strong>Lee también:</strong> <a href="/x">El puerto reabre</a></p>'],
    ['ad-marker', '<p>Publicidade</p>'],
    ['paywall-prompt', '<p>Abbonati per continuare a leggere. Sei già abbonato? Accedi.</p>'],
    ['site-name', '<p>Economics correspondent, Port Hollis Ledger</p>'],
    ['date-line', '<p>9 de abril de 2024</p>'],
    [
      'related-links-section',
      '<h3>More News from Port Hollis Ledger</h3><ul><li><a href="/a">Ferry fares rise</a></li></ul>',
    ],
    ['related-links-section', '<h2>Mehr zum Thema</h2><ul><li><a href="/a">Hafen: Abstimmung vertagt</a></li></ul>'],
    ['share-buttons', '<ul><li>Facebook</li><li>Instagram</li><li>WhatsApp</li><li>Teilen</li></ul>'],
    ['date-line', '<p>Tuesday, December 31, 2022, 8:05 p.m. EST</p>'],
    ['date-line', '<p>11. Mai 2023 um 17:40 Uhr</p>'],
    ['date-line', '<p>2026-10-27</p>'],
    ['date-line', '<p>2026-10-27T21:40:00-04:00</p>'],
    ['date-line', '<p>27.10.2026</p>'],
    ['date-line', '<p>10/27/2026</p>'],
    ['date-line', '<p>2026/10/27</p>'],
    ['date-line', '<p>27-10-2026 21:40</p>'],
    ['date-line', '<p>27.10.2026 / 21:40</p>'],
    // A date the page prints next to the headline in a bare <time>, outside any paragraph.
    ['date-line', '<time datetime="2026-10-27T21:40:00-04:00">2026-10-27</time>'],
    ['date-line', '<time datetime="2026-10-27">Oct. 27, 2026</time>'],
  ])('%s: %s', (rule, html) => {
    const result = clean(html + KEEP);
    expect(result.rules).toEqual([rule]);
    expect(result.markdown).toBe('The board will meet again on Nov. 16, the chair said.');
  });
});

describe('valid, accessible HTML under the article page', () => {
  test('headings are re-levelled under the page title without gaps', () => {
    expect(clean('<h4>Why now</h4>' + KEEP + '<h6>Costs</h6><p>More.</p>').markdown).toBe(
      '## Why now\n\nThe board will meet again on Nov. 16, the chair said.\n\n### Costs\n\nMore.',
    );
  });

  test('microdata, ids, classes and obsolete attributes are dropped', () => {
    const { markdown } = clean(
      '<figure itemprop="image" itemscope itemtype="https://schema.org/ImageObject" class="x" align="center"><img src="/a.jpg" alt="A pier" itemprop="url" border="0"><figcaption itemprop="caption">The pier.</figcaption></figure>',
    );
    expect(markdown).toBe(
      '<figure><img src="https://ledger.example/a.jpg" alt="A pier"><figcaption>The pier.</figcaption></figure>',
    );
  });

  test('a link around only an image, a link inside a link, and an empty link give way to their content', () => {
    const { markdown } = clean(
      '<figure><a href="/big.jpg"><img src="/a.jpg" alt="A pier"></a><figcaption>The pier.</figcaption></figure><p><a href="/x">Outer <a href="/y">inner</a> text</a> and <a href="/z"> </a>more.</p>',
    );
    expect(markdown).toContain('<figure><img src="https://ledger.example/a.jpg" alt="A pier"><figcaption>');
    expect(markdown).not.toContain('big.jpg');
    expect(markdown).not.toContain('/z');
    expect(markdown).not.toMatch(/\[[^\]]*\[/);
  });

  test('decorative images go; a real image with a short alt stays', () => {
    const { markdown, rules } = clean(
      '<p>One.</p><img src="/img/line.gif" alt="line"><img src="/x/photo.jpg" width="600" height="1" alt=""><figure><img src="/x/pier.jpg" alt="Pier"><figcaption>Pier.</figcaption></figure>',
    );
    expect(rules).toContain('decorative-image');
    expect(markdown).not.toMatch(/line\.gif|photo\.jpg/);
    expect(markdown).toContain('pier.jpg');
  });

  test('a figure whose image has no usable address keeps its caption as text', () => {
    expect(
      clean(
        '<figure><img src="data:image/gif;base64,R0lGOD" alt=""><figcaption>The pier at dawn.</figcaption></figure>',
      ).markdown,
    ).toBe('The pier at dawn.');
  });
});

import { describe, expect, test } from 'vitest';
import { isMetaLine } from '../../src/import/clean/meta-line.ts';
import { clean, P, STORY } from '../helpers/clean-fragment.ts';

// The kinds of boilerplate real news pages leave inside the article's container, each in several
// phrasings and languages written apart from the labelled pages (so a rule that only knows the
// labelled pages' strings fails here), and the story's own sentences that mention the same words.

/** Each boilerplate block, put after a story paragraph, leaves only the story paragraph. */
const goes = (cases: string[]) =>
  test.each(cases)('%s', (html) => {
    const result = clean(P + html);
    expect(result.markdown).toBe(STORY);
  });

describe('related and teaser links', () => {
  goes([
    '<p><strong>DON’T MISS</strong></p><p><a href="/a">Ferry fares to rise in spring</a></p><p><a href="/b">Pier repairs finished early</a></p>',
    '<h3>Must read</h3><ul><li><a href="/a">Ferry fares to rise</a></li></ul>',
    '<h2>Trending now</h2><ul><li><a href="/a">Ferry fares to rise</a></li><li><a href="/b">Pier repairs</a></li></ul>',
    '<h2>Les plus lus</h2><ul><li><a href="/a">Le port rouvre</a></li></ul>',
    '<h3>Das könnte Sie auch interessieren</h3><ul><li><a href="/a">Hafen öffnet wieder</a></li></ul>',
    '<h3>Lo más leído</h3><ol><li><a href="/a">El puerto reabre</a></li></ol>',
    '<p>MORE: <a href="/a">Ferry fares to rise in spring</a></p>',
    '<p>Related story <a href="/a">Pier repairs finished ahead of schedule</a></p>',
    '<p>À lire également <a href="/a">Le port rouvre après trois mois de travaux</a></p>',
    '<p>Auch interessant: <a href="/a">Hafen öffnet nach drei Monaten wieder</a></p>',
    '<p>Te recomendamos <a href="/a">El puerto reabre tras tres meses de obras</a></p>',
    '<aside><a href="/a"><img src="/t.jpg" alt="Pier" width="300" height="200"><h4>Pier repairs finished ahead of schedule</h4></a></aside>',
    '<div><a href="/a"><img src="/t.jpg" alt="Pier" width="300" height="200"></a><div><span>Related article</span> <a href="/a">Pier repairs finished</a></div></div>',
  ]);

  test('a paragraph of the story that is a link, or an embedded post, stays', () => {
    const linked =
      '<p><a href="/court">On Friday the three men, all of Wordsworth Avenue, denied the charge of murder.</a></p>';
    expect(clean(P + linked).rules).toEqual([]);
    const card =
      '<div><a href="https://social.example/p/1"><img src="/avatar.jpg" alt="Dev Patel" width="48" height="48"><div>Mayor Ortiz has given this city eight years of hard work.</div></a></div>';
    expect(clean(P + card).rules).toEqual([]);
  });

  test('an image and a caption linking to different places are a figure, not a teaser', () => {
    const figure =
      '<div><a href="/file/map.png"><img src="/map.png" alt="Map" width="400" height="300"></a><div><a href="/wiki/Atlas">Atlas of New Zealand</a></div></div>';
    expect(clean(P + figure).rules).not.toContain('teaser-card');
  });
});

describe('date and time lines the plain date rule misses', () => {
  test.each([
    'Updated 10:32 AM EDT, Thu June 6, 2024',
    'Published 3:45 PM ET Mon, March 4, 2024',
    'First published on Thu 6 Jun 2024 10.32 BST',
    'June 6, 2024 / 10:32 AM / Updated 2 hours ago',
    'Posted: Jan 5, 2024 / 08:35 PM CST',
    '2024-03-04 14:30:05 UTC+01:00',
    'Last updated: 12 minutes ago',
    'Publié le 04/03/2024 à 14h30, mis à jour le 04/03/2024 à 15h12',
    'Mis à jour il y a 5 minutes',
    'Stand: 04.03.2024, 14:30 Uhr',
    'Aktualisiert am 4. März 2024 um 9:15 Uhr',
    'vor 3 Stunden',
    'Actualizado 04/03/2024 - 14:30 CET',
    'Publicado el 4 de marzo de 2024 a las 14:30',
    'hace 45 minutos',
    'Updated 10:32 AM EDT',
    'Yesterday at 10:32 PM',
    'Hier à 14h30',
    'Gestern, 09:15 Uhr',
    'Aggiornato il 4 marzo 2024 alle 14:30',
    'Atualizado em 04/03/2024 às 14h30',
    'Bijgewerkt op 4 maart 2024, 14:30',
    'Jane Doe | June 6, 2024 | 4 min read',
    'Reuters · Updated 2 hours ago',
    'PUBLISHED: 10:32 EDT, 6 June 2024 | UPDATED: 11:05 EDT, 6 June 2024',
    'Posted by Jane Doe on June 6, 2024 at 10:32 am',
    'Von Anna Berger | 6. Juni 2024, 10:32 Uhr | Lesezeit: 3 Min.',
    'Updated an hour ago',
    'il y a une heure',
    'vor einem Tag',
  ])('%s', (line) => {
    expect(isMetaLine(line)).toBe(true);
    expect(clean(P + `<p>${line}</p>`).markdown).toBe(STORY);
  });

  test.each([
    '5 min read',
    '12 minute read',
    'Temps de lecture : 6 min',
    'Lesezeit: 7 Min.',
    'Tiempo de lectura: 4 minutos',
  ])('reading time: %s', (line) => {
    expect(isMetaLine(line)).toBe(true);
  });

  test.each([
    'The council met at 10:32 AM on Thursday, June 6, 2024, to vote.',
    'June 6, 2024 was the wettest day on record.',
    'Updated figures show 2 hours of delays on Monday, March 4.',
    'Vor 3 Jahren wurde der Hafen geschlossen.',
    'Hace 45 minutos que el puerto está cerrado.',
    '09:30',
    'Harbour Board | Port Hollis | Ferry',
    'A day ago the harbour was still closed.',
    'Posted by Jane Doe on June 6, 2024, the letter reached the council a week later.',
  ])('a sentence or a live-blog time stays: %s', (line) => {
    expect(isMetaLine(line)).toBe(false);
  });
});

describe('newsletter, app and share prompts', () => {
  goes([
    '<p>Want the news before breakfast? Sign up for the Ledger Daily newsletter.</p>',
    '<p>Stay informed: get our breaking-news alerts by email.</p>',
    '<p>By signing up you agree to our Privacy Policy and Terms of Use.</p>',
    '<p>Abonnez-vous à la lettre d’information du Ledger pour tout savoir chaque soir.</p>',
    '<p>Jetzt kostenlos anmelden und den Hafen-Newsletter jeden Freitag per E-Mail erhalten.</p>',
    '<p>Apúntate a nuestro boletín semanal sobre el puerto.</p>',
    '<p>Get the Ledger app for live updates from the harbour.</p>',
    '<p>Téléchargez l’application du Ledger pour être alerté.</p>',
    '<p>Descarga la aplicación y recibe las alertas.</p>',
    '<p>Click to share on WhatsApp (Opens in new window)</p>',
    '<p>Partagez cet article avec vos proches</p>',
    '<p>Folgen Sie uns auf Instagram</p>',
    '<p>Síguenos en X y en Facebook</p>',
    '<h3>Newsletter</h3>',
    '<p>CLICK HERE TO GET THE LEDGER APP</p>',
    '<p>Get the latest harbour news on the go with the Ledger app.</p>',
    '<p>Share this:</p>',
    '<p>Already have an account? Sign in</p>',
    '<p>Email address:</p>',
  ]);
});

describe('site chrome', () => {
  goes([
    '<p><a href="#main">Skip to main content</a></p>',
    '<p><a href="#c">Zum Inhalt springen</a></p>',
    '<p><a href="#c">Ir al contenido principal</a></p>',
    '<p><a href="/login">Sign in</a> <a href="/register">Create an account</a></p>',
    '<p>Se connecter | Mon compte</p>',
    '<p>Anmelden · Mein Konto</p>',
    '<p>Home / News / Harbour</p>',
    '<p>Accueil › Économie › Port</p>',
    '<p>Wirtschaft » Hafen » Fähren</p>',
    '<ol><li><a href="/">Startseite</a></li><li><a href="/region">Region</a></li></ol>',
    '<p><img src="/print-logo.png" alt="Port Hollis Ledger" width="300" height="60"> https://www.ledger.example/</p>',
    '<p>Port Hollis Ledger www.ledger.example</p>',
    '<p>18,204 views</p>',
    '<p>Gelesen 2.311 Mal</p>',
    '<p>4 512 lectures</p>',
    '<p>Print this article</p>',
    '<p>Text size</p>',
  ]);

  test('a reference given as a full address, or a sentence naming a site, stays', () => {
    expect(clean(P + '<p>https://docs.example.org/api/inspector.html</p>').rules).toEqual([]);
    expect(clean(P + '<p>Details of the plan are at www.harbour.example, the board said.</p>').rules).toEqual([]);
    expect(clean(P + '<p>Home prices in the harbour district rose by 4 percent.</p>').rules).toEqual([]);
  });
});

describe('gallery counters', () => {
  goes([
    '<p>1 of 9</p>',
    '<p>Image 3 / 12</p>',
    '<p>Bild 2 von 5</p>',
    '<p>Imagen 4 de 8</p>',
    '<p>Voir la galerie (14 photos)</p>',
  ]);

  test('a counter at the start of a caption is cut, the caption kept', () => {
    expect(clean('<p>Image 2 of 9 The new pier at low tide.</p>').markdown).toBe('The new pier at low tide.');
    expect(clean('<p>Bild 3 von 9: Der neue Steg bei Ebbe.</p>').markdown).toBe('Der neue Steg bei Ebbe.');
  });

  test('a sentence with a count in it stays', () => {
    expect(clean('<p>Photo 3 of the series shows the pier at low tide.</p>').rules).toEqual([]);
    expect(clean('<p>1 of 9 councillors voted against the plan.</p>').rules).toEqual([]);
  });
});

describe('tag lists and comment-policy notices', () => {
  goes([
    '<p>Filed under: Harbour, Port Hollis, Local government</p>',
    '<p>Tagged <a href="/t/1">Harbour</a> <a href="/t/2">Budget</a></p>',
    '<h3>Tags</h3><ul><li><a href="/t/1">Harbour</a></li><li><a href="/t/2">Budget</a></li></ul>',
    '<p>Mots-clés : port, budget, conseil</p>',
    '<p>Themen: Hafen, Haushalt</p>',
    '<p>Temas: puerto, presupuesto</p>',
    '<p>Comments on this story are moderated according to our Submission Terms.</p>',
    '<p>Comments have been turned off for this story.</p>',
    '<p>You must be logged in to post a comment.</p>',
    '<p>Comments are welcome while open. We reserve the right to close comments at any time.</p>',
    '<p>Les réactions sont modérées a priori.</p>',
    '<p>Die Kommentarfunktion wurde für diesen Artikel geschlossen.</p>',
    '<p>Los comentarios son moderados y deben respetar las normas de la comunidad.</p>',
  ]);

  test.each([
    'Comments have been closed since March, and the council will decide in May.',
    'Comment moderation is costly, the publisher said, and two moderators were hired.',
    'Community guidelines were rewritten last year after the forum was hacked.',
    'Follow our rules, the harbour master told skippers at the meeting.',
    'Die Kommentarfunktion wurde 2019 eingeführt, sagte der Sprecher.',
    'Netiquette ist im Netz wichtiger denn je, sagt die Forscherin.',
    'We welcome comments from residents until May 1, the council said.',
    'Email addresses of 2,000 customers were leaked.',
    'Your email is safe with us, the bank told customers after the breach.',
  ])('a sentence of the story about comments or e-mail stays: %s', (sentence) => {
    expect(clean(`<p>${sentence}</p>`).rules).toEqual([]);
  });

  test('a sentence about topics or comments stays', () => {
    expect(clean('<p>Topics on the agenda included the harbour wall and the ferry contract.</p>').rules).toEqual([]);
    expect(clean('<p>Comments from residents were mostly in favour of the plan, the clerk said.</p>').rules).toEqual(
      [],
    );
  });
});

describe('ad labels between paragraphs', () => {
  goes([
    '<p>Continue Reading Below</p>',
    '<p>Article continues below advertisement</p>',
    '<p>ADVERTISEMENT - SCROLL TO CONTINUE READING</p>',
    '<p>Advertising</p>',
    '<p>Suite après la publicité</p>',
    '<p>Artikel wird unter der Anzeige fortgesetzt</p>',
    '<p>Sigue leyendo debajo del anuncio</p>',
  ]);

  test('a sentence about advertising stays', () => {
    expect(clean('<p>Continue reading below the waterline, the divers were told.</p>').rules).toEqual([]);
  });
});

describe('captions repeated under every image or glued to their credit', () => {
  test('the same caption under every image of a gallery is kept once', () => {
    const caption = 'Crews unload the first shipment at the new terminal on Monday.';
    const fig = (n: number) =>
      `<figure><img src="/g${n}.jpg" alt="Shipment ${n}" width="800" height="600"><figcaption>${caption}</figcaption></figure>`;
    const { markdown, rules } = clean(P + fig(1) + fig(2) + fig(3));
    expect(markdown.split(caption).length - 1).toBe(1);
    expect(rules).toEqual(['repeated-caption']);
  });

  test('a caption after a bare image, repeated after the next one, is kept once', () => {
    const caption = 'Crews unload the first shipment at the new terminal on Monday.';
    const html = `<p><img src="/g1.jpg" alt="Shipment" width="800" height="600"></p><p>${caption}</p>${P}<p><img src="/g2.jpg" alt="Shipment" width="800" height="600"></p><p>${caption}</p>`;
    expect(clean(html).markdown.split(caption).length - 1).toBe(1);
  });

  test('a short credit under each image stays under each', () => {
    const fig = (n: number) =>
      `<figure><img src="/g${n}.jpg" alt="Shipment ${n}" width="800" height="600"><figcaption>Photo: AP</figcaption></figure>`;
    expect(clean(fig(1) + fig(2)).rules).not.toContain('repeated-caption');
  });

  test.each([
    ['Doctors check a patient after treatmentCredit: EPA', 'Doctors check a patient after treatment', 'Credit: EPA'],
    ['Le port au petit matin.Crédit : AFP', 'Le port au petit matin.', 'Crédit : AFP'],
    ['Der Hafen am Morgen.Foto: dpa', 'Der Hafen am Morgen.', 'Foto: dpa'],
    ['El puerto al amanecerFoto: Ana Ruiz', 'El puerto al amanecer', 'Foto: Ana Ruiz'],
    [
      'Protesters outside the party headquarters.Ezra Acayan / Getty Images',
      'Protesters outside the party headquarters.',
      'Ezra Acayan / Getty Images',
    ],
    ['The harbour at dawn. CreditKevin Frayer/Getty Images', 'The harbour at dawn.', 'CreditKevin Frayer/Getty Images'],
  ])('a credit glued to its caption is cut and kept as the credit: %s', (caption, kept, credit) => {
    const result = clean(
      `<figure><img src="/a.jpg" alt="Harbour" width="800" height="600"><figcaption>${caption}</figcaption></figure>`,
    );
    expect(result.markdown).toContain(`<figcaption>${kept}</figcaption>`);
    expect(result.credits).toEqual([credit]);
  });

  test('a credit that is the whole caption, or a name with a slash in it, is left whole', () => {
    expect(
      clean(
        '<figure><img src="/a.jpg" alt="A" width="8" height="6"><figcaption>Mark Stout/iStock/Getty Images</figcaption></figure>',
      ).rules,
    ).toEqual([]);
  });
});

describe('article paragraphs that mention the same words survive', () => {
  test.each([
    'Sign-ups for the harbour newsletter doubled after the storm, the council said, and the app crashed twice.',
    'Share prices of the ferry operator fell by a fifth on Monday.',
    'The image of the flooded pier was shared more than 10,000 times on social media.',
    'Credit: the council gave the contractor until March to finish the wall.',
    'Readers who subscribe to the newsletter will get the full report on Friday.',
    'Follow-up inspections found no further damage, the engineer said.',
    'Download speeds at the terminal remain poor, passengers say.',
    'Get the app right first, the minister told developers, and the rest will follow.',
    'Share of the vote: 54 percent, up from 41.',
    'Tags on the crates showed they came from Rotterdam.',
    'Jetzt will die Stadt eine eigene App für die Fähren entwickeln.',
    'Hier wollen die Anwohner einen Newsletter gründen.',
    'La newsletter municipale annonçait déjà les travaux en mars.',
    'Recibe cada año más de 2.000 solicitudes, dijo el alcalde.',
    'Views from the new pier, the architect said, would be worth the wait.',
    'More than 200 people came to the meeting.',
    'Home owners near the harbour will be compensated.',
    'Latest figures show 4,000 passengers a day.',
    'Related to the strike, a second vote is planned.',
    'Continue reading the report, the chair told councillors, and you will see why.',
  ])('%s', (sentence) => {
    expect(clean(`<p>${sentence}</p>`).rules).toEqual([]);
  });

  test('a linked paragraph after a "Related" heading that is prose stops the run of links', () => {
    const html = `<h3>Related</h3><p><a href="/a">Ferry fares rise</a></p>${P}`;
    expect(clean(html).markdown).toBe(STORY);
  });
});

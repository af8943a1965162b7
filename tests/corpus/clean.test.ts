import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/corpus/clean.js';

const LONG_FR =
  "Du 1er au 6 février, les militaires de la force française Barkhane et l'armée malienne frappaient un grand coup dans le Liptako malien.";
const QUOTE_FR =
  '"En raison des multiples obstructions des autorités de transition maliennes, les conditions ne sont plus réunies", soulignent-ils dans une déclaration conjointe.';
const PARIS_FR =
  'Paris et ses partenaires souhaitent toutefois "rester engagés dans la région" sahélienne pour contenir la menace jihadiste.';

describe('cleanText', () => {
  it('normalises to NFC', () => {
    const decomposed = 'Frankrijk kondigde de operatie aan in de re\u0301gion van Me\u0301naka.';
    const out = cleanText(decomposed);
    expect(out).toBe(decomposed.normalize('NFC'));
    expect(out).toContain('région');
  });

  it('turns tabs and no-break spaces into single spaces and trims lines', () => {
    expect(cleanText('  Een\tzin  met\u00A0rare   spaties.  ')).toBe('Een zin met rare spaties.');
  });

  it('keeps paragraph breaks with at most one blank line between paragraphs', () => {
    expect(cleanText('Eerste alinea.\n\n\n\nTweede alinea.\r\nDerde alinea.')).toBe(
      'Eerste alinea.\n\nTweede alinea.\n\nDerde alinea.',
    );
  });

  it('keeps a repeated paragraph once (single-newline paragraphs, as in seed 004)', () => {
    const body = [LONG_FR, QUOTE_FR, PARIS_FR, QUOTE_FR, `${PARIS_FR}  `].join('\n');
    const out = cleanText(body);
    expect(out.split('\n\n')).toEqual([LONG_FR, QUOTE_FR, PARIS_FR]);
  });

  it('drops a "Similaires" block of link titles and "-" separators up to the first real paragraph', () => {
    const body = [
      'Similaires',
      '-',
      'Mali: les Russes arrivent à Ménaka, comment vont-ils combattre?',
      '-',
      "Mali: Le gouvernement annonce la mise en échec d'une tentative de coup d’État dans la nuit du 11 au 12 mai (communiqué)",
      '-',
      'Le Mali se retire du G5 Sahel',
      LONG_FR,
      PARIS_FR,
    ].join('\n');
    expect(cleanText(body)).toBe(`${LONG_FR}\n\n${PARIS_FR}`);
  });

  it.each(['LEES OOK', 'Lees ook:', 'Lire aussi', 'À lire aussi', 'Read more', 'Related'])(
    'drops a related-links block headed by "%s"',
    (heading) => {
      const body = `${LONG_FR}\n\n${heading}\nEen kort linktitel\nNog een titel?\n\n${PARIS_FR}`;
      expect(cleanText(body)).toBe(`${LONG_FR}\n\n${PARIS_FR}`);
    },
  );

  it('drops a single "LEES OOK." promo line but keeps the paragraphs around it (seed 000)', () => {
    const body = [
      'In Pau bevestigden de presidenten dat ze willen focussen op het drielandengebied.',
      'LEES OOK. De dodelijkste actieve VN-missie en wij zitten er middenin: hoe het kruitvat Mali volledig explodeerde (+)',
      '“Coalitie voor de Sahel”',
      'Op de top is ook overeengekomen om een “coalitie voor de Sahel” op te richten.',
    ].join('\n\n');
    const out = cleanText(body);
    expect(out).not.toContain('LEES OOK');
    expect(out).toContain('“Coalitie voor de Sahel”\n\nOp de top');
    expect(out.split('\n\n')).toHaveLength(3);
  });

  it('drops "Lees ook:" promo lines but keeps prose that merely starts with a similar word', () => {
    const out = cleanText('Lees ook: Macron trekt troepen terug\n\nRelated-party deals were not part of the plan.');
    expect(out).toBe('Related-party deals were not part of the plan.');
  });

  it('drops lines that are only punctuation', () => {
    expect(cleanText('Eerste alinea.\n-\n•\n***\n—\nTweede alinea.')).toBe('Eerste alinea.\n\nTweede alinea.');
  });

  it('keeps short headings inside an article', () => {
    const body = 'De beslissing komt niet uit de lucht vallen.\n\nUitweg voor Parijs\n\nDe putsch biedt een uitweg.';
    expect(cleanText(body)).toBe(body);
  });

  it('returns an empty string when only navigation is left', () => {
    expect(cleanText('Similaires\n-\nLe Mali se retire du G5 Sahel\n-\n  \n')).toBe('');
  });
});

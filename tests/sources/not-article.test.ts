import { describe, expect, it } from 'vitest';
import { notArticleReason } from '../../src/sources/not-article.js';

const prose = (n: number) => Array.from({ length: n }, (_, i) => (i % 9 === 8 ? 'Mali.' : 'troepen')).join(' ');
const signals = (title: string, text: string) => ({ title, text, linkDensity: 0, declaresArticle: true, ogType: 'article' });

describe('notArticleReason', () => {
  it('refuses error pages in several languages', () => {
    expect(notArticleReason(signals('Pagina niet gevonden', 'Deze pagina bestaat niet (meer).'))?.text).toContain('error page');
    expect(notArticleReason(signals('Oups', "La page demandée est introuvable. " + prose(50)))?.text).toContain('error page');
    expect(notArticleReason(signals('404 | Le Monde', prose(60)))?.text).toContain('error page');
  });

  it('keeps a short news article about something that was not found, or about consent', () => {
    const text = `De vermiste wandelaar is nog niet gevonden. De regering gaf toestemming voor een nieuwe zoekactie. ${prose(60)}`;
    expect(notArticleReason(signals('Vermiste wandelaar nog niet gevonden', text))).toBeNull();
    expect(notArticleReason(signals('Le Parlement donne son consentement', `Le Parlement a donné son consentement au retrait. ${prose(60)}`))).toBeNull();
  });

  it('refuses a consent or login wall', () => {
    expect(notArticleReason(signals('Before you continue', 'We use cookies to personalise content. Accept all cookies to continue.'))?.text).toContain('cookie-consent wall');
    expect(notArticleReason(signals('Artikel', `Log in om verder te lezen. Word abonnee vanaf 1 euro. ${prose(150)}`))?.text).toContain('login, subscription');
  });

  it('refuses too little text, saying how many words it found', () => {
    expect(notArticleReason(signals('Kort', 'Mali. Frankrijk.'))).toEqual({ code: 'no-text', text: expect.stringContaining('(2 words)') });
  });

  it('refuses a list of links unless the page says it is an article', () => {
    expect(notArticleReason({ ...signals('Nieuws', prose(200)), linkDensity: 0.9, declaresArticle: false })?.text).toContain('list of links');
    expect(notArticleReason({ ...signals('Nieuws', prose(200)), linkDensity: 0.9 })).toBeNull();
  });
});

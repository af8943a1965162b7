import { describe, expect, it } from 'vitest';
import { answerType, countedPhrase, isNamingQuestion, isWhyQuestion, relativeClauseWords, sentenceFits, spanKind, typeNouns } from '../../src/search/answer-type.js';

describe('answerType', () => {
  it('recognises question words in English, Dutch and French', () => {
    expect(answerType('How many soldiers died?')).toBe('number');
    expect(answerType('Hoeveel man stuurt Wagner?')).toBe('number');
    expect(answerType('Combien de membres ?')).toBe('number');
    expect(answerType('Quand le retrait doit-il être terminé ?')).toBe('date');
    expect(answerType('On what date was the putsch?')).toBe('date');
    expect(answerType('Wie is de minister?')).toBe('person');
    expect(answerType('In welke stad werd de top gehouden?')).toBe('place');
    expect(answerType('Explain Barkhane')).toBe('other');
  });

  it('reads the kind of answer from the noun after which/what when no question word says it', () => {
    expect(answerType('What is the date of the withdrawal?')).toBe('date');
    expect(answerType('Welke stad koos Macron voor de top?')).toBe('place');
    expect(answerType('Quel est le nombre de soldats ?')).toBe('number');
    expect(answerType('What is the reason?')).toBe('other');
  });

  it('reads a question about size as asking for a figure', () => {
    expect(answerType('How big was the task force supposed to become?')).toBe('number');
    expect(answerType('Hoe groot moest Takuba worden?')).toBe('number');
    expect(answerType('Quelle taille devait atteindre Takuba ?')).toBe('number');
  });
});

describe('what a question is about', () => {
  it('reads what a how-many question counts, up to a function word or modal verb', () => {
    expect(countedPhrase('How many Czech soldiers served in Takuba?')).toEqual(['czech', 'soldiers', 'served']);
    expect(countedPhrase('Hoeveel soldaten wilde Estland in 2020 leveren?')).toEqual(['soldaten']);
    expect(countedPhrase('Combien de soldats français sont morts ?')).toEqual(['soldats', 'francais']);
    expect(countedPhrase('What number of soldiers stayed?')).toEqual(['soldiers', 'stayed']);
    expect(countedPhrase('Which Russian group sent weapons?', 'which')).toEqual(['russian', 'group', 'sent']);
    expect(countedPhrase('Who went there?')).toEqual([]);
  });

  it('asks for a name after which/welke/quel or a naming verb, and for no span when neither is there', () => {
    expect(spanKind('Welke Russische groep stuurde wapens?')).toBe('name');
    expect(spanKind("Comment s'appelait l'opération de 2013 ?")).toBe('name');
    expect(spanKind('How many soldiers died?')).toBe('number');
    expect(spanKind('Explain Barkhane')).toBeNull();
    expect(spanKind('Quel rôle joue le Niger ?')).toBeNull();
    expect(spanKind('What is the reason for the withdrawal?')).toBeNull();
    expect(spanKind('Welke groep stuurde wapens?')).toBe('name');
    expect(spanKind('What happened to the French ambassador?')).toBeNull();
    expect(spanKind('Wat gebeurde er met de ambassadeur?')).toBeNull();
    expect(isNamingQuestion('Hoe heet de operatie?')).toBe(true);
    expect(isNamingQuestion('Qui appelle au cessez-le-feu ?')).toBe(false);
  });

  it('tells why questions and the nouns that name the kind of answer', () => {
    expect(isWhyQuestion('Pourquoi Paris part-il ?')).toBe(true);
    expect(isWhyQuestion('Who asked why?')).toBe(false);
    expect(isWhyQuestion("Qu'est-ce qui a poussé Macron à inviter les présidents ?")).toBe(true);
    expect(isWhyQuestion('What prompted Macron to invite the presidents?')).toBe(true);
    expect(answerType("Qu'est-ce qui a poussé Macron à partir ?")).not.toBe('person');
    expect(answerType('Qui a poussé Macron à partir ?')).toBe('person');
    expect(typeNouns('On what date was the putsch, and the number of deaths?')).toEqual(['date', 'number']);
  });
});

describe('relativeClauseWords', () => {
  it('gives the words that only describe a noun of the question, after a relative pronoun', () => {
    expect([...relativeClauseWords('On what date was the putsch in Mali that led Macron to end Barkhane?')]).toEqual(['led', 'macron', 'end', 'barkhane']);
    expect([...relativeClauseWords('Op welke datum was de coup die ertoe leidde dat Macron stopte?')]).toContain('macron');
    expect(relativeClauseWords('Qui est le chef qui a assuré que rien ne changerait ?').has('chef')).toBe(false);
    expect(relativeClauseWords('Which group sent weapons?').size).toBe(0);
    // After a verb of saying, "that" opens what was said: that is what the question is about.
    expect(relativeClauseWords('When did Macron say that France would leave Mali?').size).toBe(0);
    expect(relativeClauseWords('Qui a reçu la ministre ?').size).toBe(0);
  });
});

describe('sentenceFits', () => {
  it('reads number words in the passage\'s own language: Dutch "onze" is "our", "vieren" a verb', () => {
    expect(sentenceFits('number', 'Onze soldaten vieren de terugkeer.', 'nl')).toBe(false);
    expect(sentenceFits('number', 'Onze soldats sont rentrés.', 'fr')).toBe(true);
    expect(sentenceFits('number', 'Er zijn vijfenvijftig doden.', 'nl')).toBe(true);
  });

  it('does not take a word that only starts like a number for a figure ("eenheid", "achter", "centre")', () => {
    expect(sentenceFits('number', 'De eenheid bleef achter in het centrum.', 'nl')).toBe(false);
    expect(sentenceFits('number', 'Le centre de commandement a été déplacé.', 'fr')).toBe(false);
    expect(sentenceFits('number', 'Een veertigtal militairen bleef achter.', 'nl')).toBe(true);
  });

  it('finds figures written in digits or words', () => {
    expect(sentenceFits('number', 'Daarnaast zijn negentig man actief.', 'nl')).toBe(true);
    expect(sentenceFits('number', 'Er zijn 55 doden.', 'nl')).toBe(true);
    expect(sentenceFits('number', 'Macron zegt dat Niger bereid is.', 'nl')).toBe(false);
  });
  it('finds months and years', () => {
    expect(sentenceFits('date', 'Het zou in juni voltooid moeten zijn.', 'nl')).toBe(true);
    expect(sentenceFits('date', 'Sinds 2013 strijdt het.', 'nl')).toBe(true);
    expect(sentenceFits('date', 'Meer details werden niet gegeven.', 'nl')).toBe(false);
  });
});

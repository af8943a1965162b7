import { describe, expect, it } from 'vitest';
import { answerType, sentenceFits } from '../../src/search/answer-type.js';

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

  it('reads a question about size as asking for a figure', () => {
    expect(answerType('How big was the task force supposed to become?')).toBe('number');
    expect(answerType('Hoe groot moest Takuba worden?')).toBe('number');
    expect(answerType('Quelle taille devait atteindre Takuba ?')).toBe('number');
  });
});

describe('sentenceFits', () => {
  it('does not take a word that only starts like a number for a figure ("eenheid", "achter", "centre")', () => {
    expect(sentenceFits('number', 'De eenheid bleef achter in het centrum.')).toBe(false);
    expect(sentenceFits('number', 'Le centre de commandement a été déplacé.')).toBe(false);
    expect(sentenceFits('number', 'Een veertigtal militairen bleef achter.')).toBe(true);
  });

  it('finds figures written in digits or words', () => {
    expect(sentenceFits('number', 'Daarnaast zijn negentig man actief.')).toBe(true);
    expect(sentenceFits('number', 'Er zijn 55 doden.')).toBe(true);
    expect(sentenceFits('number', 'Macron zegt dat Niger bereid is.')).toBe(false);
  });
  it('finds months and years', () => {
    expect(sentenceFits('date', 'Het zou in juni voltooid moeten zijn.')).toBe(true);
    expect(sentenceFits('date', 'Sinds 2013 strijdt het.')).toBe(true);
    expect(sentenceFits('date', 'Meer details werden niet gegeven.')).toBe(false);
  });
});

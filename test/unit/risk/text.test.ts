import { describe, expect, it } from 'vitest';
import { compileLexicon, findPhrase, foldText, prepareText, splitIdentifier } from '../../../lib/risk/text';

const find = (text: string, phrases: string[]) => findPhrase(prepareText(text), compileLexicon(phrases));

describe('foldText', () => {
  it('lowercases and drops diacritics so accented and plain spellings meet', () => {
    expect(foldText('LÖSCHEN')).toBe('loschen');
    expect(foldText('Supprimer définitivement')).toBe('supprimer definitivement');
    expect(foldText('Usuń')).toBe('usun');
    expect(foldText('Удалить')).toBe('удалить');
  });

  it('maps letters without a decomposition (ß, ł, dotless ı)', () => {
    expect(foldText('Schließen')).toBe('schliessen');
    expect(foldText('Wyślij')).toBe('wyslij');
    expect(foldText('Kaldır')).toBe('kaldir');
  });

  it('keeps Japanese voiced marks and Korean syllables intact', () => {
    expect(foldText('ゴミ箱')).toBe('ゴミ箱');
    expect(foldText('삭제하기')).toBe('삭제하기');
  });

  it('folds Arabic hamza forms to the bare letter', () => {
    expect(foldText('إرسال')).toBe(foldText('ارسال'));
  });
});

describe('findPhrase', () => {
  it('matches whole words only, so "post" does not fire on "Posts" or "compost"', () => {
    expect(find('Post', ['post'])).toBe('post');
    expect(find('Posts', ['post'])).toBeNull();
    expect(find('compost', ['post'])).toBeNull();
  });

  it('matches phrases as consecutive words', () => {
    expect(find('Please empty the trash now', ['empty the trash'])).toBe('empty the trash');
    expect(find('the trash is empty', ['empty the trash'])).toBeNull();
  });

  it('matches Chinese, Japanese and Korean phrases as substrings', () => {
    expect(find('メールを削除する', ['削除'])).toBe('削除');
    expect(find('삭제하기', ['삭제'])).toBe('삭제');
    expect(find('立即发送', ['发送'])).toBe('发送');
  });

  it('lets a trailing * continue the last word', () => {
    expect(find('Löschung bestätigen', ['lösch*'])).toBe('lösch');
    expect(find('Verlöschen', ['lösch*'])).toBeNull();
  });

  it('matches words written with diacritics against plain text and back', () => {
    expect(find('Enviar mensaje', ['envíar'])).toBe('envíar');
    expect(find('Révoquer', ['revoquer'])).toBe('revoquer');
  });
});

describe('splitIdentifier', () => {
  it('splits camelCase and letter-digit joins used in class names and ids', () => {
    expect(splitIdentifier('btnDelete')).toBe('btn Delete');
    expect(splitIdentifier('trash3')).toBe('trash 3');
  });
});

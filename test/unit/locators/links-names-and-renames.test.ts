import { describe, expect, it } from 'vitest';
import { foundText, record, resolveOn } from './page-pairs';

interface Member {
  rank: number;
  name: string;
  id: string;
  rating: number;
  games: number;
}

/** A club's rating list: one row per member, each with its own "History" and "Compare". */
function ratings(members: readonly Member[]): string {
  const rows = members
    .map(
      (member) =>
        `<tr><td>${member.rank}</td><td><a href="/members/${member.id}">${member.name}</a></td><td>${member.id}</td><td>${member.rating}</td><td>${member.games}</td><td><button type="button">History</button> <button type="button">Compare</button></td></tr>`,
    )
    .join('');
  return `<main><h1>Club ratings</h1><table id="ratings"><thead><tr><th>#</th><th>Player</th><th>Member no.</th><th>Rating</th><th>Games</th><th></th></tr></thead><tbody>${rows}</tbody></table></main>`;
}

const CLUB: Member[] = [
  { rank: 1, name: 'Viktor Hale', id: 'RCC-0031', rating: 2105, games: 41 },
  { rank: 2, name: 'Grace Odum', id: 'RCC-0112', rating: 2040, games: 38 },
  { rank: 3, name: 'Oliver Brandt', id: 'RCC-0007', rating: 1987, games: 52 },
  { rank: 4, name: 'Ananya Rao', id: 'RCC-0219', rating: 1904, games: 47 },
  { rank: 5, name: 'Arjun Rao', id: 'RCC-0220', rating: 1880, games: 21 },
  { rank: 6, name: 'Tom Pickering', id: 'RCC-0054', rating: 1850, games: 36 },
];

/** The list after a tournament: new ratings and game counts, re-sorted, ranks renumbered. */
function afterTournament(changes: Record<string, Partial<Member>>): Member[] {
  const updated = CLUB.map((member) => ({ ...member, ...changes[member.id] }));
  return updated.sort((a, b) => b.rating - a.rating).map((member, index) => ({ ...member, rank: index + 1 }));
}

describe('a record told by the page its row links to', () => {
  const historyOf = (name: string) => `tr:nth-child(${CLUB.findIndex((member) => member.name === name) + 1}) button`;

  it('is the record wherever a re-sort moved it, its rank, rating and games all changed', () => {
    const recorded = record(ratings(CLUB), historyOf('Ananya Rao'));
    const result = resolveOn(ratings(afterTournament({ 'RCC-0219': { rating: 2003, games: 52 } })), recorded);
    expect(foundText(result, 'tr')).toContain('Ananya Rao');
  });

  it('is not a record that lost the recorded one’s words under a reissued link', () => {
    const recorded = record(ratings(CLUB), historyOf('Ananya Rao'));
    // Members merged from another club: "RCC-0219" is someone else's number now, Ananya Rao's is new.
    const merged = CLUB.map((member) => (member.id === 'RCC-0219' ? { ...member, id: 'RCC-1210' } : member)).concat({
      rank: 7,
      name: 'Ines Duarte',
      id: 'RCC-0219',
      rating: 1850,
      games: 47,
    });
    const result = resolveOn(ratings(merged), recorded);
    expect(foundText(result, 'tr') ?? '').not.toContain('Ines Duarte');
  });
});

/** A line's pricing fields, React ids (":r5:") on each; `gross` adds a Gross CPM field first. */
function pricing(gross: boolean): string {
  const field = (id: string, label: string) =>
    `<div class="row"><label for="${id}">${label}</label><input id="${id}" type="text" inputmode="decimal" placeholder="0.00"></div>`;
  const fields = gross
    ? [field(':rd:', 'Gross CPM (USD)'), field(':rf:', 'Net CPM (USD)')]
    : [field(':rd:', 'Net CPM (USD)')];
  return `<main><h1>Edit line L-004</h1><form action="/orders/IO-2025-0377/lines/L-004">${field(':r5:', 'Impressions goal')}${fields.join('')}<button>Save line</button></form></main>`;
}

describe('among fields that match about equally well', () => {
  it('the one still named as recorded, word for word, when the other lost a word of that name', () => {
    const recorded = record(pricing(false), '[id=":rd:"]');
    const result = resolveOn(pricing(true), recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.id).toBe(':rf:');
  });

  it('not for a record’s action, named alike in every record', () => {
    const rows = (names: readonly string[], action: (name: string) => string) =>
      `<main><h1>Refund queue</h1><ul>${names.map((name) => `<li><span>${name}</span> <button>${action(name)}</button></li>`).join('')}</ul></main>`;
    const recorded = record(
      rows(['Order 4411', 'Order 4412'], () => 'Approve'),
      'li:nth-child(1) button',
    );
    // The recorded order's button now says "Approved"; another order kept "Approve".
    const result = resolveOn(
      rows(['Order 4418', 'Order 4412'], (name) => (name === 'Order 4418' ? 'Approve' : 'Approved')),
      recorded,
    );
    expect(foundText(result, 'li') ?? '').not.toContain('4418');
  });
});

const REGIONS = ['EU West', 'EU North', 'NA East', 'NA West', 'Asia Pacific'];

/** A team registration form; `moved` puts "Home region" in a side panel and a server region select in its place. */
function registration(moved: boolean, serverLabel = 'Preferred server region'): string {
  const select = (id: string, name: string, extra = '') =>
    `<select id="${id}" name="${name}"${extra}>${REGIONS.map((region) => `<option>${region}</option>`).join('')}</select>`;
  const main = moved
    ? `<label for="region">${serverLabel}</label>${select('region', 'region')}`
    : `<label for="region">Home region</label>${select('region', 'region')}`;
  const panel = moved
    ? `<aside><h2>Team profile</h2><label for="home-region">Home region</label>${select('home-region', 'home_region', ' form="team-reg"')}</aside>`
    : '';
  return `<main><h1>Register a team</h1><form id="team-reg"><label for="team">Team name</label><input id="team" name="team">${main}<button>Register</button></form>${panel}</main>`;
}

describe('an id kept by a field named otherwise now', () => {
  it('asks when another field of its kind carries the recorded name word for word', () => {
    const recorded = record(registration(false), '#region');
    const result = resolveOn(registration(true), recorded);
    expect(result.status).toBe('ambiguous');
  });

  it('still names its field when that field’s name stays alike', () => {
    const recorded = record(registration(false), '#region');
    const result = resolveOn(registration(true, 'Home region (team)'), recorded);
    expect(result.status).toBe('found');
    if (result.status === 'found') expect(result.element.id).toBe('region');
  });
});

/** A pick list as cards, one per line; `renamed` says which lines' buttons now read "Pick from yard". */
function pickList(
  lines: readonly { no: number; item: string; where: string }[],
  renamed: (no: number) => boolean,
): string {
  const cards = lines
    .map(
      (line) =>
        `<article class="card"><h3>${line.no} · ${line.item}</h3><p>${line.where}</p><button type="button">${renamed(line.no) ? 'Pick from yard' : 'Pick'}</button></article>`,
    )
    .join('');
  return `<main><h1>Pick list · SO-58114</h1><div class="cards">${cards}</div></main>`;
}

const LINES = [
  { no: 1, item: '2x4 SPF #2 & Btr 8 ft', where: 'Yard C-1 · 416 pcs' },
  { no: 2, item: '2x6 SPF #2 & Btr 16 ft', where: 'Yard D-3 · 128 pcs' },
  { no: 3, item: '1x8 Eastern white pine FAS 10 ft', where: 'Shed B-2 · 60 pcs' },
  { no: 4, item: '4x4 Douglas fir #1 12 ft', where: 'Yard C-6 · 40 pcs' },
];

describe('a command relabelled with words added in every record ("Pick" → "Pick from yard")', () => {
  it('is found in the recorded record, its words kept', () => {
    const recorded = record(
      pickList(LINES, () => false),
      'article:nth-child(3) button',
    );
    const result = resolveOn(
      pickList([...LINES].reverse(), () => true),
      recorded,
    );
    expect(foundText(result, 'article')).toContain('Eastern white pine');
  });

  it('is none of the others when the recorded record is gone', () => {
    const recorded = record(
      pickList(LINES, () => false),
      'article:nth-child(3) button',
    );
    const result = resolveOn(
      pickList(
        LINES.filter((line) => line.no !== 3),
        () => true,
      ),
      recorded,
    );
    expect(result.status).not.toBe('found');
  });
});

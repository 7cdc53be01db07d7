import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterTasksByTitle } from '@/lib/task/search';

const TASKS = [{ title: 'Add a contact' }, { title: 'Export the contact list' }, { title: 'Archive old  messages' }];

describe('filterTasksByTitle', () => {
  it('keeps titles containing the query, ignoring case', () => {
    expect(filterTasksByTitle(TASKS, 'CONTACT').map((task) => task.title)).toEqual([
      'Add a contact',
      'Export the contact list',
    ]);
    expect(filterTasksByTitle(TASKS, 'export').map((task) => task.title)).toEqual(['Export the contact list']);
  });

  it('ignores spaces around the query and repeated spaces in it and the titles', () => {
    expect(filterTasksByTitle(TASKS, '  old   messages ').map((task) => task.title)).toEqual(['Archive old  messages']);
  });

  it('returns every task for an empty query and none for a query nothing contains', () => {
    expect(filterTasksByTitle(TASKS, '   ')).toEqual(TASKS);
    expect(filterTasksByTitle(TASKS, 'invoice')).toEqual([]);
  });

  it('finds every task by its own title, in any case', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 20 }), { minLength: 1, maxLength: 10 }), (titles) => {
        const tasks = titles.map((title) => ({ title }));
        for (const task of tasks) {
          if (task.title.trim() === '') continue;
          expect(filterTasksByTitle(tasks, task.title.toLocaleUpperCase())).toContain(task);
        }
      }),
    );
  });
});

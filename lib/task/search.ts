/** The popup's task search: a title matches when it contains the query, ignoring case and extra spaces. */

const normalize = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

export function filterTasksByTitle<T extends { title: string }>(tasks: readonly T[], query: string): T[] {
  const wanted = normalize(query);
  if (wanted === '') return [...tasks];
  return tasks.filter((task) => normalize(task.title).includes(wanted));
}

import type { Language, Task } from './api/types';
import { localized } from './timeline';

/** A task's step in the reader's language; its step id when it has no title. */
export function taskTitle(task: Pick<Task, 'title' | 'type'>, language: Language): string {
  return localized(task.title, language) ?? task.type;
}

/** Oldest first, as the server sends them; the id breaks ties so the order never jumps. */
export function oldestFirst<T extends Pick<Task, 'openedAt' | 'id'>>(tasks: readonly T[]): T[] {
  return [...tasks].sort(
    (a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** The kinds of step among these tasks, each once, by title in the reader's language. */
export function stepChoices(
  tasks: readonly Pick<Task, 'title' | 'type'>[],
  language: Language,
): Array<{ type: string; label: string }> {
  const byType = new Map<string, string>();
  for (const task of tasks) if (!byType.has(task.type)) byType.set(task.type, taskTitle(task, language));
  return [...byType]
    .map(([type, label]) => ({ type, label }))
    .sort((a, b) => a.label.localeCompare(b.label, language));
}

/** The tasks of one kind of step; all of them when no kind is chosen. */
export function ofStep<T extends Pick<Task, 'type'>>(tasks: readonly T[], type: string): T[] {
  return type ? tasks.filter((task) => task.type === type) : [...tasks];
}

/** Tasks in `after` that were not in `before`: the steps a decision opened. */
export function newTasks<T extends Pick<Task, 'id'>>(before: readonly T[], after: readonly T[]): T[] {
  const known = new Set(before.map((task) => task.id));
  return after.filter((task) => !known.has(task.id));
}

/** The tasks whose deadline passed and that went to a supervisor; all of them when not asked to. */
export function ofEscalation<T extends Pick<Task, 'escalatedAt'>>(
  tasks: readonly T[],
  escalatedOnly: boolean,
): T[] {
  return escalatedOnly ? tasks.filter((task) => Boolean(task.escalatedAt)) : [...tasks];
}

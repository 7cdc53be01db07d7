/**
 * Exports carry variable names only: secret values are blanked before a task
 * leaves the vault, in every format.
 */
import { redactEnvironmentSecrets } from './environments';
import type { Task } from './schema';

export function redactSecrets(task: Task): Task {
  const environments = redactEnvironmentSecrets(task);
  return {
    ...task,
    variables: task.variables.map((variable) => (variable.secret ? { ...variable, defaultValue: '' } : variable)),
    ...(environments ? { environments } : {}),
  };
}

/** Exports carry variable names only: secret values are blanked before a task leaves the vault. */
import type { Task } from './schema';

export function redactSecrets(task: Task): Task {
  return {
    ...task,
    variables: task.variables.map((variable) => (variable.secret ? { ...variable, defaultValue: '' } : variable)),
  };
}

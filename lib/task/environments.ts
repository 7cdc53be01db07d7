/**
 * Running a task in one of its environments: the recorded origins are swapped for the
 * environment's, and its variable values fill in before the run's own. Pure: the runner applies it.
 */
import { originOf } from '@/lib/origins';
import { err, ok, type Result } from '@/lib/result';
import type { Environment, Task } from './schema';

/** The environment's origin for `origin`; the origin itself when the environment does not map it. */
export function mapOrigin(origin: string, environment: Environment | null): string {
  if (!environment) return origin;
  const lower = origin.toLowerCase();
  return environment.origins.find((pair) => pair.from.toLowerCase() === lower)?.to ?? origin;
}

/** `url` with its origin mapped (path, query and fragment kept); unparseable text is returned as is. */
export function mapUrl(url: string, environment: Environment | null): string {
  const origin = originOf(url);
  if (!environment || !origin) return url;
  const mapped = mapOrigin(origin, environment);
  if (mapped === origin) return url;
  const parsed = new URL(url);
  return `${mapped}${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** The origins a run in `environment` acts on (what must be allow-listed). */
export function originsFor(task: Task, environment: Environment | null): string[] {
  return [...new Set(task.origins.map((origin) => mapOrigin(origin, environment)))];
}

/** Variable values for a run: recorded defaults, then the environment's, then the run's own. */
export function valuesFor(
  task: Task,
  environment: Environment | null,
  given: Readonly<Record<string, string>>,
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const variable of task.variables) {
    values[variable.name] = given[variable.name] ?? environment?.values[variable.name] ?? variable.defaultValue;
  }
  return values;
}

export function findEnvironment(task: Task, environmentId: string | undefined): Result<Environment | null, string> {
  if (environmentId === undefined) return ok(null);
  const found = task.environments?.find((environment) => environment.id === environmentId);
  return found ? ok(found) : err('unknown-environment', 'That environment is no longer part of this task.');
}

/**
 * Problems with an environment as the person edited it, in plain words (empty when it is fine):
 * every mapped origin must be one the task records, and every value must belong to a variable.
 */
export function environmentProblems(task: Task, environment: Environment): string[] {
  const problems: string[] = [];
  const recorded = new Set(task.origins.map((origin) => origin.toLowerCase()));
  const seen = new Set<string>();
  for (const pair of environment.origins) {
    const from = pair.from.toLowerCase();
    if (!recorded.has(from)) problems.push(`${pair.from} is not a site this task was recorded on.`);
    if (seen.has(from)) problems.push(`${pair.from} is mapped twice.`);
    seen.add(from);
  }
  const names = new Set(task.variables.map((variable) => variable.name));
  for (const name of Object.keys(environment.values)) {
    if (!names.has(name)) problems.push(`This task has no variable named ${name}.`);
  }
  const sameName = task.environments?.filter(
    (other) => other.id !== environment.id && other.name.toLowerCase() === environment.name.toLowerCase(),
  );
  if (sameName && sameName.length > 0) problems.push(`Another environment is already called ${environment.name}.`);
  return problems;
}

/** Secret values blanked: what an export may carry (names only, like secret variable defaults). */
export function redactEnvironmentSecrets(task: Task): Task['environments'] {
  if (!task.environments) return undefined;
  const secret = new Set(task.variables.filter((variable) => variable.secret).map((variable) => variable.name));
  return task.environments.map((environment) => ({
    ...environment,
    values: Object.fromEntries(
      Object.entries(environment.values).map(([name, value]) => [name, secret.has(name) ? '' : value]),
    ),
  }));
}

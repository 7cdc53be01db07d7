/**
 * Step values are templates: `{{name}}` is replaced by the run's value for `name`; everything else is literal.
 * A reference to a variable the run has no value for is an error that names the variable but never quotes any
 * value, since values may be secrets.
 */
import { err, ok, type Result } from '@/lib/result';
import type { Step } from '@/lib/task/schema';

const REFERENCE = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

export function fillTemplate(template: string, values: Record<string, string>): Result<string, 'missing-variable'> {
  const missing: string[] = [];
  const filled = template.replace(REFERENCE, (_match, name: string) => {
    // Own properties only: a variable called "constructor" must not read Object.prototype.
    if (Object.hasOwn(values, name) && typeof values[name] === 'string') return values[name];
    if (!missing.includes(name)) missing.push(name);
    return '';
  });
  if (missing.length > 0) {
    const names = missing.map((name) => `“${name}”`).join(', ');
    return err(
      'missing-variable',
      `This step needs ${missing.length === 1 ? 'the variable' : 'the variables'} ${names}, which ${missing.length === 1 ? 'has' : 'have'} no value; fill it in before running the task.`,
    );
  }
  return ok(filled);
}

/** The variable names a template references, in order of first use. */
export function templateVariables(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(REFERENCE)) {
    const name = match[1] as string;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The run's values a step's action fills in (its value's references), and no others: an act message carries
 * only these, so a frame never receives a variable, secret or not, that its step does not type.
 */
export function valuesUsedBy(step: Step, values: Record<string, string>): Record<string, string> {
  if (step.kind !== 'fill' && step.kind !== 'select') return {};
  const used: Record<string, string> = {};
  for (const name of templateVariables(step.value)) {
    if (Object.hasOwn(values, name) && typeof values[name] === 'string') used[name] = values[name];
  }
  return used;
}

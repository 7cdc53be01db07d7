import { useEffect, useState } from 'preact/hooks';
import { ErrorText } from '@/components/ErrorText';
import { send } from '@/components/runtime';
import { describeStep } from '@/lib/task/describe-step';
import { moveItem } from '@/lib/task/locator-edit';
import type { Step, Task } from '@/lib/task/schema';
import { EnvironmentsEditor } from './EnvironmentsEditor';
import { LocatorEditor } from './LocatorEditor';

/**
 * The review list after recording: rename the task, reorder (drag a step's handle, buttons, or Alt+Arrow keys on
 * the handle), delete steps, mark them optional or "always ask", edit the locators replay uses to find a step's
 * element, edit variable defaults (secrets masked) and the environments it can run in.
 */
export function TaskEditor({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const [task, setTask] = useState<Task | null>(null);
  const [dirty, setDirty] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Native drag and drop; keyboard users reorder with Alt+Arrow on the same handle.
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);

  useEffect(() => {
    void send({ type: 'task:get', id: taskId }).then((reply) => {
      if (reply.ok) setTask(reply.value.task);
      else setError(reply.error.message);
    });
  }, [taskId]);

  if (!task) return <ErrorText message={error} />;

  const update = (next: Task) => {
    setTask(next);
    setDirty(true);
    setMessage(null);
  };
  const updateStep = (index: number, change: Partial<Step>) =>
    update({ ...task, steps: task.steps.map((step, at) => (at === index ? ({ ...step, ...change } as Step) : step)) });
  const moveTo = (index: number, to: number) => {
    if (to < 0 || to >= task.steps.length || to === index) return;
    update({ ...task, steps: moveItem(task.steps, index, to) });
    requestAnimationFrame(() => document.getElementById(`step-${to}`)?.focus());
  };
  const move = (index: number, by: number) => moveTo(index, index + by);
  const endDrag = () => {
    setDragFrom(null);
    setDropAt(null);
  };

  const save = async () => {
    setError(null);
    const reply = await send({ type: 'task:save', id: taskId, task });
    if (!reply.ok) return setError(reply.error.message);
    setDirty(false);
    setMessage('Saved.');
  };

  return (
    <section class="stack" aria-labelledby="editor-heading">
      <div class="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="editor-heading">Review task</h2>
        <button type="button" onClick={onClose}>
          Back to tasks
        </button>
      </div>
      <div>
        <label for="task-name">Name</label>
        <input
          id="task-name"
          value={task.title}
          style={{ width: '100%' }}
          onInput={(event) => update({ ...task, title: (event.target as HTMLInputElement).value })}
        />
      </div>
      <h3>Steps</h3>
      <p class="muted">
        Drag a step by its ⠿ handle, or focus the handle and press Alt+↑ or Alt+↓ to move it, or use the arrow buttons.
      </p>
      <ol class="stack" data-testid="step-list" style={{ paddingLeft: '20px' }}>
        {task.steps.map((step, index) => (
          <li
            key={step.id}
            data-testid="step"
            class={
              dragFrom !== null && dropAt === index && dropAt !== dragFrom
                ? dropAt > dragFrom
                  ? 'drop-after'
                  : 'drop-before'
                : undefined
            }
            onDragOver={(event) => {
              if (dragFrom === null) return;
              event.preventDefault();
              if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
              setDropAt(index);
            }}
            onDrop={(event) => {
              if (dragFrom === null) return;
              event.preventDefault();
              moveTo(dragFrom, index);
              endDrag();
            }}
          >
            <fieldset class="card" aria-label={`Step ${index + 1}`}>
              <p data-testid="step-text">{describeStep(step)}</p>
              <div class="row">
                <button
                  type="button"
                  id={`step-${index}`}
                  class="drag-handle"
                  draggable
                  aria-label={`Reorder step ${index + 1}: drag, or press Alt+Up or Alt+Down`}
                  title="Drag to move, or press Alt+↑ or Alt+↓"
                  onDragStart={(event) => {
                    event.dataTransfer?.setData('text/plain', String(index));
                    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
                    setDragFrom(index);
                  }}
                  onDragEnd={endDrag}
                  onKeyDown={(event) => {
                    if (!event.altKey) return;
                    if (event.key === 'ArrowUp') move(index, -1);
                    else if (event.key === 'ArrowDown') move(index, 1);
                    else return;
                    event.preventDefault();
                  }}
                >
                  ⠿
                </button>
                <label class="row" style={{ fontWeight: 'normal' }}>
                  <input
                    type="checkbox"
                    checked={step.optional}
                    onChange={(event) => updateStep(index, { optional: (event.target as HTMLInputElement).checked })}
                  />
                  Optional
                </label>
                <label class="row" style={{ fontWeight: 'normal' }}>
                  <input
                    type="checkbox"
                    checked={step.alwaysAsk}
                    onChange={(event) => updateStep(index, { alwaysAsk: (event.target as HTMLInputElement).checked })}
                  />
                  Always ask first
                </label>
                <button
                  type="button"
                  onClick={() => move(index, -1)}
                  disabled={index === 0}
                  aria-label={`Move step ${index + 1} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  onClick={() => move(index, 1)}
                  disabled={index === task.steps.length - 1}
                  aria-label={`Move step ${index + 1} down`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  class="danger"
                  onClick={() => update({ ...task, steps: task.steps.filter((_, at) => at !== index) })}
                  aria-label={`Delete step ${index + 1}`}
                >
                  Delete
                </button>
              </div>
              {'target' in step && step.target && (
                <LocatorEditor
                  target={step.target}
                  stepNumber={index + 1}
                  onChange={(target) => updateStep(index, { target })}
                />
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <h3>Variables</h3>
      {task.variables.length === 0 && <p class="muted">This task types nothing, so it has no variables.</p>}
      {task.variables.map((variable, index) => (
        <div key={variable.name} class="row">
          <label for={`var-${variable.name}`} style={{ minWidth: '120px' }}>
            {`{{${variable.name}}}`}
          </label>
          <input
            id={`var-${variable.name}`}
            type={variable.secret ? 'password' : 'text'}
            autocomplete="off"
            value={variable.defaultValue}
            onInput={(event) =>
              update({
                ...task,
                variables: task.variables.map((item, at) =>
                  at === index ? { ...item, defaultValue: (event.target as HTMLInputElement).value } : item,
                ),
              })
            }
          />
          <label class="row" style={{ fontWeight: 'normal' }}>
            <input
              type="checkbox"
              checked={variable.secret}
              onChange={(event) =>
                update({
                  ...task,
                  variables: task.variables.map((item, at) =>
                    at === index ? { ...item, secret: (event.target as HTMLInputElement).checked } : item,
                  ),
                })
              }
            />
            Secret
          </label>
        </div>
      ))}
      <EnvironmentsEditor task={task} onChange={update} />
      <div class="row">
        <button type="button" class="primary" disabled={!dirty} onClick={save}>
          Save changes
        </button>
        <p role="status" class="ok">
          {message}
        </p>
      </div>
      <ErrorText message={error} />
    </section>
  );
}

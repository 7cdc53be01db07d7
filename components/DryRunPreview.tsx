import type { RunView } from '@/lib/messages';
import { FormDataTable } from './FormDataTable';

const KIND_WORDS: Record<NonNullable<RunView['preview']>[number]['kind'], string> = {
  submit: 'Would submit',
  delete: 'Would delete',
  outbound: 'Would send a message',
  ask: 'Would ask you first',
  send: 'The page tried to send data (blocked)',
};

/** What a dry run skipped: every submit, delete and send, with the data it would have sent (secrets masked). */
export function DryRunPreview({ preview }: { preview: NonNullable<RunView['preview']> }) {
  return (
    <section aria-labelledby="preview-heading" class="stack" data-testid="dry-run-preview">
      <h3 id="preview-heading">What the real run would do</h3>
      {preview.length === 0 ? (
        <p class="muted">Nothing risky: no step would submit, delete or send anything.</p>
      ) : (
        <ol class="stack">
          {preview.map((action) => (
            <li key={`${action.step}-${action.kind}`} data-testid="preview-item" data-kind={action.kind}>
              <p>
                <strong>
                  Step {action.step}: {KIND_WORDS[action.kind]}
                </strong>{' '}
                — {action.target}
              </p>
              <p class="muted">{action.url}</p>
              {action.formData.length > 0 && <FormDataTable fields={action.formData} caption="Data it would send" />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

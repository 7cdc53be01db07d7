/**
 * First run (issue 8): what Understudy does and the three steps to start, shown above the
 * create-vault form while no vault exists.
 */
export function Onboarding() {
  return (
    <section class="stack onboarding" aria-labelledby="welcome-heading" data-testid="onboarding">
      <h2 id="welcome-heading">Welcome to Understudy</h2>
      <p>Show Understudy a task in your browser once, and it can do it again for you.</p>
      <ul class="points">
        <li>
          <strong>Private:</strong> what it saves is encrypted on this computer and never sent anywhere.
        </li>
        <li>
          <strong>Only where you say:</strong> it acts only on sites you allow.
        </li>
        <li>
          <strong>Asks first:</strong> before it submits a form, deletes something or sends a message, it waits for your
          OK.
        </li>
      </ul>
      <h3>Three steps to start</h3>
      <ol class="points" data-testid="onboarding-steps">
        <li>Create your vault below: a passphrase that locks what Understudy saves.</li>
        <li>Allow the site where you do the task.</li>
        <li>Record the task: press Record a task, do it once, then Stop and save.</li>
      </ol>
    </section>
  );
}

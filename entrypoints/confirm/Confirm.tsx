export function Confirm() {
  return (
    <main class="stack">
      <h1>Confirm an action</h1>
      <p class="muted" data-testid="confirm-empty">
        Nothing is waiting for your OK. When a run reaches a submit, delete or send, it pauses and asks here.
      </p>
    </main>
  );
}

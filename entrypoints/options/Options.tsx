import { AllowList } from './AllowList';

export function Options() {
  return (
    <main class="stack" style={{ maxWidth: '720px' }}>
      <h1>Understudy settings</h1>
      <AllowList />
    </main>
  );
}

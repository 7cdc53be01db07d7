import { VaultGate } from '@/components/VaultGate';
import { AllowList } from './AllowList';
import { Backup } from './Backup';
import { OtherTools } from './OtherTools';
import { Retention } from './Retention';
import { Security } from './Security';
import { Shortcuts } from './Shortcuts';
import { Wipe } from './Wipe';

export function Options() {
  return (
    <main class="stack" style={{ maxWidth: '720px' }}>
      <h1>Understudy settings</h1>
      <AllowList />
      <Shortcuts />
      <VaultGate>
        {(status, refresh) => (
          <>
            <Security status={status} onChange={refresh} />
            <Retention />
            <Backup />
            <OtherTools />
            <Wipe onChange={refresh} />
          </>
        )}
      </VaultGate>
    </main>
  );
}

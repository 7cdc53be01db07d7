import { useEffect, useRef } from 'preact/hooks';

/** Runs `poll` now and every `ms` while the component is shown (the latest `poll` each time). */
export function usePolling(poll: () => Promise<void>, ms: number): void {
  const latest = useRef(poll);
  latest.current = poll;
  useEffect(() => {
    void latest.current();
    const timer = setInterval(() => void latest.current(), ms);
    return () => clearInterval(timer);
  }, [ms]);
}

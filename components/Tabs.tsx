import type { ComponentChildren } from 'preact';

interface TabSpec {
  id: string;
  label: string;
}

/** WAI-ARIA tabs: arrow keys, Home and End move between tabs; only the selected tab is in Tab order. */
export function Tabs({
  tabs,
  selected,
  onSelect,
  children,
}: {
  tabs: readonly TabSpec[];
  selected: string;
  onSelect: (id: string) => void;
  children: (id: string) => ComponentChildren;
}) {
  const move = (event: KeyboardEvent) => {
    const index = tabs.findIndex((tab) => tab.id === selected);
    const next =
      event.key === 'ArrowRight'
        ? (index + 1) % tabs.length
        : event.key === 'ArrowLeft'
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? tabs.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const id = tabs[next]?.id;
    if (id === undefined) return;
    onSelect(id);
    document.getElementById(`tab-${id}`)?.focus();
  };
  return (
    <>
      <div role="tablist" aria-label="Sections" onKeyDown={move}>
        {tabs.map((tab) => (
          <button
            key={tab.id}
            id={`tab-${tab.id}`}
            type="button"
            role="tab"
            aria-selected={tab.id === selected}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        id={`panel-${selected}`}
        role="tabpanel"
        aria-labelledby={`tab-${selected}`}
        style={{ padding: '12px 16px' }}
      >
        {children(selected)}
      </div>
    </>
  );
}

/**
 * Which environment a run acts in. Production is loud on purpose (every surface of a run shows it),
 * so a run meant for a sandbox is never mistaken for one on real data.
 */
export function EnvironmentBanner({
  environment,
  compact = false,
}: {
  environment: { name: string; production: boolean };
  compact?: boolean;
}) {
  return (
    <p
      class={environment.production ? 'environment production' : 'environment'}
      data-testid="run-environment"
      data-production={environment.production}
      role={environment.production ? 'note' : undefined}
    >
      {environment.production ? (
        <strong>
          Production: {environment.name}
          {compact ? '' : ' (real data: what this run does counts)'}
        </strong>
      ) : (
        <>Environment: {environment.name}</>
      )}
    </p>
  );
}

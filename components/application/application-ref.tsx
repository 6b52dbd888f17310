/**
 * The hidden fields every form on the application's page sends: which application, the version
 * it was seen in (a conflicting save is refused), and where a status change comes from.
 */
export function ApplicationRef({ id, version }: { id: number; version: number }) {
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="returnTo" value="/staff/applications" />
    </>
  );
}

/** The data an action sends, one row per field (secrets arrive already masked), as the confirmation window and a dry run show it. */
export function FormDataTable({
  fields,
  caption,
  testId,
}: {
  fields: readonly { name: string; value: string }[];
  caption?: string;
  testId?: string;
}) {
  return (
    <table data-testid={testId}>
      {caption && (
        <caption class="muted" style={{ textAlign: 'left' }}>
          {caption}
        </caption>
      )}
      <tbody>
        {fields.map((field, index) => (
          // A form may repeat a name (checkbox groups): the position keeps rows apart.
          <tr key={`${index}-${field.name}`}>
            <th scope="row" style={{ textAlign: 'left', paddingRight: '12px' }}>
              {field.name}
            </th>
            <td>{field.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

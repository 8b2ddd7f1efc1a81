import type { FigureTable } from '../../dashboard/figure-table';

/**
 * The chart's figures as a table that only screen readers meet: it stands in for the drawing, which
 * they skip. The wrapper hides it: a table grows to fit its cells whatever width it is given, and
 * would widen the page.
 */
export function FigureTableView({ table, caption }: { table: FigureTable; caption: string }) {
  return (
    <div className="visually-hidden">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            <tr key={index}>
              {row.map((figure, column) =>
                column === 0 ? (
                  <th key={column} scope="row">
                    {figure}
                  </th>
                ) : (
                  <td key={column}>{figure ?? '—'}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

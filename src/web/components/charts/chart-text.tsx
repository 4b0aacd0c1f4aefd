/**
 * What a chart says in words: its `<title>` (what it shows) and `<desc>` (every value it draws,
 * in the order drawn), tied to the `<svg role="img">` by `aria-labelledby` and
 * `aria-describedby`. A screen reader that reads the drawing hears the numbers, not only its
 * name; the figure's table holds the same numbers for those who open it.
 */
export interface ChartTextProps {
  /** The chart's id: the title is `<id>-title`, the description `<id>-desc`. */
  id: string;
  title: string;
  /** The values, each as "label: value". */
  parts: readonly string[];
}

/** The attributes that name and describe the chart's `<svg>`. */
export const chartAria = (id: string) =>
  ({
    role: 'img',
    'aria-labelledby': `${id}-title`,
    'aria-describedby': `${id}-desc`,
  }) as const;

export function ChartText({ id, title, parts }: ChartTextProps) {
  return (
    <>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{parts.join('; ')}</desc>
    </>
  );
}

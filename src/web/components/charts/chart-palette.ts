/**
 * The colours of a chart's series, each with at least 3:1 contrast on white (WCAG 1.4.11), and
 * a dash pattern per series for lines, so series stay apart for readers who do not see
 * colour. SVG attributes, not inline styles: the page's policy refuses inline styles.
 */
export interface SeriesLook {
  colour: string;
  /** `stroke-dasharray` of a line; undefined for a solid line. */
  dash: string | undefined;
}

const colours = ['#0b5d3b', '#1f5fa8', '#b04a00', '#6a3d9a', '#5f5f5f', '#a4000f'];
const dashes = [undefined, '6 3', '2 3', '8 3 2 3', '4 4', '1 3'];

/** The look of the `index`th series; it repeats after six. */
export function seriesLook(index: number): SeriesLook {
  return { colour: colours[index % colours.length]!, dash: dashes[index % dashes.length] };
}

/** The track behind a bar: where 100 % would be. */
export const trackColour = '#e6ebe8';
/** Grid lines. */
export const gridColour = '#c8c8c8';

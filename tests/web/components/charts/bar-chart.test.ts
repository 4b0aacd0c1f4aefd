import { describe, expect, it } from 'vitest';
import { BarChart } from '../../../../src/web/components/charts/bar-chart.js';
import { render, scriptName, textOf } from '../../screens/render-view.js';

const bars = [
  { label: 'Kent meer mensen in de buurt', value: 50, text: '50% van 2' },
  { label: 'Verhalen: wat het bracht', value: null, text: '3 antwoorden' },
  { label: 'Is actiever in de buurt', value: 100, text: '100% van 1' },
];

describe(BarChart.name, () => {
  it('draws a bar on a track per measured row, and only the text for the others', async () => {
    const svg = (
      await render(BarChart({ id: 'c', title: 'Ontmoeting', bars, max: 100 }))
    ).querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-labelledby')).toBe('c-title');
    expect(svg.getAttribute('width')).toBe('100%');
    expect(svg.getAttribute('viewBox')).toBe(`0 0 400 ${3 * 44 + 4}`);
    expect(textOf(svg.querySelector('title#c-title'))).toBe('Ontmoeting');
    // Every value in words, for a screen reader that reads the drawing.
    expect(svg.getAttribute('aria-describedby')).toBe('c-desc');
    expect(textOf(svg.querySelector('desc#c-desc'))).toBe(
      'Kent meer mensen in de buurt: 50% van 2; Verhalen: wat het bracht: 3 antwoorden; ' +
        'Is actiever in de buurt: 100% van 1',
    );
    const groups = svg.querySelectorAll('g');
    expect(groups.map((g) => g.querySelectorAll('rect').length)).toEqual([2, 0, 2]);
    // Half of the track, then the whole track (400 wide less the room for the text).
    expect(groups[0]!.querySelectorAll('rect')[1]!.getAttribute('width')).toBe('156');
    expect(groups[2]!.querySelectorAll('rect')[1]!.getAttribute('width')).toBe('312');
    expect(groups.map((g) => textOf(g.querySelector('text.value')))).toEqual([
      '50% van 2',
      '3 antwoorden',
      '100% van 1',
    ]);
    expect(textOf(groups[1]!.querySelector('title'))).toBe(
      'Verhalen: wat het bracht: 3 antwoorden',
    );
  });

  it('cuts a long label to the width of a phone, keeping it whole in the tooltip', async () => {
    const label = `${scriptName} ${'lang '.repeat(20)}`;
    const page = await render(
      BarChart({ id: 'c', title: 't', bars: [{ label, value: 1, text: '1' }], max: 2 }),
    );
    const shown = textOf(page.querySelector('g > text'));
    expect([...shown].length).toBeLessThanOrEqual(52);
    expect(page.querySelector('g > title')?.textContent).toContain(scriptName);
    expect(page.querySelectorAll('script')).toHaveLength(0);
  });
});

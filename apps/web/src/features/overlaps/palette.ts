// Colours: one per compared segment (distinct, colour-blind aware order), and the heatmap's scale.
export const setColors = ['#3451b2', '#d9822b', '#1d8a8a', '#c2367a', '#6b8e23', '#7b61c9', '#b42318', '#0f7bbf', '#8a5a00', '#4d5b6c', '#2e9e5b', '#a24bc4'];

export function setColor(index: number): string {
  return setColors[index % setColors.length]!;
}

/** From the muted surface (0) to the accent (1), linearly in RGB. */
export function heatColor(intensity: number): string {
  const from = [240, 242, 245];
  const to = [52, 81, 178];
  const t = Math.max(0, Math.min(1, intensity));
  const mix = from.map((f, i) => Math.round(f + (to[i]! - f) * t));
  return `rgb(${mix.join(',')})`;
}

/** Text on a cell: dark on light cells, white on dark ones. */
export function inkOn(intensity: number): string {
  return intensity > 0.55 ? '#ffffff' : '#1c2330';
}

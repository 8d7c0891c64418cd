// Series colours: the accent first, then hues that stay apart for common colour-vision differences.
export const seriesColors = ['#3451b2', '#d9730d', '#1d7a46', '#b42318', '#7c3aed', '#0e7490', '#8a5a00'] as const;

export function seriesColor(index: number): string {
  return seriesColors[index % seriesColors.length]!;
}

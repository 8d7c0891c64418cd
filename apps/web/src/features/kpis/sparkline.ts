// The SVG path of a tile's sparkline: points spread evenly across the width, scaled to the series' own
// range; periods without a value break the line.

export function sparklinePath(values: readonly (number | null)[], width: number, height: number, pad = 2): string {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return '';
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const span = max - min;
  const step = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  let path = '';
  let drawing = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      drawing = false;
      return;
    }
    const x = values.length > 1 ? pad + i * step : width / 2;
    // A flat series sits in the middle rather than on the floor.
    const y = span === 0 ? height / 2 : height - pad - ((v - min) / span) * (height - 2 * pad);
    path += `${drawing ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`;
    drawing = true;
  });
  return path;
}

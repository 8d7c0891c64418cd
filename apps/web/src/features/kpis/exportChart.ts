// Chart downloads in the browser: CSV text as a file, and an SVG chart drawn onto a canvas as PNG, with its
// title above and its legend below (recharts draws legends in HTML, which a canvas cannot copy).
import { saveBlob as downloadBlob } from '../../ui/download';

export { downloadBlob };

export function downloadCsv(csv: string, filename: string): void {
  // The byte-order mark makes spreadsheet apps read the file as UTF-8 (Japanese names survive).
  downloadBlob(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }), filename);
}

export interface PngDecorations {
  title: string;
  legend?: { name: string; color: string }[];
}

const SCALE = 2;
const PAD = 16;
const TITLE_HEIGHT = 28;
const LEGEND_HEIGHT = 24;

/** Renders an SVG element (as laid out on screen) to a PNG blob. */
export async function svgToPng(svg: SVGSVGElement, decorations: PngDecorations): Promise<Blob> {
  const { width, height } = svg.getBoundingClientRect();
  const style = getComputedStyle(svg);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  // Page CSS does not travel with the SVG: carry the font over explicitly.
  clone.setAttribute('style', `font-family: ${style.fontFamily}; font-size: ${style.fontSize}; background: #fff`);
  const source = new XMLSerializer().serializeToString(clone);
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(source)}`;
  await image.decode();

  const legendRows = decorations.legend?.length ? 1 : 0;
  const canvas = document.createElement('canvas');
  const totalWidth = width + 2 * PAD;
  const totalHeight = height + 2 * PAD + TITLE_HEIGHT + legendRows * LEGEND_HEIGHT;
  canvas.width = Math.ceil(totalWidth * SCALE);
  canvas.height = Math.ceil(totalHeight * SCALE);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, totalWidth, totalHeight);
  ctx.fillStyle = '#1c2330';
  ctx.font = `600 15px ${style.fontFamily}`;
  ctx.textBaseline = 'top';
  ctx.fillText(decorations.title, PAD, PAD);
  ctx.drawImage(image, PAD, PAD + TITLE_HEIGHT, width, height);
  if (decorations.legend?.length) {
    let x = PAD;
    const y = PAD + TITLE_HEIGHT + height + 6;
    ctx.font = `13px ${style.fontFamily}`;
    for (const item of decorations.legend) {
      ctx.fillStyle = item.color;
      ctx.fillRect(x, y + 2, 12, 12);
      ctx.fillStyle = '#1c2330';
      ctx.fillText(item.name, x + 18, y);
      x += 18 + ctx.measureText(item.name).width + 20;
    }
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** File names without characters that file systems refuse. */
export function safeFilename(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '') || 'chart';
}

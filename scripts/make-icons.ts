/** Draws the add-in icon (a teal tile with three rising bars and a target dot) as PNGs in assets/. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Colour of the design at a point of the unit square. */
function design(u: number, v: number): [number, number, number, number] {
  const r = 0.18;
  const dx = Math.max(r - u, 0, u - (1 - r));
  const dy = Math.max(r - v, 0, v - (1 - r));
  if (dx * dx + dy * dy > r * r) return [0, 0, 0, 0];
  const bars = [
    [0.2, 0.36, 0.62],
    [0.42, 0.58, 0.45],
    [0.64, 0.8, 0.28],
  ];
  for (const [x0, x1, top] of bars) if (u >= x0 && u <= x1 && v >= top && v <= 0.82) return [255, 255, 255, 255];
  const cx = 0.72;
  const cy = 0.16;
  if ((u - cx) ** 2 + (v - cy) ** 2 < 0.0081 && v < 0.25) return [255, 196, 61, 255];
  const t = v;
  return [Math.round(0 + 20 * t), Math.round(120 - 30 * t), Math.round(130 - 20 * t), 255];
}

const SAMPLES = 4;
for (const size of [16, 32, 64, 80, 128]) {
  const file = png(size, (x, y) => {
    const sum = [0, 0, 0, 0];
    for (let i = 0; i < SAMPLES; i++)
      for (let j = 0; j < SAMPLES; j++) {
        const c = design((x + (i + 0.5) / SAMPLES) / size, (y + (j + 0.5) / SAMPLES) / size);
        for (let k = 0; k < 3; k++) sum[k] += c[k] * c[3];
        sum[3] += c[3];
      }
    const a = sum[3] / (SAMPLES * SAMPLES);
    return sum[3] === 0
      ? [0, 0, 0, 0]
      : ([sum[0] / sum[3], sum[1] / sum[3], sum[2] / sum[3], a].map(Math.round) as [number, number, number, number]);
  });
  writeFileSync(join(__dirname, "..", "assets", `icon-${size}.png`), file);
}
console.log("assets/icon-{16,32,64,80,128}.png written");

// Specimen document images (clearly marked SPECIMEN) for demo data and tests; never used for real applications.
import sharp from 'sharp';

export type SpecimenKind = 'passport_photo' | 'id_front' | 'id_back';

const escape = (s: string) => s.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function specimenSvg(kind: SpecimenKind, name: { given: string; family: string }, width = 1800, height = 1260): string {
  const title = kind === 'passport_photo' ? 'PASSPORT · PASS · PASSEPORT' : kind === 'id_front' ? 'IDENTITY CARD' : 'IDENTITY CARD · BACK';
  const mrz = `P<UTO${name.family.toUpperCase().replace(/[^A-Z]/g, '')}<<${name.given.toUpperCase().replace(/[^A-Z]/g, '')}`.padEnd(44, '<').slice(0, 44);
  const face =
    kind === 'id_back'
      ? ''
      : `<rect x="90" y="300" width="420" height="540" fill="#c9d3de"/><circle cx="300" cy="500" r="120" fill="#9aa8b8"/><rect x="170" y="630" width="260" height="210" rx="100" fill="#9aa8b8"/>`;
  const fields =
    kind === 'id_back'
      ? `<text x="90" y="380" font-size="46" font-family="sans-serif" fill="#1b2a3a">Address: Specimen Street 1</text><text x="90" y="460" font-size="46" font-family="sans-serif" fill="#1b2a3a">Issued by: Utopia</text>`
      : `<text x="580" y="360" font-size="40" font-family="sans-serif" fill="#5a6b7d">Surname</text>
         <text x="580" y="420" font-size="60" font-family="sans-serif" fill="#1b2a3a">${escape(name.family.toUpperCase())}</text>
         <text x="580" y="510" font-size="40" font-family="sans-serif" fill="#5a6b7d">Given names</text>
         <text x="580" y="570" font-size="60" font-family="sans-serif" fill="#1b2a3a">${escape(name.given.toUpperCase())}</text>
         <text x="580" y="660" font-size="40" font-family="sans-serif" fill="#5a6b7d">Document no.</text>
         <text x="580" y="720" font-size="60" font-family="sans-serif" fill="#1b2a3a">X1234567</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 1800 1260">
    <rect width="1800" height="1260" fill="#eef3f8"/>
    <rect x="30" y="30" width="1740" height="1200" fill="none" stroke="#6b84a0" stroke-width="8"/>
    <text x="90" y="180" font-size="72" font-family="sans-serif" fill="#1b2a3a">${title}</text>
    ${face}${fields}
    <text x="90" y="1080" font-size="52" font-family="monospace" fill="#1b2a3a">${escape(mrz)}</text>
    <text x="520" y="980" font-size="150" font-family="sans-serif" fill="#c0392b" fill-opacity="0.35" transform="rotate(-12 900 900)">SPECIMEN</text>
  </svg>`;
}

/** A JPEG of a specimen document, like a phone photo of it. */
export async function specimenJpeg(kind: SpecimenKind, name = { given: 'Erika', family: 'Mustermann' }, width = 1800): Promise<Buffer> {
  const height = Math.round((width * 1260) / 1800);
  return sharp(Buffer.from(specimenSvg(kind, name, width, height))).jpeg({ quality: 85 }).toBuffer();
}

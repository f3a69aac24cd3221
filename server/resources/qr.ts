/**
 * QR codes for partner links, drawn on the server (no QR library in the browser). The package
 * loads with the first code drawn, not with every process.
 */
const qrcode = () => import('qrcode').then((m) => m.default);

/** How every code is drawn. */
const options = { errorCorrectionLevel: 'M' as const, margin: 2, color: { dark: '#000000', light: '#ffffff' } };

export const qrSvg = async (text: string): Promise<string> => (await qrcode()).toString(text, { ...options, type: 'svg' });

export const qrPng = async (text: string, size: number): Promise<Buffer> => (await qrcode()).toBuffer(text, { ...options, type: 'png', width: size });

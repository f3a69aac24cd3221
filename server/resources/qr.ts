import QRCode from 'qrcode';

/** QR codes for partner links, drawn on the server (no QR library in the browser). */
const options = { errorCorrectionLevel: 'M' as const, margin: 2, color: { dark: '#000000', light: '#ffffff' } };

export const qrSvg = (text: string): Promise<string> => QRCode.toString(text, { ...options, type: 'svg' });

export const qrPng = (text: string, size: number): Promise<Buffer> => QRCode.toBuffer(text, { ...options, type: 'png', width: size });

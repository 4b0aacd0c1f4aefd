/**
 * Pairing Bloei's number happens once, by a person at the server's terminal: wwebjs hands us
 * the QR payload and we draw it in the terminal with one line saying what to do with it.
 */
// qrcode-terminal is CommonJS without named ESM exports: use its default export.
import qrcode from 'qrcode-terminal';

/** Where the QR goes; `process.stdout` in production, a capture in tests. */
export interface TextOutput {
  write(text: string): unknown;
}

export const pairingInstructions =
  'WhatsApp: scan this QR code with the phone of Bloei’s number (WhatsApp → Settings → Linked devices → Link a device).';

export function printPairingQr(qr: string, output: TextOutput): void {
  qrcode.generate(qr, { small: true }, (drawing) => {
    output.write(`${drawing.replace(/\n+$/, '')}\n${pairingInstructions}\n`);
  });
}

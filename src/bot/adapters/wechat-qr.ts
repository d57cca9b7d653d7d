import { qrcodeValueToImageUrl } from 'wechaty';

/**
 * Shows the WeChat login QR code in the terminal. The `qrcode` package arrives with wechaty
 * (through file-box); if it is ever missing, the link alone still works: open it and scan.
 */
export function printLoginQr(qrcode: string, write: (s: string) => void = (s) => process.stdout.write(s)): void {
  void renderQr(qrcode).then((art) => {
    const lines = ['', '请用要登录机器人的微信扫描下面的二维码（手机上确认登录）：', art, `无法显示时请在浏览器打开：${qrcodeValueToImageUrl(qrcode)}`];
    write(lines.filter((l) => l !== undefined).join('\n') + '\n');
  });
}

async function renderQr(text: string): Promise<string | undefined> {
  try {
    // A computed specifier keeps tsc from demanding types for a package we do not depend on directly.
    const specifier = 'qrcode';
    const qr = (await import(specifier)) as { toString(text: string, opts: object): Promise<string> };
    return await qr.toString(text, { type: 'terminal', small: true });
  } catch {
    return undefined;
  }
}

/**
 * A local stand-in for ORCA's API server on the clinic LAN (ORCA itself cannot be installed
 * here): it checks HTTP Basic and answers patientmodv2 the way the spec documents — xml2
 * `<xmlio2><patientmodres type="record">` with Api_Result, Api_Result_Message and warnings.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour = 'ok' | 'warnings' | 'error' | 'silent' | 'not_orca';

export interface Received {
  method: string;
  url: string;
  contentType: string | undefined;
  authorization: string | undefined;
  body: string;
}

export function orcaAnswer(o: { result: string; message: string; patientId?: string; warnings?: string[] }): string {
  const warnings = (o.warnings ?? [])
    .map(
      (w) =>
        `      <Api_Warning_Message_Information_child type="record">\n        <Api_Warning_Message type="string">${w}</Api_Warning_Message>\n      </Api_Warning_Message_Information_child>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<xmlio2>
  <patientmodres type="record">
    <Information_Date type="string">2026-12-06</Information_Date>
    <Information_Time type="string">10:15:00</Information_Time>
    <Api_Result type="string">${o.result}</Api_Result>
    <Api_Result_Message type="string">${o.message}</Api_Result_Message>
    <Reskey type="string">Patient Info</Reskey>
    <Patient_Information type="record">
      <Patient_ID type="string">${o.patientId ?? ''}</Patient_ID>
    </Patient_Information>
${warnings ? `    <Api_Warning_Message_Information type="array">\n${warnings}\n    </Api_Warning_Message_Information>\n` : ''}  </patientmodres>
</xmlio2>
`;
}

export class FakeOrca {
  behaviour: Behaviour = 'ok';
  readonly received: Received[] = [];
  private server: Server | undefined;
  constructor(
    readonly user = 'ormaster',
    readonly password = 'ormaster',
  ) {}

  async start(): Promise<string> {
    this.server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.received.push({
          method: req.method ?? '',
          url: req.url ?? '',
          contentType: req.headers['content-type'],
          authorization: req.headers.authorization,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const expected = `Basic ${Buffer.from(`${this.user}:${this.password}`).toString('base64')}`;
        if (req.headers.authorization !== expected) {
          res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="ORCA"' });
          return res.end();
        }
        if (this.behaviour === 'silent') return; // accepts and never answers
        if (this.behaviour === 'not_orca') {
          res.writeHead(200, { 'Content-Type': 'text/html' });
          return res.end('<html>router login</html>');
        }
        res.writeHead(200, { 'Content-Type': 'application/xml; charset=UTF-8' });
        if (this.behaviour === 'error')
          return res.end(orcaAnswer({ result: '12', message: '保険者番号が存在しません' }));
        if (this.behaviour === 'warnings')
          return res.end(
            orcaAnswer({
              result: '00',
              message: '登録終了',
              patientId: '00042',
              warnings: ['患者カナ氏名に半角文字があります'],
            }),
          );
        res.end(orcaAnswer({ result: '00', message: '登録終了', patientId: '00042' }));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }
}

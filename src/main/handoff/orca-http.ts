/**
 * Sending a built request to ORCA on the clinic LAN: POST with HTTP Basic, xml2 in UTF-8, one
 * attempt (registering a patient is not idempotent: a retry could register them twice). Every
 * way it can end is one code; nothing here throws.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { HandoffCode } from '../../shared/handoff/handoff.ts';
import { isOrcaSuccess, parseOrcaAnswer } from './orca-response.ts';

export interface OrcaEndpoint {
  /** Base address, e.g. http://192.168.1.10:8000 or https://weborca.example/api. */
  url: string;
  user: string;
  password: string;
  timeoutMs: number;
}

export interface OrcaHttpOutcome {
  code: Extract<
    HandoffCode,
    | 'ok'
    | 'warnings'
    | 'api_error'
    | 'unauthorized'
    | 'timeout'
    | 'refused'
    | 'unreachable'
    | 'http_error'
    | 'bad_response'
  >;
  httpStatus?: number;
  apiResult?: string;
  apiMessage?: string;
  apiWarnings: string[];
  patientId?: string;
}

const MAX_ANSWER_BYTES = 1024 * 1024;

/** The endpoint's base joined with the API path (`/orca12/patientmodv2?class=01`). */
export function orcaUrl(base: string, path: string): URL {
  const u = new URL(base);
  return new URL(`${u.origin}${u.pathname.replace(/\/+$/, '')}${path}`);
}

export function postToOrca(endpoint: OrcaEndpoint, path: string, xml: string): Promise<OrcaHttpOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (o: OrcaHttpOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
    let url: URL;
    try {
      url = orcaUrl(endpoint.url, path);
    } catch {
      return done({ code: 'unreachable', apiWarnings: [] });
    }
    const body = Buffer.from(xml, 'utf8');
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/xml; charset=UTF-8',
        'Content-Length': body.length,
        Authorization: `Basic ${Buffer.from(`${endpoint.user}:${endpoint.password}`, 'utf8').toString('base64')}`,
      },
    });
    // One deadline for the whole exchange: a server that accepts and then says nothing is a timeout too.
    const timer = setTimeout(() => {
      done({ code: 'timeout', apiWarnings: [] });
      req.destroy();
    }, endpoint.timeoutMs);
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNREFUSED') done({ code: 'refused', apiWarnings: [] });
      else if (e.code === 'ETIMEDOUT') done({ code: 'timeout', apiWarnings: [] });
      else done({ code: 'unreachable', apiWarnings: [] });
    });
    req.on('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_ANSWER_BYTES) {
          done({ code: 'bad_response', httpStatus: res.statusCode ?? 0, apiWarnings: [] });
          req.destroy();
        } else chunks.push(c);
      });
      res.on('error', () => done({ code: 'unreachable', apiWarnings: [] }));
      res.on('end', () => {
        const httpStatus = res.statusCode ?? 0;
        if (httpStatus === 401) return done({ code: 'unauthorized', httpStatus, apiWarnings: [] });
        if (httpStatus < 200 || httpStatus >= 300) return done({ code: 'http_error', httpStatus, apiWarnings: [] });
        const answer = parseOrcaAnswer(Buffer.concat(chunks).toString('utf8'));
        if (!answer) return done({ code: 'bad_response', httpStatus, apiWarnings: [] });
        const fields = {
          httpStatus,
          apiResult: answer.apiResult,
          ...(answer.apiMessage ? { apiMessage: answer.apiMessage } : {}),
          ...(answer.patientId ? { patientId: answer.patientId } : {}),
          apiWarnings: answer.warnings,
        };
        if (!isOrcaSuccess(answer.apiResult)) return done({ code: 'api_error', ...fields });
        done({ code: answer.warnings.length > 0 ? 'warnings' : 'ok', ...fields });
      });
    });
    req.end(body);
  });
}

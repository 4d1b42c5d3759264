/**
 * The local AWS endpoint of the offline plan (127.0.0.1, a free port). Every API call the
 * provider makes during the plan comes here, never to AWS. It answers the calls a plan makes that
 * have no meaningful account state, running the provider's real request and response code:
 * Secrets Manager's GetRandomPassword (opened by `ephemeral "aws_secretsmanager_random_password"`).
 * Any other call gets an error that names it, which the run reports as a limit of the offline plan.
 */
import { randomInt } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** Marks errors of the local endpoint in the provider's messages, so they are told from real ones. */
export const OFFLINE_ERROR_CODE = 'EcsformOfflinePlan';

export interface EndpointCall {
  /** `secretsmanager.GetRandomPassword`, `Action=DescribeVpcs`, or `GET /path` for REST APIs. */
  readonly operation: string;
  readonly answered: boolean;
}

export interface LocalEndpoint {
  readonly url: string;
  readonly calls: readonly EndpointCall[];
  close(): Promise<void>;
}

export async function startLocalEndpoint(): Promise<LocalEndpoint> {
  const calls: EndpointCall[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const target = request.headers['x-amz-target'];
      const operation = typeof target === 'string' ? target : queryAction(body) ?? `${request.method ?? 'GET'} ${request.url ?? '/'}`;
      const answer = typeof target === 'string' ? answerJson(target, body) : undefined;
      calls.push({ operation, answered: answer !== undefined });
      if (answer !== undefined) {
        response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        response.end(JSON.stringify(answer));
        return;
      }
      const message = `the offline plan does not answer ${operation}; only AWS can`;
      if (typeof target === 'string') {
        response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': OFFLINE_ERROR_CODE });
        response.end(JSON.stringify({ __type: OFFLINE_ERROR_CODE, message }));
      } else {
        response.writeHead(400, { 'content-type': 'text/xml' });
        response.end(`<ErrorResponse><Error><Type>Sender</Type><Code>${OFFLINE_ERROR_CODE}</Code><Message>${message}</Message></Error><RequestId>0</RequestId></ErrorResponse>`);
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function queryAction(body: string): string | undefined {
  const action = new URLSearchParams(body).get('Action');
  return action ? `Action=${action}` : undefined;
}

/** Answers of the JSON-protocol operations the endpoint knows; undefined for any other. */
function answerJson(target: string, body: string): object | undefined {
  if (target === 'secretsmanager.GetRandomPassword') {
    const request = parseJson(body);
    const length = typeof request['PasswordLength'] === 'number' ? request['PasswordLength'] : 32;
    return { RandomPassword: randomPassword(Math.min(Math.max(length, 1), 4096)) };
  }
  return undefined;
}

function parseJson(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random, never stored: the plan only needs a value of the right shape. */
function randomPassword(length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

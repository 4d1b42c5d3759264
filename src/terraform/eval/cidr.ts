/** `cidrsubnet` and `cidrhost` for IPv4 (IPv6 prefixes evaluate to unknown). */
import { Unknown } from '../unknown.js';
import { EvaluationError } from './values.js';

interface Prefix {
  readonly address: number;
  readonly length: number;
}

function parsePrefix(text: string): Prefix {
  if (text.includes(':')) throw new Unknown(`IPv6 prefix ${text} is not evaluated offline`);
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text);
  if (!match) throw new EvaluationError(`Invalid CIDR prefix "${text}".`);
  const octets = match.slice(1, 5).map(Number);
  const length = Number(match[5]);
  if (octets.some((o) => o > 255) || length > 32) throw new EvaluationError(`Invalid CIDR prefix "${text}".`);
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  return { address, length };
}

function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join('.');
}

function networkOf(prefix: Prefix): number {
  const hostSize = 2 ** (32 - prefix.length);
  return Math.floor(prefix.address / hostSize) * hostSize;
}

export function cidrSubnet(prefixText: string, newBits: number, netNum: number): string {
  const prefix = parsePrefix(prefixText);
  const length = prefix.length + newBits;
  if (!Number.isInteger(newBits) || newBits < 0 || length > 32) throw new EvaluationError(`Insufficient address space to extend prefix of ${prefix.length} by ${newBits}.`);
  if (!Number.isInteger(netNum) || netNum < 0 || netNum >= 2 ** newBits) throw new EvaluationError(`Prefix extension of ${newBits} does not accommodate a subnet numbered ${netNum}.`);
  const subnet = networkOf(prefix) + netNum * 2 ** (32 - length);
  return `${formatAddress(subnet)}/${length}`;
}

export function cidrHost(prefixText: string, hostNum: number): string {
  const prefix = parsePrefix(prefixText);
  const size = 2 ** (32 - prefix.length);
  const index = hostNum < 0 ? size + hostNum : hostNum;
  if (!Number.isInteger(index) || index < 0 || index >= size) throw new EvaluationError(`Prefix of ${prefix.length} does not accommodate a host numbered ${hostNum}.`);
  return formatAddress(networkOf(prefix) + index);
}

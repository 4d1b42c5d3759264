/**
 * `ports` and `expose`. The short syntax is `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]` as
 * parsed by docker/go-connections (`ParsePortSpec`): port ranges expand to one mapping per port,
 * a host range with a single container port keeps the range start, IPv6 host IPs are bracketed.
 * A range is measured before it is expanded: past MAX_PORTS_PER_SERVICE it is refused at its line.
 */
import { isIP } from 'node:net';
import type { Located, PortMapping } from '../types.js';
import type { FindingCollector } from './findings.js';
import { childPath, itemPath } from './paths.js';
import { readString, readSeq } from './read.js';
import { scalarText, valueOf, type SourceMap, type SourceNode } from './source-tree.js';

type PortFields = Omit<PortMapping, 'at' | 'path'>;
type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const PROTOCOLS = ['tcp', 'udp', 'sctp'] as const;

/**
 * Mappings per service in `ports` (and ports in `expose`). Each becomes a port mapping in the task
 * definition and an inbound rule for every caller's security group; AWS allows 60 inbound rules
 * per security group by default, and real services publish a handful of ports.
 */
export const MAX_PORTS_PER_SERVICE = 100;
const LIMIT_HINT = `ecsform maps each port of a range separately, up to ${MAX_PORTS_PER_SERVICE} per service (a security group holds 60 inbound rules by default). List only the ports the service listens on.`;
const SHORT_SYNTAX_HINT = 'Write a port as "[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]", e.g. "8080:80", "127.0.0.1:8080:80/udp" or "9000-9002:9000-9002".';

export function normalizePorts(node: SourceNode | undefined, path: string, findings: FindingCollector): PortMapping[] {
  const list = readSeq(node, path, findings, 'Write ports as a list, e.g. `ports: ["8080:80"]`.');
  if (!list) return [];
  const mappings: PortMapping[] = [];
  const identities: string[] = [];
  let refused = false;
  list.items.forEach((item, i) => {
    if (refused) return;
    const itemAt = itemPath(path, i);
    const fieldsList = portItem(item, itemAt, findings, MAX_PORTS_PER_SERVICE - mappings.length);
    if (fieldsList === 'too-many') {
      refused = true;
      findings.report({ code: 'COMPOSE_LIMIT', at: item.at, path: itemAt, message: `${path}: more than ${MAX_PORTS_PER_SERVICE} port mappings with ${itemAt} (${JSON.stringify(scalarTextOf(item))}).`, hint: LIMIT_HINT });
      return;
    }
    for (const fields of fieldsList) {
      const mapping: PortMapping = { at: item.at, path: itemAt, ...fields };
      // Identical mappings collapse, the later one taking the earlier one's place (as compose-go).
      const identity = `${fields.hostIp ?? ''}|${fields.published ?? ''}|${fields.target}|${fields.protocol}`;
      const existing = identities.indexOf(identity);
      if (existing >= 0) {
        mappings[existing] = mapping;
      } else {
        identities.push(identity);
        mappings.push(mapping);
      }
    }
  });
  return mappings;
}

function scalarTextOf(item: SourceNode): string {
  return item.kind === 'scalar' ? scalarText(item).trim() : item.kind;
}

function portItem(item: SourceNode, path: string, findings: FindingCollector, room: number): PortFields[] | 'too-many' {
  if (item.kind === 'map') return longPort(item, path, findings);
  if (item.kind === 'seq' || item.value === null) {
    findings.report({ code: 'COMPOSE_TYPE', at: item.at, path, message: `${path} must be a port string, a number or a mapping with \`target\`.`, hint: SHORT_SYNTAX_HINT });
    return [];
  }
  const spec = scalarText(item).trim();
  const parsed = parsePortSpec(spec, room);
  if (parsed === 'too-many') return parsed;
  if (!parsed.ok) {
    findings.report({ code: 'COMPOSE_PORT_INVALID', at: item.at, path, message: `${path}: ${JSON.stringify(spec)} is not a valid port mapping: ${parsed.reason}.`, hint: SHORT_SYNTAX_HINT });
    return [];
  }
  return [...parsed.value];
}

/** Parses one short-syntax port specification into the mappings it stands for, if there are at most `room`. */
export function parsePortSpec(spec: string, room: number): Parsed<readonly PortFields[]> | 'too-many' {
  const parts = spec.split(':');
  const containerPart = parts[parts.length - 1] ?? '';
  const hostPart = parts.length >= 2 ? (parts[parts.length - 2] ?? '') : '';
  let hostIp = parts.length >= 3 ? parts.slice(0, parts.length - 2).join(':') : '';
  const slash = containerPart.indexOf('/');
  const containerPort = slash < 0 ? containerPart : containerPart.slice(0, slash);
  const protocol = (slash < 0 ? '' : containerPart.slice(slash + 1)).toLowerCase() || 'tcp';
  if (hostIp.startsWith('[') && hostIp.endsWith(']')) hostIp = hostIp.slice(1, -1);
  if (hostIp !== '' && isIP(hostIp) === 0) return { ok: false, reason: `${JSON.stringify(hostIp)} is not an IP address` };
  if (containerPort === '') return { ok: false, reason: 'no container port is given' };
  if (!isProtocol(protocol)) return { ok: false, reason: `the protocol ${JSON.stringify(protocol)} is not tcp, udp or sctp` };
  const target = parseRange(containerPort);
  if (!target.ok) return target;
  const published = hostPart === '' ? undefined : parseRange(hostPart);
  if (published && !published.ok) return published;
  const [targetStart, targetEnd] = target.value;
  const hostRange = published?.value;
  if (hostRange && targetEnd !== targetStart && hostRange[1] - hostRange[0] !== targetEnd - targetStart) {
    return { ok: false, reason: 'the host and container port ranges have different sizes' };
  }
  if (targetEnd - targetStart + 1 > room) return 'too-many';
  const mappings: PortFields[] = [];
  for (let port = targetStart; port <= targetEnd; port++) {
    const publishedPort = hostRange ? hostRange[0] + (port - targetStart) : undefined;
    mappings.push({ target: port, protocol, ...(publishedPort !== undefined ? { published: publishedPort } : {}), ...(hostIp !== '' ? { hostIp } : {}) });
  }
  return { ok: true, value: mappings };
}

function longPort(item: SourceMap, path: string, findings: FindingCollector): PortFields[] {
  const report = (field: string, message: string): [] => {
    const node = valueOf(item, field) ?? item;
    findings.report({ code: 'COMPOSE_PORT_INVALID', at: node.at, path: childPath(path, field), message, hint: 'A long-syntax port needs `target` (1-65535); `published` is a port or a range, `protocol` is tcp, udp or sctp.' });
    return [];
  };
  const targetText = readString(valueOf(item, 'target'), childPath(path, 'target'), findings);
  if (!targetText) {
    findings.report({ code: 'COMPOSE_FIELD_MISSING', at: item.at, path, message: `${path} has no \`target\` (the container port).`, hint: 'Add `target: <container port>` to the port mapping.' });
    return [];
  }
  const target = parseRange(targetText.value);
  if (!target.ok || target.value[0] !== target.value[1]) return report('target', `${path}.target: ${JSON.stringify(targetText.value)} is not a port number${target.ok ? '' : `: ${target.reason}`}.`);
  const publishedText = readString(valueOf(item, 'published'), childPath(path, 'published'), findings)?.value ?? '';
  const published = publishedText === '' ? undefined : parseRange(publishedText);
  if (published && !published.ok) return report('published', `${path}.published: ${JSON.stringify(publishedText)} is not a port or port range: ${published.reason}.`);
  const protocol = (readString(valueOf(item, 'protocol'), childPath(path, 'protocol'), findings)?.value ?? 'tcp').toLowerCase();
  if (!isProtocol(protocol)) return report('protocol', `${path}.protocol: ${JSON.stringify(protocol)} is not tcp, udp or sctp.`);
  const hostIp = readString(valueOf(item, 'host_ip'), childPath(path, 'host_ip'), findings)?.value;
  if (hostIp !== undefined && isIP(hostIp) === 0) return report('host_ip', `${path}.host_ip: ${JSON.stringify(hostIp)} is not an IP address.`);
  const appProtocol = readString(valueOf(item, 'app_protocol'), childPath(path, 'app_protocol'), findings)?.value;
  const name = readString(valueOf(item, 'name'), childPath(path, 'name'), findings)?.value;
  return [
    {
      target: target.value[0],
      protocol,
      ...(published?.ok ? { published: published.value[0] } : {}),
      ...(hostIp !== undefined ? { hostIp } : {}),
      ...(appProtocol !== undefined ? { appProtocol } : {}),
      ...(name !== undefined ? { name } : {}),
    },
  ];
}

/** `expose` entries: ports or ranges, optionally with a protocol, expanded to port numbers. */
export function normalizeExpose(node: SourceNode | undefined, path: string, findings: FindingCollector): Array<Located<number>> {
  const list = readSeq(node, path, findings, 'Write expose as a list, e.g. `expose: ["3000"]`.');
  if (!list) return [];
  const ports: Array<Located<number>> = [];
  let refused = false;
  list.items.forEach((item, i) => {
    if (refused) return;
    const itemAt = itemPath(path, i);
    const text = readString(item, itemAt, findings)?.value.trim();
    if (text === undefined) return;
    const match = /^([^/]+)(?:\/([a-z]+))?$/i.exec(text);
    const range = match?.[1] ? parseRange(match[1]) : undefined;
    if (!match || !range?.ok || (match[2] !== undefined && !isProtocol(match[2].toLowerCase()))) {
      findings.report({ code: 'COMPOSE_PORT_INVALID', at: item.at, path: itemAt, message: `${itemAt}: ${JSON.stringify(text)} is not a port, port range or port/protocol.`, hint: 'Write an exposed port as "3000", "3000-3005" or "3000/udp".' });
      return;
    }
    if (range.value[1] - range.value[0] + 1 > MAX_PORTS_PER_SERVICE - ports.length) {
      refused = true;
      findings.report({ code: 'COMPOSE_LIMIT', at: item.at, path: itemAt, message: `${path}: more than ${MAX_PORTS_PER_SERVICE} exposed ports with ${itemAt} (${JSON.stringify(text)}).`, hint: LIMIT_HINT });
      return;
    }
    for (let port = range.value[0]; port <= range.value[1]; port++) ports.push({ value: port, at: item.at, path: itemAt });
  });
  return ports;
}

function parseRange(text: string): Parsed<readonly [number, number]> {
  const match = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!match) return { ok: false, reason: `${JSON.stringify(text)} is not a port number or range` };
  const start = Number(match[1]);
  const end = match[2] === undefined ? start : Number(match[2]);
  for (const port of [start, end]) {
    if (port < 1 || port > 65535) return { ok: false, reason: `port ${port} is out of the range 1-65535` };
  }
  if (end < start) return { ok: false, reason: `the range ${text} ends before it starts` };
  return { ok: true, value: [start, end] };
}

function isProtocol(protocol: string): protocol is PortMapping['protocol'] {
  return (PROTOCOLS as readonly string[]).includes(protocol);
}

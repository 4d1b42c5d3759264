/** Terraform's `format` (a subset of Go's fmt verbs): %v %#v %t %d %f %e %g %s %q %x %X %o %b %%. */
import { jsonEncode } from './json.js';
import { asBool, asNumber, asString, EvaluationError, isList, isObject, type Value } from './values.js';

const VERB = /%(\[(\d+)\])?([-+ 0#]*)(\d+)?(?:\.(\d+))?([a-zA-Z%])/g;

export function formatValues(spec: string, args: readonly Value[]): string {
  let next = 0;
  const out = spec.replace(VERB, (_match, _explicit: string | undefined, index: string | undefined, flags: string, width: string | undefined, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    const position = index !== undefined ? Number(index) - 1 : next;
    next = position + 1;
    if (position >= args.length) throw new EvaluationError(`format: not enough arguments for "${spec}".`);
    const arg = args[position]!;
    if (arg === null) throw new EvaluationError('format: null value cannot be formatted.');
    const body = formatOne(arg, verb, flags, precision === undefined ? undefined : Number(precision));
    return pad(body, flags, width === undefined ? 0 : Number(width), verb);
  });
  return out;
}

function formatOne(arg: Value, verb: string, flags: string, precision: number | undefined): string {
  switch (verb) {
    case 'v':
      if (flags.includes('#') || isList(arg) || isObject(arg)) return jsonEncode(arg);
      return asString(arg);
    case 't':
      return asBool(arg) ? 'true' : 'false';
    case 'd':
      return withSign(Math.trunc(asNumber(arg)).toString(), flags);
    case 'f':
      return withSign(asNumber(arg).toFixed(precision ?? 6), flags);
    case 'e':
      return withSign(goExponent(asNumber(arg).toExponential(precision ?? 6)), flags);
    case 'g':
      return withSign(precision === undefined ? String(asNumber(arg)) : asNumber(arg).toPrecision(precision), flags);
    case 's': {
      const text = asString(arg);
      return precision === undefined ? text : [...text].slice(0, precision).join('');
    }
    case 'q':
      return JSON.stringify(asString(arg));
    case 'x':
      return typeof arg === 'number' ? Math.trunc(arg).toString(16) : Buffer.from(asString(arg)).toString('hex');
    case 'X':
      return typeof arg === 'number' ? Math.trunc(arg).toString(16).toUpperCase() : Buffer.from(asString(arg)).toString('hex').toUpperCase();
    case 'o':
      return Math.trunc(asNumber(arg)).toString(8);
    case 'b':
      return Math.trunc(asNumber(arg)).toString(2);
    default:
      throw new EvaluationError(`format: unsupported verb %${verb}.`);
  }
}

function withSign(text: string, flags: string): string {
  if (text.startsWith('-')) return text;
  if (flags.includes('+')) return `+${text}`;
  if (flags.includes(' ')) return ` ${text}`;
  return text;
}

/** JavaScript writes `1e+2`, Go `1e+02`. */
function goExponent(text: string): string {
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

function pad(text: string, flags: string, width: number, verb: string): string {
  const length = [...text].length;
  if (length >= width) return text;
  const fill = width - length;
  if (flags.includes('-')) return text + ' '.repeat(fill);
  if (flags.includes('0') && 'dfegxXob'.includes(verb)) {
    const sign = /^[+\- ]/.test(text) ? text[0]! : '';
    return sign + '0'.repeat(fill) + text.slice(sign.length);
  }
  return ' '.repeat(fill) + text;
}

/**
 * The one fake AWS account the offline plan runs in: an account id, credentials that AWS itself
 * publishes as examples, and identifiers of the shapes the provider validates (ARNs, vpc-, subnet-,
 * sg- ids). Nothing here is real; every value is recognisably a placeholder.
 */

export const FAKE_ACCOUNT_ID = '123456789012';
/** AWS's documented example access key pair: it signs requests, and no account accepts it. */
export const FAKE_ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
export const FAKE_SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

export const FAKE_IDS = {
  vpc: 'vpc-0123456789abcdef0',
  subnets: ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'],
  securityGroup: 'sg-0123456789abcdef0',
  hostedZone: 'Z0123456789ABCDEFGHIJ',
  uuid: '0a1b2c3d-0000-1111-2222-333344445555',
  ami: 'ami-0123456789abcdef0',
  efs: 'fs-0123456789abcdef0',
} as const;

export const FAKE_DOMAIN = 'app.example.com';

/** `arn:aws:<service>:<region>:<account>:<resource>`; IAM and other global services have no region. */
export function fakeArn(service: string, region: string, resource: string): string {
  const global = service === 'iam' || service === 'cloudfront' || service === 'route53';
  return `arn:aws:${service}:${global ? '' : region}:${FAKE_ACCOUNT_ID}:${resource}`;
}

/** The first availability zones of a region: `<region>a`, `<region>b`, ... */
export function fakeZones(region: string, count = 3): { names: string[]; zoneIds: string[] } {
  const letters = 'abcdef'.slice(0, count).split('');
  const short = region.replace(/^(\w\w)-(\w)\w*-(\d+)$/, '$1$2$3');
  return { names: letters.map((l) => `${region}${l}`), zoneIds: letters.map((_, i) => `${short}-az${i + 1}`) };
}

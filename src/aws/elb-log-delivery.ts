/**
 * Who writes Application Load Balancer access logs into the bucket. Regions opened before August
 * 2022 deliver them from a regional Elastic Load Balancing account (what `data
 * "aws_elb_service_account"` returns; the data source fails in any other region); regions opened
 * since deliver them from the `logdelivery.elasticloadbalancing.amazonaws.com` service principal.
 * Source: Elastic Load Balancing user guide, "Enable access logs for your Application Load
 * Balancer", step 2; the region list is the one hashicorp/aws 5.100 knows an account for (it is
 * closed: no region opened since has one).
 */
export const ELB_ACCOUNT_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ca-central-1',
  'cn-north-1',
  'cn-northwest-1',
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'me-south-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-gov-east-1',
  'us-gov-west-1',
  'us-west-1',
  'us-west-2',
] as const;

export const ELB_LOG_DELIVERY_PRINCIPAL = 'logdelivery.elasticloadbalancing.amazonaws.com';

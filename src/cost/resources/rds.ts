/**
 * `aws_db_instance`: instance hours by engine and class (the price file lists a few), and gp3
 * storage; Multi-AZ doubles both. A part without a price is listed as not estimated, never guessed.
 */
import { isUnknown, readBool, readNumber, readString } from '../../terraform/index.js';
import type { CostComponent } from '../types.js';
import { charge, chargeAt, hours, type ChargeSpec, type ResourceEstimator } from './estimator.js';

export const estimateDbInstance: ResourceEstimator = (ctx) => {
  const engine = readString(ctx, 'engine');
  const instanceClass = readString(ctx, 'instance_class');
  const multiAz = readBool(ctx, 'multi_az') ?? false;
  const storage = readNumber(ctx, 'allocated_storage');
  const storageType = readString(ctx, 'storage_type');
  const components: CostComponent[] = [];
  const notEstimated: string[] = [];
  if (isUnknown(multiAz)) return multiAz;
  const twice: ChargeSpec['factor'] = multiAz ? { value: 2, why: 'Multi-AZ: a standby doubles the price', isAssumption: false } : undefined;
  const az = multiAz ? 'Multi-AZ' : 'Single-AZ';

  if (engine === undefined || instanceClass === undefined) notEstimated.push(`instance hours: ${engine === undefined ? 'engine' : 'instance_class'} is not set`);
  else if (isUnknown(engine)) notEstimated.push(`instance hours: ${engine.why}`);
  else if (isUnknown(instanceClass)) notEstimated.push(`instance hours: ${instanceClass.why}`);
  else {
    const key = `${engine}/${instanceClass}`;
    const price = ctx.prices.rdsInstanceHours[key];
    if (!price) notEstimated.push(`instance hours: no price for ${engine} ${instanceClass} in the price file (it lists ${Object.keys(ctx.prices.rdsInstanceHours).join(', ')})`);
    else components.push(chargeAt(price, `rdsInstanceHours.${key}`, { service: 'RDS', name: `${instanceClass} ${engine} (${az})`, quantity: hours(ctx), ...(twice ? { factor: twice } : {}) }));
  }

  if (storage === undefined) notEstimated.push('storage: allocated_storage is not set');
  else if (isUnknown(storage)) notEstimated.push(`storage: ${storage.why}`);
  else if (storageType === undefined) notEstimated.push('storage: storage_type is not set, so the RDS default decides its price; set storage_type = "gp3"');
  else if (isUnknown(storageType)) notEstimated.push(`storage: ${storageType.why}`);
  else if (storageType !== 'gp3') notEstimated.push(`storage: no price for storage_type ${storageType} in the price file`);
  else components.push(charge(ctx.prices, 'rds.gp3.gb_month', { service: 'RDS', name: `gp3 storage (${az})`, quantity: storage, ...(twice ? { factor: twice } : {}) }));

  return { components, notEstimated };
};

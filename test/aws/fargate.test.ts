import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeMemoryValues, isValidFargateSize, smallestFargateSize, validMemoryFor } from '../../src/aws/fargate.js';

test('the Fargate table accepts exactly the documented pairs', () => {
  assert.equal(isValidFargateSize(256, 512), true);
  assert.equal(isValidFargateSize(256, 2048), true);
  assert.equal(isValidFargateSize(256, 3072), false);
  assert.equal(isValidFargateSize(512, 4096), true);
  assert.equal(isValidFargateSize(512, 5120), false);
  assert.equal(isValidFargateSize(4096, 30720), true);
  assert.equal(isValidFargateSize(8192, 20480), true);
  assert.equal(isValidFargateSize(8192, 18432), false, '8 vCPU memory moves in 4 GiB steps');
  assert.equal(isValidFargateSize(16384, 122880), true);
  assert.equal(isValidFargateSize(300, 512), false);
  assert.deepEqual(validMemoryFor(1024), [2048, 3072, 4096, 5120, 6144, 7168, 8192]);
});

test('Compose resource requests round up to the smallest size that fits', () => {
  assert.deepEqual(smallestFargateSize(250, 300), { cpuUnits: 256, memoryMiB: 512 });
  assert.deepEqual(smallestFargateSize(256, 2500), { cpuUnits: 512, memoryMiB: 3072 });
  assert.deepEqual(smallestFargateSize(1500, 1000), { cpuUnits: 2048, memoryMiB: 4096 });
  assert.equal(smallestFargateSize(20000, 512), undefined);
});

test('memory values are listed readably in messages', () => {
  assert.equal(describeMemoryValues([512, 1024, 2048]), '512, 1024 or 2048');
  assert.equal(describeMemoryValues(validMemoryFor(1024)!), '2048 to 8192 in steps of 1024');
});

/**
 * Property tests against HashiCorp's own code (compiled to wasm): for many generated documents,
 * hclwrite's formatter must leave our output unchanged, HCL's parser must accept it, and our
 * parser must read back the document we wrote.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parseHcl } from '../../src/hcl/parser.js';
import { checkSyntax, formatHcl, warmUp } from '../../src/hcl/wasm.js';
import { writeHcl } from '../../src/hcl/writer.js';
import { normalize, withoutImplicitBlankLines } from './helpers.js';
import { randomDocument } from './random-documents.js';

const DOCUMENTS = Number(process.env.HCL_DOCUMENTS ?? 300);

describe('generated documents', () => {
  before(warmUp);

  test(`${DOCUMENTS} documents: fmt-clean, valid HCL, and parse back to the same model`, async () => {
    for (let seed = 1; seed <= DOCUMENTS; seed++) {
      const doc = randomDocument(seed);
      const text = writeHcl(doc);
      const context = `seed ${seed}:\n${text}`;
      assert.equal(await formatHcl(text), text, `terraform fmt would change the output, ${context}`);
      assert.deepEqual(await checkSyntax('gen.tf', text), [], `HashiCorp's parser rejects the output, ${context}`);
      const { file, errors } = parseHcl('', text);
      assert.deepEqual(errors, [], `our parser rejects the output, ${context}`);
      assert.deepEqual(normalize(file), normalize(withoutImplicitBlankLines(doc)), `the model changed, ${context}`);
      assert.equal(writeHcl(file), text, `writing the parsed document changed it, ${context}`);
    }
  });
});

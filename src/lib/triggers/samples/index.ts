/** Sample data for every trigger kind: what Test run, templates' checks and previews start from. */
export { sampleFor, madeUpSample, fromFields, type Sample, type SampleContext, type SampleSource } from './sample-for';
export { sampleFromSchema } from './from-schema';
export { sandboxLatestEvent, SANDBOX_LATEST } from './sandbox-latest';
export { describeSample, sampleWords } from './words';

// Bytes for `pnpm bench`: the widgets' figures from packages/widgets/scripts/measure-sizes.ts (npm entries and the
// script-tag paths as built), and the SDK bundled alone.
import { bundleSdk } from '../../packages/sdk/scripts/bundle.js';
import { measure, sizeOf, type Size } from '../../packages/widgets/scripts/measure-sizes.js';

async function sdkAlone(): Promise<Size> {
  return sizeOf('@poly-partner/sdk alone (src/index.ts)', (await bundleSdk()).code);
}

export interface SizeFigures {
  /** Each element's npm entry bundled alone with everything it imports, and the whole npm entry (measure-sizes.ts). */
  entries: Size[];
  /** dist/embed.js paths as built (measure-sizes.ts). */
  embedAsBuilt: Size[];
  sdk: Size;
}

export async function measureSizes(): Promise<SizeFigures> {
  const { entries, embed } = await measure();
  return { entries, embedAsBuilt: embed, sdk: await sdkAlone() };
}

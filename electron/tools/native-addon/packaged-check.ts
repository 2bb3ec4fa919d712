import type { AfterPackContext } from 'electron-builder';
import { packagedAddonPath } from '../../main/native-addon';
import { ToolFailure } from '../failure';
import { checkAddonAbi } from './abi-check';

/**
 * An electron-builder afterPack hook: checks the addon that was actually packed (inside
 * app.asar.unpacked) before any installer is made, and aborts the build if its ABI is wrong.
 */
export function packagedAddonCheck(
  abi: string,
  runtime: string,
): (context: AfterPackContext) => Promise<void> {
  return async (context) => {
    const resourcesDir = context.packager.getResourcesDir(context.appOutDir);
    const check = checkAddonAbi(packagedAddonPath(resourcesDir), abi, runtime);
    if (!check.ok) throw new ToolFailure(`${check.message} No installer was made.`);
    console.log(`Packaged ${check.message}`);
  };
}

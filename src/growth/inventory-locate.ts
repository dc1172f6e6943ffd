import { folderName, InventoryProblem, isDatedFolder, newestFirst } from './inventory-manifest.js';

/** The folders one level below a prefix (CommonPrefixes of a '/'-delimited listing), every page. */
export type ListFoldersFn = (prefix: string) => Promise<string[]>;

/** How deep below inventory-location the gate looks for `<source-bucket>/<config-id>/` folders. */
export const MAX_LOCATE_DEPTH = 4;
/** Folder listings the search may make; a location needing more is too broad. */
export const MAX_LOCATE_LISTINGS = 64;

export interface LocatedInventory {
  /** `<destination-prefix>/<source-bucket>/<config-id>/`: the folder holding the dated folders. */
  readonly configPrefix: string;
  /** Its dated folders (`.../YYYY-MM-DDTHH-MMZ/`), newest first. */
  readonly datedFolders: readonly string[];
  readonly listings: number;
}

/**
 * Finds the one inventory configuration of `sourceBucket` at or below `locationPrefix`: the
 * folder whose subfolders are dated report folders. Below the location, a configuration folder
 * counts only when its parent folder is named after the source bucket (S3's layout), so reports
 * of other buckets sharing a destination are ignored; two of the same bucket are ambiguous.
 */
export async function locateInventory(
  listFolders: ListFoldersFn,
  locationPrefix: string,
  sourceBucket: string,
  describe: (prefix: string) => string,
): Promise<LocatedInventory> {
  const found: { prefix: string; dated: string[] }[] = [];
  let frontier = [locationPrefix];
  let listings = 0;
  for (let depth = 0; depth <= MAX_LOCATE_DEPTH && frontier.length > 0; depth += 1) {
    const next: string[] = [];
    for (const prefix of frontier) {
      if (listings >= MAX_LOCATE_LISTINGS) {
        throw new InventoryProblem(
          `${describe(locationPrefix)} holds too many folders to search (more than ${MAX_LOCATE_LISTINGS} listings).`,
          `Set inventory-location to the configuration's own folder, s3://<destination-bucket>/<destination-prefix>/${sourceBucket}/<config-id>/.`,
        );
      }
      listings += 1;
      const folders = await listFolders(prefix);
      const dated = newestFirst(folders);
      // A configuration folder: its dated folders are the reports; data/ and hive/ beside them hold no reports.
      if (dated.length > 0) found.push({ prefix, dated });
      else next.push(...folders.filter((folder) => !isDatedFolder(folder)));
    }
    frontier = next;
  }
  const ours = found.filter(({ prefix }) => prefix === locationPrefix || parentName(prefix) === sourceBucket);
  const only = ours[0];
  if (only !== undefined && ours.length === 1) return { configPrefix: only.prefix, datedFolders: only.dated, listings };
  if (ours.length > 1) {
    throw new InventoryProblem(
      `${describe(locationPrefix)} holds ${ours.length} inventory configurations of bucket ${sourceBucket}: ${ours
        .slice(0, 5)
        .map(({ prefix }) => describe(prefix))
        .join(', ')}.`,
      'Set inventory-location to the one whose configuration lists the whole bucket (or the attachment prefix) in CSV.',
    );
  }
  if (found.length > 0) {
    throw new InventoryProblem(
      `${describe(locationPrefix)} holds inventories of other buckets only (${found
        .slice(0, 5)
        .map(({ prefix }) => describe(prefix))
        .join(', ')}), none of s3-bucket ${sourceBucket}.`,
      `Configure an S3 Inventory for ${sourceBucket}, or set inventory-location to where its reports are delivered.`,
    );
  }
  throw new InventoryProblem(
    `No inventory report below ${describe(locationPrefix)}: no folder named YYYY-MM-DDTHH-MMZ/ within ${MAX_LOCATE_DEPTH} levels.`,
    'Check inventory-location (the destination bucket and prefix of the inventory configuration) and that S3 has delivered a first report (up to 48 hours after the configuration is created).',
  );
}

/** `a/bucket/config/` -> `bucket`. */
function parentName(prefix: string): string {
  return folderName(prefix.slice(0, prefix.length - folderName(prefix).length - 1));
}

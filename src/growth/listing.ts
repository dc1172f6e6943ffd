/** One object as ListObjectsV2 reports it. */
export interface ListedObject {
  readonly key: string;
  readonly size: number;
  readonly lastModified: Date;
}

export interface ListPageRequest {
  readonly prefix: string;
  /** List keys after this one (exclusive), in S3's order (UTF-8 bytes). */
  readonly startAfter?: string;
  readonly continuationToken?: string;
  /** At most 1000 (S3's page limit). */
  readonly maxKeys?: number;
}

export interface ListPage {
  readonly objects: readonly ListedObject[];
  /** Present while more keys follow. */
  readonly nextContinuationToken: string | undefined;
}

/** Lists one page; the S3 gateway implements it with ListObjectsV2, each page bounded by the timeout. */
export type ListPageFn = (request: ListPageRequest) => Promise<ListPage>;

/** Facts every report states about the run. */
export interface RunInfo {
  readonly appEnv: string;
  readonly bucket: string;
  readonly envPrefix: string;
  readonly endpoint: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly version: string;
}

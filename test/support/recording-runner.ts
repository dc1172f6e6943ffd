import { CommandNotFound, type CommandRunner } from '../../src/clients/exec.js';

export interface RecordedCall {
  readonly command: string;
  readonly args: readonly string[];
  readonly input: string | undefined;
}

export type ScriptedAnswer = { exitCode: number; stdout?: string; stderr?: string } | 'not-found';

/** A hand-built fake of the command runner: records each call and answers from a script. */
export function recordingRunner(answer: (call: RecordedCall) => ScriptedAnswer): { runner: CommandRunner; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const runner: CommandRunner = async (command, args, options = {}) => {
    const call = { command, args, input: options.input };
    calls.push(call);
    const result = answer(call);
    if (result === 'not-found') throw new CommandNotFound(command);
    return { exitCode: result.exitCode, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
  };
  return { runner, calls };
}

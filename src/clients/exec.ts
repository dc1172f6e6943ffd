export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The one way external tools (kubectl, promtool) are run; tests pass a recording fake. */
export type CommandRunner = (command: string, args: readonly string[], options?: { readonly input?: string }) => Promise<CommandResult>;

/** The tool is not on the PATH. */
export class CommandNotFound extends Error {
  override name = 'CommandNotFound';
  readonly command: string;
  constructor(command: string) {
    super(`'${command}' is not on the PATH.`);
    this.command = command;
  }
}

/** Runs commands through @actions/exec, silently (callers log what matters), never throwing on exit codes. */
export function actionsExecRunner(): CommandRunner {
  return async (command, args, options = {}) => {
    try {
      // Loaded on the first command: most runs start no external tool.
      const exec = await import('@actions/exec');
      const result = await exec.getExecOutput(command, [...args], {
        silent: true,
        ignoreReturnCode: true,
        ...(options.input !== undefined ? { input: Buffer.from(options.input, 'utf8') } : {}),
      });
      return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
    } catch (thrown) {
      // @actions/exec resolves the executable first and throws when it finds none.
      if (thrown instanceof Error && /Unable to locate executable file/i.test(thrown.message)) throw new CommandNotFound(command);
      throw thrown;
    }
  };
}

/** A command line for reports and logs (arguments quoted only when they need it). */
export function commandLine(command: string, args: readonly string[]): string {
  return [command, ...args].map((part) => (/^[\w@%+=:,./-]+$/.test(part) ? part : `'${part.replace(/'/g, `'\\''`)}'`)).join(' ');
}

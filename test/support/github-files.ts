import { INPUTS } from '../../src/config/inputs.js';

/**
 * The environment the runner gives a node action: INPUT_<NAME> with the name upper-cased and
 * hyphens kept (so it cannot be exported from bash), defaults filled in as action.yml has them.
 */
export function actionInputEnv(given: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const input of INPUTS) {
    const value = given[input.name] ?? ('default' in input ? input.default : undefined);
    if (value !== undefined) env[`INPUT_${input.name.toUpperCase()}`] = value;
  }
  const unknown = Object.keys(given).filter((name) => !INPUTS.some((input) => input.name === name));
  if (unknown.length > 0) throw new Error(`unknown inputs: ${unknown.join(', ')}`);
  return env;
}

/** Parses a GITHUB_OUTPUT file: `name=value` lines and `name<<DELIMITER` heredocs (what @actions/core writes). */
export function parseGithubOutput(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name = '', delimiter = ''] = heredoc;
      const end = lines.indexOf(delimiter, index + 1);
      if (end < 0) throw new Error(`GITHUB_OUTPUT: heredoc of ${name} is not closed by ${delimiter}`);
      outputs[name] = lines.slice(index + 1, end).join('\n');
      index = end;
      continue;
    }
    const assignment = /^([^=]+)=(.*)$/.exec(line);
    if (assignment) outputs[assignment[1] ?? ''] = assignment[2] ?? '';
    else if (line !== '') throw new Error(`GITHUB_OUTPUT: unexpected line ${JSON.stringify(line)}`);
  }
  return outputs;
}

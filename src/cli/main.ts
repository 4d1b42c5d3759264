/**
 * The command line. The only code that touches the process: arguments, streams, exit codes.
 * Exit codes: 0 clean; 1 findings at or above --fail-on (or drift with --check); 2 bad input or
 * usage, with a clear message; 3 an internal error (short message, --debug for the stack).
 */
import { Command, CommanderError, Option } from 'commander';
import { isInputError } from '../diagnostics/errors.js';
import { SEVERITIES } from '../diagnostics/finding.js';
import { VERSION } from '../version.js';
import { processIo, type Io } from './io.js';
import { renderFindingsJson } from './render/findings-json.js';
import { renderFindingsText } from './render/findings-text.js';
import { summariseRefusal } from './render/refusal.js';
import { UsageError } from './usage-error.js';


export function buildProgram(io: Io, setExitCode: (code: number) => void): Command {
  const program = new Command('ecsform')
    .description('Compose in, a production AWS ECS Fargate landing zone in plain Terraform out, verified offline.')
    .version(VERSION)
    .option('--debug', 'print stack traces of internal errors')
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');

  /**
   * Runs a command. With `--format json`, a refused input is JSON on standard output too (the
   * findings, summarised as on the terminal), so a pipeline reading it always gets a document.
   */
  const run =
    (action: () => Promise<number>, format?: string) =>
    async (): Promise<void> => {
      try {
        setExitCode(await action());
      } catch (error) {
        const refused = isInputError(error) ? error.findings : error instanceof UsageError ? [{ code: 'USAGE', severity: 'error' as const, message: error.message }] : undefined;
        if (format !== 'json' || refused === undefined) throw error;
        const findings = summariseRefusal(refused);
        io.out(renderFindingsJson(findings, { refused: true }));
        io.err(renderFindingsText(findings));
        setExitCode(2);
      }
    };
  const composeFiles = (c: Command) =>
    c
      .option('-f, --file <path...>', 'Compose file(s), merged in order (default: compose.yaml in the current directory)')
      .option('--profile <name...>', 'Compose profiles to enable')
      .option('-p, --project-name <name>', 'Compose project name');

  composeFiles(program.command('generate').description('generate the Terraform (and CI workflow) for a Compose application'))
    .option('-o, --out <dir>', 'output root (default: the directory of the first Compose file)')
    .addOption(new Option('--layout <layout>', 'root module, or reusable module with an example').choices(['root', 'module']))
    .option('--check', 'exit 1 if the files on disk differ from what would be generated (CI drift gate); writes nothing')
    .option('--dry-run', 'list what would change; writes nothing')
    .option('--force', 'overwrite files changed since ecsform wrote them')
    .addOption(new Option('--ci <provider>', 'also generate the deploy pipeline (.github/workflows/deploy.yml); default: when x-ecsform.ci.github is set').choices(['github']))
    .option('--no-verify', 'skip the offline verification of the output')
    .option('-v, --verbose', 'also print informational notes')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options) => {
      const { generateCommand } = await import('./commands/generate.js');
      await run(() => generateCommand(io, options), options.format)();
    });

  composeFiles(program.command('explain').description('show what became of every Compose key, and where it is in the generated Terraform'))
    .option('-o, --out <dir>', 'output root the Terraform was generated into')
    .addOption(new Option('--layout <layout>', 'root module, or reusable module').choices(['root', 'module']))
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options) => {
      const { explainCommand } = await import('./commands/explain.js');
      await run(() => explainCommand(io, options), options.format)();
    });

  program
    .command('check')
    .description('verify Terraform offline: syntax, formatting, AWS provider schema, references, hygiene and security rules')
    .argument('[dir]', 'directory to check (every module below it)', '.')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at least this severe').choices([...SEVERITIES]).default('low'))
    .option('--fix', 'rewrite badly formatted files in place (atomically)')
    .option('--rules <ids>', 'comma-separated security rule ids or families to run (default: all); "none" for none')
    .option('--show-suppressed', 'also list findings suppressed with ecsform:ignore')
    .action(async (dir: string, options) => {
      const { checkCommand } = await import('./commands/check.js');
      await run(() => checkCommand(io, dir, options), options.format)();
    });

  program
    .command('cost')
    .description('estimate the monthly AWS cost of the Terraform under DIR (us-east-1 prices, documented usage assumptions)')
    .argument('[dir]', 'directory of the Terraform (every module below it)', '.')
    .option('--usage <file>', 'usage assumptions, YAML or JSON: GB of logs, NAT traffic, LCUs... (see docs/cost.md)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .action(async (dir: string, options) => {
      const { costCommand } = await import('./commands/cost.js');
      await run(() => costCommand(io, dir, options), options.format)();
    });

  composeFiles(program.command('diagram').description('print the architecture as a Mermaid flowchart, from the Terraform under DIR or from Compose with -f'))
    .argument('[dir]', 'directory of the Terraform (not read with -f)', '.')
    .addOption(new Option('--layout <layout>', 'root module, or reusable module').choices(['root', 'module']))
    .addOption(new Option('--format <format>', 'output format').choices(['mermaid', 'svg']).default('mermaid'))
    .action(async (dir: string, options) => {
      const { diagramCommand } = await import('./commands/diagram.js');
      await run(() => diagramCommand(io, dir, options))();
    });

  composeFiles(program.command('report').description('write one self-contained HTML page: architecture, resources, monthly cost, findings (and generation decisions with -f)'))
    .argument('[dir]', 'directory of the Terraform (default with -f: what Compose generates, in memory)')
    .requiredOption('-o, --out <file>', 'the HTML file to write')
    .option('--usage <file>', 'usage assumptions for the cost estimate (YAML or JSON)')
    .addOption(new Option('--layout <layout>', 'root module, or reusable module').choices(['root', 'module']))
    .action(async (dir: string | undefined, options) => {
      const { reportCommand } = await import('./commands/report.js');
      await run(() => reportCommand(io, dir, options))();
    });

  program
    .command('smoke')
    .description('check a deployed stack: ECS services, target health, URLs and recent logs, from `terraform output -json`')
    .option('--outputs <file>', 'file written by `terraform output -json` (or `-` for standard input)')
    .option('--region <region>', 'AWS region (default: the one in the outputs, then AWS_REGION)')
    .option('--timeout <duration>', 'give up after this long', '10m')
    .option('--interval <duration>', 'first wait between rounds; doubles with jitter', '10s')
    .option('--max-interval <duration>', 'longest wait between rounds', '1m')
    .option('--logs-since <duration>', 'log groups must have events this recent', '30m')
    .option('--http-timeout <duration>', 'time allowed for one HTTP answer', '10s')
    .option('--expect <name=status...>', 'expected status per URL name, e.g. api=200 or ui=2xx,304 (default: not-5xx; 2xx for sites)')
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (options) => {
      const { smokeCommand } = await import('./commands/smoke.js');
      await run(() => smokeCommand(io, options), options.format)();
    });

  program
    .command('demo', { hidden: true })
    .description('generate the bundled IoT example into out/iot-platform and print the summary (npm start)')
    .action(async () => {
      const { demoCommand } = await import('./commands/demo.js');
      await run(() => demoCommand(io))();
    });

  return program;
}

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode = 0;
  const debug = argv.includes('--debug');
  const program = buildProgram(io, (code) => (exitCode = code));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are not errors; everything else commander reports is a usage error.
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
    }
    if (isInputError(error)) {
      io.err(renderFindingsText(summariseRefusal(error.findings)));
      return 2;
    }
    if (error instanceof UsageError) {
      io.err(`ecsform: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err(`ecsform: internal error: ${message}\n${debug && error instanceof Error ? `${error.stack}\n` : 'Run again with --debug for details, and please report it.\n'}`);
    return 3;
  }
}


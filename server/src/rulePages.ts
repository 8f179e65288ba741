/**
 * Where each rule's documentation page is: docs/rules/<id>.md ships in the VSIX next to the
 * bundles (dist/server.js, dist/cli.js), so diagnostics and SARIF output can link to it.
 * Kept out of the core, which reads no files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** docs/rules beside the bundle directory (dist/). */
export const BUNDLED_RULE_PAGES_DIR = join(__dirname, '..', 'docs', 'rules');

/** Rule ids are kebab-case words; anything else never becomes a path. */
const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export class RulePages {
  private readonly urls = new Map<string, string | undefined>();

  constructor(private readonly dir: string = BUNDLED_RULE_PAGES_DIR) {}

  /** The page of a rule as a file:// URL, or undefined when the page does not exist. Checked once per id. */
  url(ruleId: string): string | undefined {
    if (!this.urls.has(ruleId)) {
      const file = this.file(ruleId);
      this.urls.set(ruleId, file ? pathToFileURL(file).href : undefined);
    }
    return this.urls.get(ruleId);
  }

  /** The page's Markdown, or undefined when there is none or it cannot be read. */
  markdown(ruleId: string): string | undefined {
    const file = this.file(ruleId);
    if (!file) return undefined;
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  private file(ruleId: string): string | undefined {
    if (!RULE_ID.test(ruleId)) return undefined;
    const file = join(this.dir, `${ruleId}.md`);
    return existsSync(file) ? file : undefined;
  }
}

import nunjucks from 'nunjucks';
import type { YamlValue } from '../../dsl/index.js';
import { CtxCommandError } from './ctx-commands.js';

/**
 * Jinja-syntax rendering for resources (`ctx download-resource-and-render`), with nunjucks:
 * autoescaping off and undefined names rendering as nothing, as Jinja2's defaults in Cloudify.
 * Templates are blueprint code: they run in the step's process (see README, "Trust model").
 */
const environment = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: false, trimBlocks: false, lstripBlocks: false });

export async function renderTemplate(text: string, variables: Record<string, YamlValue>, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    environment.renderString(text, variables, (err, result) => {
      if (err) reject(new CtxCommandError(`cannot render ${name}: ${err.message.replace(/\s+/g, ' ').trim()}`));
      else resolve(result ?? '');
    });
  });
}

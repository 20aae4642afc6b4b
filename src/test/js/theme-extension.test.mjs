// The theme app extension (platforms/shopify/extensions/triad-offers), checked with Shopify's own tools:
// linted by @shopify/theme-check-node with the configuration Shopify CLI uses for theme app extensions
// (configs/theme-app-extension.yml, as packages/app/src/cli/services/build/theme-check.ts of Shopify/cli
// does), and its app embed rendered by liquidjs with the objects a storefront gives it (shop, block
// settings) and the asset_url filter. Prints one line per check; exits non-zero on a failure.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { check, Severity } from '@shopify/theme-check-node';
import { Liquid } from 'liquidjs';
import { runTests } from './run-tests.mjs';

const root = join(process.cwd(), '..', '..', '..');
const extension = mkdtempSync(join(tmpdir(), 'triad-offers-'));
cpSync(join(root, 'platforms', 'shopify', 'extensions', 'triad-offers'), extension, { recursive: true });
// What configure.sh does before a deploy: the widget becomes the extension's asset.
cpSync(join(root, 'src', 'main', 'resources', 'widget', 'triad.js'), join(extension, 'assets', 'triad.js'));

const tests = [];
const test = (name, body) => tests.push({ name, body });

test('Shopify\'s theme check finds no error or warning in the extension', async () => {
  const require = createRequire(import.meta.url);
  const config = join(dirname(require.resolve('@shopify/theme-check-node/package.json')), 'configs',
    'theme-app-extension.yml');
  const offenses = await check(extension, config);
  const serious = offenses.filter(o => o.severity === Severity.ERROR || o.severity === Severity.WARNING);
  for (const o of offenses) console.log(`    ${o.check} (${o.severity}) ${o.uri || o.absolutePath}: ${o.message}`);
  assert.deepEqual(serious.map(o => `${o.check}: ${o.message}`), []);
});

const source = readFileSync(join(extension, 'blocks', 'app-embed.liquid'), 'utf8');
const schema = JSON.parse(source.match(/{%\s*schema\s*%}([\s\S]*?){%\s*endschema\s*%}/)[1]);
const engine = new Liquid();
engine.registerFilter('asset_url', name => `https://cdn.shopify.com/extensions/triad-offers/assets/${name}`);
engine.registerTag('schema', {
  parse(token, remain) {
    this.tokens = [];
    const stream = this.liquid.parser.parseStream(remain);
    stream.on('tag:endschema', () => stream.stop()).on('template', () => {}).on('end', () => {
      throw new Error('tag {% schema %} not closed');
    });
    stream.start();
  },
  render() {
    return '';
  }
});
const render = settings => engine.parseAndRender(source,
  { shop: { permanent_domain: 'acme.myshopify.com' }, block: { settings } });
const script = html => {
  const tag = html.match(/<script[\s\S]*?><\/script>/)[0];
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map(m => [m[1], m[2]]));
};

test('the app embed targets the page body and defaults to the checkout trigger in the store\'s language', async () => {
  assert.equal(schema.target, 'body');
  const defaults = Object.fromEntries(schema.settings.map(s => [s.id, s.default]));
  const attributes = script(await render(defaults));
  assert.equal(attributes.src, 'https://cdn.shopify.com/extensions/triad-offers/assets/triad.js');
  assert.equal(attributes['data-shop'], 'acme.myshopify.com');
  assert.equal(attributes['data-proxy'], '/apps/triad');
  assert.equal(attributes['data-triggers'], 'checkout');
  assert.equal(attributes['data-lang'], undefined);
});

test('the app embed puts no key in the page, and the merchant\'s settings reach the widget', async () => {
  const html = await render({ on_cart_page: true, after_add_to_cart: true, language: 'de' });
  assert.doesNotMatch(html, /data-key|pk_/);
  const attributes = script(html);
  assert.equal(attributes['data-triggers'], 'checkout,cart,product');
  assert.equal(attributes['data-lang'], 'de');
});

test('the language choices are the widget\'s own', async () => {
  const widget = readFileSync(join(root, 'src', 'main', 'resources', 'widget', 'triad.js'), 'utf8');
  for (const option of schema.settings.find(s => s.id === 'language').options) {
    if (option.value !== 'store') assert.match(widget, new RegExp(`\\n    ${option.value}: \\{`), option.value);
  }
});

process.exit(await runTests(tests, 'theme app extension tests') ? 1 : 0);

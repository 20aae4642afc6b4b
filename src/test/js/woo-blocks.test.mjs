// The WooCommerce plugin's Cart block integration (platforms/woocommerce/triad-for-woocommerce/assets/
// triad-blocks.js) in headless Chromium, against a running Triad. WooCommerce is not available here, so the page
// stubs what the script calls, in the shapes WooCommerce documents:
// - wc.blocksCheckout.ExperimentalOrderMeta: a Fill whose children get the fill props {cart, extensions,
//   context} (woocommerce/packages/checkout/components/order-meta; docs "Available Slots and Fills");
// - wc.blocksCheckout.extensionCartUpdate({namespace, data}) (docs "extensionCartUpdate"), recorded;
// - wc.wcSettings.getSetting('<integration>_data') (IntegrationRegistry script data);
// - wp.plugins.registerPlugin(name, {render, scope}); wp.element = Preact's createElement and hooks in
//   place of WordPress's React (the script uses only createElement, useState and useEffect);
// - the Store API's cart/add-item and products/{id} (src/StoreApi/Routes/V1), served here: the Nonce header is
//   checked and each answer's Nonce is a new one, as the Store API does.
// The block cart's items are the Store API cart items (../shared/data/fixtures/woocommerce/store-api-cart.json).
// Environment (set by WooBlocksBrowserTest): TRIAD_URL, SHOP, KEY, CHROMIUM, SCREENSHOTS, PRODUCTS (JSON).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { readFileSync, mkdirSync } from 'node:fs';
import { createServer as createTcpServer } from 'node:net';
import { chromium } from 'playwright-core';
import { runTests } from './run-tests.mjs';

const env = process.env;
const products = JSON.parse(env.PRODUCTS);
const script = readFileSync('../../../platforms/woocommerce/triad-for-woocommerce/assets/triad-blocks.js', 'utf8');
const preact = readFileSync('node_modules/preact/dist/preact.umd.js', 'utf8');
const hooks = readFileSync('node_modules/preact/hooks/dist/hooks.umd.js', 'utf8');
const styles = readFileSync('../../../platforms/woocommerce/triad-for-woocommerce/assets/triad-blocks.css', 'utf8');

// ---- the store: the page, the Store API double -------------------------------------------------------
let nonce = 'nonce-1';
const added = [];
const store = createServer((request, response) => {
  const url = new URL(request.url, 'http://localhost');
  if (url.pathname === '/cart') {
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end(page(JSON.parse(url.searchParams.get('settings')), JSON.parse(url.searchParams.get('items'))));
  } else if (url.pathname === '/wp-json/wc/store/v1/cart/add-item' && request.method === 'POST') {
    let body = '';
    request.on('data', chunk => { body += chunk; });
    request.on('end', () => {
      if (request.headers.nonce !== nonce) {
        response.writeHead(401, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ code: 'woocommerce_rest_missing_nonce' }));
        return;
      }
      added.push({ nonce: request.headers.nonce, body: JSON.parse(body) });
      nonce = 'nonce-' + (added.length + 1);
      response.writeHead(201, { 'Content-Type': 'application/json', Nonce: nonce });
      response.end(JSON.stringify({ items: [] }));
    });
  } else if (url.pathname.startsWith('/wp-json/wc/store/v1/products/')) {
    const id = Number(url.pathname.split('/').pop());
    response.writeHead(200, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ id, parent: id === Number(products.jerseyM) ? Number(products.jersey) : 0 }));
  } else {
    response.writeHead(404);
    response.end();
  }
});
await new Promise(resolve => store.listen(0, '127.0.0.1', resolve));
const origin = 'http://127.0.0.1:' + store.address().port;

function page(settings, items) {
  const cart = {
    cartItems: items.map((item, i) => ({ key: 'k' + i, id: item.id, quantity: item.quantity || 1, name: item.name,
      variation: item.variation || [], prices: { price: item.price, currency_code: 'USD', currency_minor_unit: 2 } })),
    cartTotals: { currency_code: 'USD', currency_minor_unit: 2 }
  };
  return `<!doctype html><html><head><meta charset="utf-8"><title>Cart</title>
<style>body{font-family:sans-serif;max-width:420px;margin:24px}.wc-block-components-totals-wrapper{border-top:1px solid #ccc;padding:8px 0}</style>
<style>${styles}</style>
<script>${preact}</script><script>${hooks}</script>
<script>
  window.updates = [];
  var h = preact.h;
  window.wp = { element: { createElement: h, useState: preactHooks.useState, useEffect: preactHooks.useEffect },
    plugins: { registerPlugin: function (name, options) { window.registered = { name: name, options: options }; } } };
  function ExperimentalOrderMeta(props) {
    var fillProps = { cart: window.cart, extensions: {}, context: 'woocommerce/cart' };
    return h('div', { className: 'wc-block-components-order-meta' },
      [].concat(props.children).map(function (child) { return preact.cloneElement(child, fillProps); }));
  }
  window.cart = ${JSON.stringify(cart)};
  window.wc = {
    wcSettings: { getSetting: function (name, fallback) { return name === 'triad-offers_data' ? ${JSON.stringify(settings)} : fallback; } },
    blocksCheckout: { ExperimentalOrderMeta: ExperimentalOrderMeta,
      extensionCartUpdate: function (args) { window.updates.push(args); return Promise.resolve({}); } }
  };
</script>
<script>${script}</script>
</head><body><h1>Cart</h1><div class="wc-block-components-totals-wrapper">Estimated total $799.00</div><div id="slot"></div>
<script>
  if (window.registered) preact.render(h(window.registered.options.render), document.getElementById('slot'));
</script></body></html>`;
}

function settings(endpoint = env.TRIAD_URL) {
  return { endpoint, shop: env.SHOP, key: env.KEY, namespace: 'triad-offers', storeApi: origin + '/wp-json/wc/store/v1/',
    nonce: 'nonce-1', timeout: 300, heading: 'Complete your order', add: 'Add', added: 'Added', save: 'Save %d %%' };
}

const bike = { id: Number(products.bike), name: 'Trail Bike', price: '79900' };

// ---- the browser -------------------------------------------------------------------------------------
const browser = await chromium.launch({
  executablePath: env.CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking']
});
mkdirSync(env.SCREENSHOTS, { recursive: true });

async function open(items, endpoint) {
  const tab = await browser.newPage();
  const errors = [];
  tab.on('pageerror', error => errors.push(error.message));
  const asked = [];
  tab.on('request', request => {
    if (request.url().endsWith('/offers')) asked.push(JSON.parse(request.postData()));
  });
  await tab.goto(origin + '/cart?settings=' + encodeURIComponent(JSON.stringify(settings(endpoint)))
    + '&items=' + encodeURIComponent(JSON.stringify(items)));
  return { tab, errors, asked };
}

const tests = [];
const test = (name, body) => tests.push({ name, body });

test('the offers show in the Cart block below the order summary, the middle one recommended', async () => {
  const { tab, errors } = await open([bike]);
  await tab.waitForSelector('.triad-cart-offers li', { timeout: 5000 });
  const cards = await tab.$$eval('.triad-cart-offers li', items => items.map(li => ({ kind: li.className, text: li.textContent })));
  assert.ok(cards.length >= 2, JSON.stringify(cards));
  assert.equal(await tab.$eval('.wc-block-components-order-meta .triad-cart-offers h3', h => h.textContent), 'Complete your order');
  assert.equal(cards.filter(c => c.kind.includes('triad-recommended')).length, 1);
  assert.ok(cards.some(c => c.kind.includes('triad-bundle') && c.text.includes('Helmet + Lock') && c.text.includes('Save 10 %')), JSON.stringify(cards));
  await tab.screenshot({ path: env.SCREENSHOTS + '/woo-cart-block.png' });
  assert.deepEqual(errors, []);
  await tab.close();
});

test('adding the bundle posts each item to the Store API with its Nonce, then hands the offer token to the cart', async () => {
  added.length = 0;
  nonce = 'nonce-1';
  const { tab } = await open([bike]);
  const answer = await tab.waitForResponse(r => r.url().endsWith('/offers')).then(r => r.json());
  const bundle = answer.offers.find(o => o.kind === 'bundle');
  await tab.waitForSelector('.triad-bundle button');
  await tab.click('.triad-bundle button');
  await tab.waitForFunction(() => window.updates.length > 0);
  assert.deepEqual(added.map(a => a.nonce), ['nonce-1', 'nonce-2'], 'the second add carries the Nonce the first answer gave');
  assert.deepEqual(added.map(a => a.body), bundle.items.map(i => ({ id: Number(i.variantId || i.productId), quantity: 1 })));
  assert.deepEqual(await tab.evaluate(() => window.updates), [{ namespace: 'triad-offers', data: { token: bundle.token } }]);
  await tab.waitForFunction(() => document.querySelector('.triad-bundle button').textContent === 'Added ✓');
  await tab.close();
});

test('a variation in the cart is asked about as its product, with the variation as the variant', async () => {
  const { tab, asked } = await open([bike, { id: Number(products.jerseyM), name: 'Jersey - M', price: '4500',
    variation: [{ attribute: 'Size', value: 'M' }] }]);
  await tab.waitForSelector('.triad-cart-offers li', { timeout: 5000 });
  assert.deepEqual(asked[0].cart.map(l => [l.productId, l.variantId, l.price]),
    [[String(products.bike), undefined, '799.00'], [String(products.jersey), String(products.jerseyM), '45.00']]);
  assert.equal(asked[0].placement, 'cart');
  await tab.close();
});

test('a Triad that does not answer within 300 ms leaves the cart as it was', async () => {
  const silent = createTcpServer(() => {}); // accepts, never answers
  await new Promise(resolve => silent.listen(0, '127.0.0.1', resolve));
  const { tab, errors } = await open([bike], 'http://127.0.0.1:' + silent.address().port);
  await tab.waitForTimeout(900);
  assert.equal(await tab.$('.triad-cart-offers'), null);
  assert.deepEqual(errors, []);
  await tab.close();
  silent.close();
});

const failed = await runTests(tests, 'Cart block tests');
await browser.close();
store.close();
process.exit(failed ? 1 : 0);

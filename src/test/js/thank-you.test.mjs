// The thank-you Checkout UI extension (platforms/shopify/extensions/thank-you-offers) against a running Triad,
// with the `shopify` global mocked in the shapes @shopify/ui-extensions 2025-10 declares for the target
// purchase.thank-you.block.render (OrderConfirmationApi & StandardApi: sessionToken, lines, orderConfirmation,
// shop, i18n), and rendered with preact-render-to-string. Environment (set by ThankYouExtensionTest):
// TRIAD_URL, SHOP, SHOPIFY_SECRET, CLIENT_ID.
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { runTests } from './run-tests.mjs';
import { loadOffers, requestFor, view } from '../../../platforms/shopify/extensions/thank-you-offers/src/offers.js';

const env = process.env;
const EXTENSION = '../../../platforms/shopify/extensions/thank-you-offers/';
const TYPES = 'node_modules/@shopify/ui-extensions/build/ts/surfaces/checkout/';
const strings = JSON.parse(readFileSync(EXTENSION + 'locales/en.default.json', 'utf8'));

const tests = [];
const test = (name, body) => tests.push({ name, body });

/** A Checkout UI extension's session token (shopify.dev "Session Token API"): HS256, dest the shop, aud the app. */
function sessionToken(secret = env.SHOPIFY_SECRET, customer = '8812') {
  const b64 = value => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = { dest: env.SHOP, aud: env.CLIENT_ID, exp: now + 300, nbf: now - 5, iat: now - 5, jti: randomUUID() };
  if (customer) claims.sub = 'gid://shopify/Customer/' + customer;
  const signed = b64({ alg: 'HS256', typ: 'JWT' }) + '.' + b64(claims);
  return signed + '.' + createHmac('sha256', secret).update(signed).digest('base64url');
}

/** The `shopify` global of the thank-you target for an order of one Trail Bike (variant 2001 of product 1001). */
function api({ token = sessionToken(), lines } = {}) {
  return {
    sessionToken: { get: async () => token },
    lines: { value: lines || [{
      id: 'gid://shopify/CartLine/1', quantity: 1, attributes: [], discountAllocations: [], lineComponents: [],
      parentRelationship: null,
      merchandise: { type: 'variant', id: 'gid://shopify/ProductVariant/2001', title: 'M',
        product: { id: 'gid://shopify/Product/1001', vendor: 'Bikes', productType: 'bikes' } },
      cost: { totalAmount: { amount: 799, currencyCode: 'USD' } } }] },
    orderConfirmation: { value: { order: { id: 'gid://shopify/OrderIdentity/5001' }, number: '#1001', isFirstOrder: false } },
    shop: { id: 'gid://shopify/Shop/1', name: 'Thank-you bikes', myshopifyDomain: env.SHOP },
    i18n: {
      formatCurrency: (amount, options) => new Intl.NumberFormat('en', { style: 'currency', ...options }).format(amount),
      formatDate: (date, options) => new Intl.DateTimeFormat('en', { ...options, timeZone: 'UTC' }).format(date),
      translate: (key, replacements = {}) => strings[key].replace(/\{\{(\w+)\}\}/g, (m, name) => replacements[name])
    }
  };
}

test('the mocked API is what @shopify/ui-extensions 2025-10 declares for purchase.thank-you.block.render', async () => {
  const targets = readFileSync('node_modules/@shopify/ui-extensions/build/ts/surfaces/checkout/extension-targets.d.ts', 'utf8');
  assert.match(targets, /'purchase\.thank-you\.block\.render': RenderExtension<OrderConfirmationApi & StandardApi</);
  const standard = readFileSync(TYPES + 'api/standard/standard.d.ts', 'utf8');
  for (const member of ['lines: SubscribableSignalLike<CartLine[]>', 'sessionToken: SessionToken', 'shop: Shop',
    'i18n: I18n', 'myshopifyDomain: string', 'totalAmount: Money', 'merchandise: Merchandise']) {
    assert.ok(standard.includes(member), 'StandardApi declares ' + member);
  }
  assert.match(readFileSync(TYPES + 'api/order-confirmation/order-confirmation.d.ts', 'utf8'),
    /orderConfirmation: SubscribableSignalLike<OrderConfirmation>/);
  const config = readFileSync(EXTENSION + 'shopify.extension.toml', 'utf8');
  assert.match(config, /target = "purchase\.thank-you\.block\.render"/);
  assert.match(config, /network_access = true/);
});

test('the order\'s lines become an offer request for the post-purchase placement', async () => {
  assert.deepEqual(requestFor(api()), { placement: 'post_purchase', currency: 'USD', sessionId: 'order-5001',
    cart: [{ productId: '1001', variantId: '2001', quantity: 1, price: '799.00' }] });
});

test('up to three offers for the next order, none an upgrade, the bundle\'s link through Triad with its token', async () => {
  const offers = await loadOffers(api(), fetch, env.TRIAD_URL);
  assert.ok(offers.length >= 2 && offers.length <= 3, JSON.stringify(offers));
  const bundle = offers.find(o => o.title === 'Helmet + Lock');
  assert.ok(bundle, 'the bundle: ' + JSON.stringify(offers));
  assert.equal(bundle.extra, 66.6);
  assert.equal(bundle.discountPercent, 10);
  assert.ok(bundle.href.startsWith(env.TRIAD_URL + '/shopify/v1/take?shop=' + env.SHOP + '&token='));
  const light = offers.find(o => o.title === 'Light');
  assert.equal(light.href, `https://${env.SHOP}/cart/2004:1`);
  assert.equal(light.discountPercent, null);
});

test('the block renders a heading and a link per offer, the bundle saying its saving and until when', async () => {
  const offers = await loadOffers(api(), fetch, env.TRIAD_URL);
  const html = renderToString(view(offers, api(), h));
  assert.match(html, /^<s-section heading="For your next order">/);
  assert.equal(html.match(/<s-link /g).length, offers.length);
  assert.match(html, /Helmet \+ Lock<\/s-text><s-text>\$66\.60<\/s-text><s-text tone="success">Save 10% until /);
  assert.ok(html.includes('href="' + offers.find(o => o.title === 'Light').href + '"'));
});

test('the bundle\'s link fills a new cart with both items and the code Triad made for it', async () => {
  const bundle = (await loadOffers(api(), fetch, env.TRIAD_URL)).find(o => o.title === 'Helmet + Lock');
  const response = await fetch(bundle.href, { redirect: 'manual' });
  assert.equal(response.status, 303);
  assert.match(response.headers.get('location'), new RegExp(`^https://${env.SHOP.replace(/\./g, '\\.')}/cart/2002:1,2003:1\\?discount=TRIAD-[A-Z2-7]{16}$`));
});

test('a session token not signed by Shopify for this app gets nothing, and the block shows nothing', async () => {
  const offers = await loadOffers(api({ token: sessionToken('not-the-app-secret') }), fetch, env.TRIAD_URL);
  assert.deepEqual(offers, []);
  assert.equal(renderToString(view(offers, api(), h)), '');
});

test('an order without product lines (a gift card alone) asks Triad nothing', async () => {
  let asked = false;
  const offers = await loadOffers(api({ lines: [] }), () => { asked = true; }, env.TRIAD_URL);
  assert.deepEqual(offers, []);
  assert.equal(asked, false);
});

process.exit(await runTests(tests, 'thank-you extension tests') ? 1 : 0);

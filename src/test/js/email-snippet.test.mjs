// The Shopify notification snippet of e-mailed offers (GET /admin/v1/shops/{shop}/email-snippet), rendered with
// liquidjs as Shopify renders a notification: the order's properties at the top level (help.shopify.com, "Notification
// variables": id, line_items[].product_id …), and the hmac_sha256 filter as Shopify documents it (the hex HMAC-SHA256
// of the input under the secret given). The order is Shopify's own sample (../shared/data/fixtures/shopify/order.json,
// order 450789469: three variants of product 632910392). Every image and link it renders is then followed against
// Triad. Environment (set by EmailSnippetTest): TRIAD_URL, SHOP, ADMIN_KEY, PUBLIC_URL.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Liquid } from 'liquidjs';
import { runTests } from './run-tests.mjs';

const env = process.env;
const fixture = JSON.parse(readFileSync('../../../../shared/data/fixtures/shopify/order.json', 'utf8'));
const order = fixture.order || fixture;
const admin = { Authorization: 'Bearer ' + env.ADMIN_KEY };

const liquid = new Liquid();
liquid.registerFilter('hmac_sha256', (input, secret) => createHmac('sha256', String(secret)).update(String(input)).digest('hex'));

const snippet = await (await fetch(`${env.TRIAD_URL}/admin/v1/shops/${env.SHOP}/email-snippet`, { headers: admin })).text();
const html = await liquid.parseAndRender(snippet, order);
const cards = [...html.matchAll(/<a href="([^"]+)"><img src="([^"]+)"/g)].map(m => ({ link: m[1].replace(/&amp;/g, '&'), image: m[2].replace(/&amp;/g, '&') }));
const local = url => url.replace(/^https?:\/\/[^/]+/, env.TRIAD_URL);
const follow = url => fetch(local(url), { redirect: 'manual' });

const tests = [];
const test = (name, body) => tests.push({ name, body });

test('the snippet renders three signed cards for the order\'s products', async () => {
  assert.equal(cards.length, 3, html);
  for (const card of cards) {
    const query = new URL(card.link).searchParams;
    assert.equal(query.get('r'), String(order.id));
    assert.equal(query.get('p'), '632910392', 'each product once');
    assert.match(query.get('s'), /^[0-9a-f]{64}$/);
    assert.equal(new URL(card.image).searchParams.get('s'), query.get('s'));
  }
  assert.ok(!html.includes('{{') && !html.includes('{%'), 'nothing left unrendered');
});

test('at open time each card\'s image is its offer\'s product image, and the card without an offer a neutral pixel', async () => {
  const answers = await Promise.all(cards.map(c => follow(c.image)));
  assert.equal(answers[0].status, 302);
  assert.equal(answers[0].headers.get('location'), 'https://cdn.example/case.png');
  assert.equal(answers[1].status, 302);
  assert.equal(answers[2].status, 200);
  assert.equal(answers[2].headers.get('content-type'), 'image/png');
  const pixel = Buffer.from(await answers[2].arrayBuffer());
  assert.equal(pixel.subarray(1, 4).toString(), 'PNG', 'a PNG image, not an error page');
});

test('at click time the add-on opens the cart with it and the bundle its claim link, and both count as e-mail clicks', async () => {
  const addOn = await follow(cards[0].link);
  assert.equal(addOn.status, 303);
  assert.equal(addOn.headers.get('location'), `https://${env.SHOP}/cart/2001:1`);
  const bundle = await follow(cards[1].link);
  assert.equal(bundle.status, 303);
  const claim = new URL(bundle.headers.get('location'));
  assert.equal(claim.origin + claim.pathname, env.PUBLIC_URL + '/shopify/v1/take');
  assert.equal(claim.searchParams.get('shop'), env.SHOP);
  assert.match(claim.searchParams.get('token'), /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  const none = await follow(cards[2].link);
  assert.equal(none.headers.get('location'), `https://${env.SHOP}/`);
  const stats = await (await fetch(`${env.TRIAD_URL}/admin/v1/shops/${env.SHOP}/stats`, { headers: admin })).json();
  assert.deepEqual(stats.email, { clicks: 2, claims: 1 });
});

test('a tampered link, another order\'s or another shop\'s gets the neutral pixel and the shop\'s home page', async () => {
  const tampered = cards[0].link.replace(/s=([0-9a-f])/, (m, c) => 's=' + (c === '0' ? '1' : '0'));
  const otherOrder = cards[0].link.replace(/r=\d+/, 'r=1');
  const otherProducts = cards[0].link.replace(/p=\d+/, 'p=1001');
  const mangledSlot = cards[0].link.replace(/n=1/, 'n=1%20');
  for (const link of [tampered, otherOrder, otherProducts, mangledSlot]) {
    const go = await follow(link);
    assert.equal(go.status, 303, link);
    assert.equal(go.headers.get('location'), `https://${env.SHOP}/`);
    const image = await follow(link.replace('/go?', '/offer.png?'));
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/png');
  }
  const elsewhere = await follow(cards[0].link.replace(env.SHOP, 'nobody.myshopify.com'));
  assert.equal(elsewhere.status, 200, 'an unknown shop: a plain page, never an error');
});

const failed = await runTests(tests, 'e-mail snippet tests');
process.exit(failed ? 1 : 0);

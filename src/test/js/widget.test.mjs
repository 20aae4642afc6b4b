// The Triad widget in headless Chromium on a local test storefront, against a running Triad.
// Environment (set by WidgetBrowserTest): TRIAD_URL, SHOP, KEY, ADMIN_KEY, STORE_PORT, CHROMIUM, SCREENSHOTS.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { runTests } from './run-tests.mjs';
import { startStorefront } from './storefront.mjs';

const env = process.env;
const store = `http://127.0.0.1:${env.STORE_PORT}`;
const server = await startStorefront({ port: Number(env.STORE_PORT), triadUrl: env.TRIAD_URL, shop: env.SHOP, key: env.KEY,
  proxySecret: env.SHOPIFY_SECRET });
const browser = await chromium.launch({
  executablePath: env.CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking']
});
mkdirSync(env.SCREENSHOTS, { recursive: true });

// Two suites: "widget" (the bike shop of WidgetBrowserTest) and "discounts" (an installed Shopify app shop with
// numeric ids, DiscountBrowserTest); SUITE says which runs.
const tests = [];
const test = (name, body, suite = 'widget') => tests.push({ name, body, suite });

async function fresh(viewport = { width: 1280, height: 800 }, first) {
  await fetch(store + '/__reset' + (first ? '?first=' + first : ''));
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  page.on('pageerror', error => console.log('    page error:', error.message));
  page.on('console', message => message.type() === 'error' && console.log('    console:', message.text()));
  return { context, page };
}

async function carts() {
  return (await fetch(store + '/__carts')).json();
}

async function stats() {
  const response = await fetch(`${env.TRIAD_URL}/admin/v1/shops/${env.SHOP}/stats`,
    { headers: { Authorization: 'Bearer ' + env.ADMIN_KEY } });
  return response.json();
}

async function eventually(check, what, millis = 5000) {
  const deadline = Date.now() + millis;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail('timed out waiting for ' + what);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

async function openAtCheckout(page, query = '') {
  await page.goto(store + '/cart' + query);
  await page.waitForFunction(() => window.TriadWidget);
  await page.click('#checkout');
  return page.waitForSelector('[role="dialog"]', { timeout: 3000 });
}

test('shows three cards in tier order, the middle one recommended, before checkout', async () => {
  const { context, page } = await fresh();
  const dialog = await openAtCheckout(page);
  const cards = await dialog.$$eval('.triad-card', nodes => nodes.map(n => ({
    kind: n.dataset.kind, tier: n.dataset.tier, recommended: n.classList.contains('triad-rec'), text: n.textContent })));
  assert.deepEqual(cards.map(c => c.kind), ['add_on', 'bundle', 'upgrade']);
  assert.deepEqual(cards.map(c => c.recommended), [false, true, false]);
  assert.match(cards[1].text, /Recommended/);
  assert.match(cards[0].text, /Helmet/);
  assert.match(cards[0].text, /\+\$49\.00/);
  assert.equal(await dialog.getAttribute('aria-modal'), 'true');
  const label = await dialog.getAttribute('aria-labelledby');
  assert.equal(await page.textContent('#' + label), 'Complete your order');
  assert.match(await dialog.textContent(), /Add \$201\.00 more for free shipping/);
  // A script tag with a key cannot claim a discount: the bundle is shown at the price the checkout will charge.
  const bundle = await dialog.$eval('.triad-card[data-kind="bundle"]', n => ({
    price: n.querySelector('.triad-price').textContent, extra: n.querySelector('.triad-extra').textContent, text: n.textContent }));
  assert.equal(bundle.extra, '+' + bundle.price);
  assert.doesNotMatch(bundle.text, /Save/);
  await page.waitForTimeout(400);
  await page.screenshot({ path: env.SCREENSHOTS + '/widget-desktop.png' });
  await context.close();
});

test('on a Shopify Markets storefront the offers come in the shopper\'s currency, at the theme\'s rate', async () => {
  const { context, page } = await fresh();
  await fetch(store + '/__market?active=EUR&rate=0.9');
  const dialog = await openAtCheckout(page);
  const cards = await dialog.$$eval('.triad-card', nodes => nodes.map(n => n.textContent));
  assert.match(cards[0], /Helmet/);
  assert.match(cards[0], /\+€44\.10/, 'the helmet at 49.00 USD × 0.9');
  await context.close();
});

test('add puts the offered item in the Shopify cart', async () => {
  const { context, page } = await fresh();
  await openAtCheckout(page);
  await page.click('.triad-card[data-kind="add_on"] button');
  await page.waitForSelector('.triad-card[data-kind="add_on"] button[disabled]:has-text("Added")');
  assert.deepEqual((await carts()).shopify.map(l => l.variant), ['v-500-m', 'v-helmet']);
  await page.click('.triad-go');
  await page.waitForURL(/\/checkout/);
  await context.close();
});

test('an upgrade swaps the variant in the cart', async () => {
  const { context, page } = await fresh();
  await openAtCheckout(page);
  await page.click('.triad-card[data-kind="upgrade"] button');
  await page.waitForSelector('.triad-card[data-kind="upgrade"] button:has-text("Added")');
  const lines = (await carts()).shopify;
  assert.deepEqual(lines.map(l => [l.variant, l.quantity]), [['v-700-m', 1]]);
  await context.close();
});

test('Esc closes the pop-up, sends dismiss, and the checkout goes through', async () => {
  const before = (await stats()).funnel.dismissals;
  const { context, page } = await fresh();
  await openAtCheckout(page);
  await page.keyboard.press('Escape');
  await page.waitForURL(/\/checkout/, { timeout: 3000 });
  await eventually(async () => (await stats()).funnel.dismissals === before + 1, 'the dismiss event to be counted');
  await context.close();
});

for (const [scenario, what] of [['slow', 'slower than 300 ms'], ['failing', 'failing']]) {
  test(`offers ${what}: no pop-up, and the checkout click goes through`, async () => {
    const { context, page } = await fresh();
    await page.goto(store + '/cart?triad=' + scenario);
    await page.waitForFunction(() => window.TriadWidget);
    const started = Date.now();
    await page.click('#checkout');
    await page.waitForURL(/\/checkout/, { timeout: 3000 });
    assert.ok(Date.now() - started < 2000, 'checkout reached without waiting for Triad');
    assert.equal(await page.$('[role="dialog"]'), null);
    await context.close();
  });
}

test('through the App Proxy (the theme app embed) the pop-up opens with no key in the page, and its events go the same way', async () => {
  const { context, page } = await fresh();
  await page.goto(store + '/products/trail-bike?embed=proxy');
  assert.doesNotMatch(await page.content(), /data-key=/);
  await page.waitForFunction(() => window.TriadWidget);
  await page.click('#CartDrawer-Checkout');
  await page.waitForSelector('.triad-card', { timeout: 3000 });
  await eventually(async () => (await (await fetch(store + '/__proxied')).json()).includes('/events'),
    'the impression through the proxy');
  assert.ok((await (await fetch(store + '/__proxied')).json()).includes('/offers checkout'));
  await page.click('.triad-go');
  await page.waitForURL(url => new URL(url).pathname === '/checkout', { timeout: 3000 });
  await context.close();
});

test('on a Dawn product page the cart drawer\'s checkout button opens the pop-up, then goes to checkout', async () => {
  const { context, page } = await fresh();
  await page.goto(store + '/products/trail-bike');
  await page.waitForFunction(() => window.TriadWidget);
  await page.click('#CartDrawer-Checkout');
  await page.waitForSelector('.triad-card', { timeout: 3000 });
  assert.equal(new URL(page.url()).pathname, '/products/trail-bike', 'the pop-up waits for the shopper');
  await page.waitForTimeout(400);
  await page.screenshot({ path: env.SCREENSHOTS + '/widget-drawer.png' });
  await page.click('.triad-go');
  await page.waitForURL(url => new URL(url).pathname === '/checkout', { timeout: 3000 });
  await context.close();
});

test('after the theme\'s add to cart on a product page the offers open once, for the product placement', async () => {
  const { context, page } = await fresh();
  await page.goto(store + '/products/trail-bike?embed=proxy&triggers=checkout,product');
  await page.waitForFunction(() => window.TriadWidget);
  await page.click('#ProductSubmitButton');
  await page.waitForSelector('.triad-card', { timeout: 3000 });
  assert.deepEqual((await carts()).shopify.map(l => l.variant), ['v-500-m', 'v-lock']);
  assert.ok((await (await fetch(store + '/__proxied')).json()).includes('/offers product'));
  await page.keyboard.press('Escape');
  await page.click('#ProductSubmitButton');
  await page.waitForTimeout(500);
  assert.equal(await page.$('.triad-card'), null, 'once per visit');
  await context.close();
});

test('the Shop Pay button in the cart drawer goes straight to checkout, never held by the pop-up', async () => {
  const { context, page } = await fresh();
  await page.goto(store + '/products/trail-bike');
  await page.waitForFunction(() => window.TriadWidget);
  await page.click('#shop-pay');
  await page.waitForURL(url => new URL(url).searchParams.get('wallet') === 'shop_pay', { timeout: 3000 });
  assert.equal(await page.$('.triad-card'), null);
  await context.close();
});

test('offers for the product of a WooCommerce variation in the cart, by keyboard alone at 360 px, focus trapped and restored', async () => {
  const { context, page } = await fresh({ width: 360, height: 740 });
  await page.goto(store + '/woo/cart');
  const dialog = await page.waitForSelector('[role="dialog"]', { timeout: 3000 });
  await page.waitForFunction(() => document.activeElement.closest('[role="dialog"]'));
  await page.waitForTimeout(400);
  await page.screenshot({ path: env.SCREENSHOTS + '/widget-360.png', fullPage: true });
  const width = await dialog.evaluate(node => node.getBoundingClientRect().width);
  assert.ok(width <= 360, 'the dialog fits a 360 px screen, it is ' + width);
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => !!document.activeElement.closest('[role="dialog"]')), 'focus stays in the dialog');
  }
  await page.keyboard.press('Shift+Tab');
  assert.ok(await page.evaluate(() => !!document.activeElement.closest('[role="dialog"]')));
  // Back to the first card's button, then add it with Enter.
  while (!(await page.evaluate(() => document.activeElement.closest('.triad-card[data-kind="add_on"]')))) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await eventually(async () => (await carts()).woo.some(l => l.variant === 'v-helmet'), 'the helmet in the WooCommerce cart');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[role="dialog"]', { state: 'detached' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'home', 'focus goes back where it was');
  assert.deepEqual((await carts()).productLookups, ['v-500-m'], 'the variation\'s parent is asked for once a session');
  // The session the offers were asked for, in a first-party cookie the store's checkout can put into the order.
  const session = await page.evaluate(() => sessionStorage.getItem('triad-session'));
  const cookies = await context.cookies(store);
  assert.equal(cookies.find(c => c.name === 'triad_session')?.value, session, 'the session is in the triad_session cookie');
  await context.close();
});

test('on WooCommerce with Triad\'s plugin, a bundle added from the pop-up hands its offer token to the cart through the Store API', async () => {
  const { context, page } = await fresh();
  const offered = page.waitForResponse(r => r.url().endsWith('/offers')).then(r => r.json());
  await page.goto(store + '/woo/cart?claims=store-api');
  await page.waitForSelector('.triad-card[data-kind="bundle"]', { timeout: 3000 });
  const bundle = (await offered).offers.find(o => o.kind === 'bundle');
  await page.click('.triad-card[data-kind="bundle"] button');
  await page.waitForSelector('.triad-card[data-kind="bundle"] button:has-text("Added")', { timeout: 3000 });
  const { woo, wooExtensions } = await carts();
  assert.equal(woo.length, 3, 'the bike and the bundle\'s two items');
  assert.deepEqual(wooExtensions, [{ namespace: 'triad-offers', data: { token: bundle.token } }],
    'the plugin gets the token after the items, and verifies it before taking the saving off');
  await context.close();
});

test('a bundle added from the pop-up reaches the cart with the discount code its claim made, beside the codes already there', async () => {
  const { context, page } = await fresh(undefined, '2001');
  await page.goto(store + '/products/trail-bike?embed=proxy');
  await page.evaluate(() => fetch('/cart/update.js', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ discount: 'WELCOME5' }) }));
  await page.waitForFunction(() => window.TriadWidget);
  await page.click('#CartDrawer-Checkout');
  await page.waitForSelector('.triad-card[data-kind="bundle"]', { timeout: 3000 });
  assert.match(await page.textContent('.triad-card[data-kind="bundle"]'), /Save 10%/);
  await page.click('.triad-card[data-kind="bundle"] button');
  await page.waitForSelector('.triad-card[data-kind="bundle"] button:has-text("Added")', { timeout: 3000 });
  const cart = await carts();
  assert.deepEqual(cart.shopify.map(l => l.variant), ['2001', '2002', '2003']);
  assert.equal(cart.discounts.length, 2, 'the shopper\'s own code and the offer\'s: ' + cart.discounts);
  assert.equal(cart.discounts[0], 'WELCOME5');
  assert.match(cart.discounts[1], /^TRIAD-[A-Z2-7]{16}$/);
  assert.ok((await (await fetch(store + '/__proxied')).json()).includes('/claims'));
  await context.close();
}, 'discounts');

test('a limited-time add-on shows one countdown, from Triad\'s clock, that coming back does not start again', async () => {
  const { context, page } = await fresh(undefined, '2001');
  await page.goto(store + '/products/trail-bike?embed=proxy');
  await page.waitForFunction(() => window.TriadWidget);
  await page.click('#CartDrawer-Checkout');
  const timer = await page.waitForSelector('[role="timer"]', { timeout: 3000 });
  assert.equal((await page.$$('[role="timer"]')).length, 1, 'one countdown');
  const first = await timer.textContent();
  assert.match(first, /^Offer ends in 1[45]:\d\d$/);
  const helmet = await page.textContent('.triad-card[data-kind="add_on"]:has-text("Helmet")');
  assert.match(helmet, /Save 10%/);
  assert.match(helmet, /\+\$44\.10/);
  await page.waitForTimeout(1200);
  await page.screenshot({ path: env.SCREENSHOTS + '/widget-countdown.png' });
  const seconds = text => { const [m, s] = text.match(/(\d+):(\d\d)/).slice(1).map(Number); return m * 60 + s; };
  // Something else goes into the cart (what was not taken but seen is not dismissed then), on to checkout, and back.
  await page.click('.triad-card[data-kind="add_on"]:has-text("Light") button');
  await page.waitForSelector('.triad-card[data-kind="add_on"]:has-text("Light") button:has-text("Added")');
  await page.click('.triad-go');
  await page.waitForURL(url => new URL(url).pathname === '/checkout', { timeout: 3000 });
  await page.goto(store + '/products/trail-bike?embed=proxy');
  await page.waitForFunction(() => window.TriadWidget);
  await page.evaluate(() => { window.TriadWidget.open('checkout'); });
  const again = await (await page.waitForSelector('[role="timer"]', { timeout: 3000 })).textContent();
  assert.ok(seconds(again) < seconds(first), `coming back, the countdown goes on (${first} then ${again})`);
  await context.close();
}, 'discounts');

const suite = env.SUITE || 'widget';
const failed = await runTests(tests.filter(t => t.suite === suite), `browser tests (${suite})`);
await browser.close();
server.close();
process.exit(failed ? 1 : 0);

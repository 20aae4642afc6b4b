// A local test storefront: static pages with the Triad widget, and fake Shopify (AJAX Cart API)
// and WooCommerce (Store API) carts, in memory. /slow-triad and /failing-triad stand in for a Triad
// that answers too late or not at all.
import { createHmac } from 'node:crypto';
import http from 'node:http';

// v-500-m is a variation (size M) of the variable product p-bike-500: WooCommerce's Store API gives a
// cart line the variation's id and attributes (CartItemSchema: id, variation), and names the parent only
// on its product route (ProductSchema: parent), as woocommerce/src/StoreApi/Schemas/V1 does.
const CATALOG = {
  'v-500-m': { productId: 'p-bike-500', title: 'Trail Bike 500', cents: 79900, size: 'M' },
  'v-700-m': { productId: 'p-bike-700', title: 'Trail Bike 700', cents: 94900 },
  'v-helmet': { productId: 'p-helmet', title: 'Helmet', cents: 4900 },
  'v-lock': { productId: 'p-lock', title: 'Lock', cents: 2500 },
  'v-light': { productId: 'p-light', title: 'Light', cents: 1900 },
  // The same shop with Shopify's numeric ids (the AJAX Cart API's variant_id and product_id), for a shop that
  // installed the app and whose discounts Triad creates through the Admin API.
  2001: { productId: '1001', title: 'Trail Bike', cents: 79900 },
  2002: { productId: '1002', title: 'Helmet', cents: 4900 },
  2003: { productId: '1003', title: 'Lock', cents: 2500 },
  2004: { productId: '1004', title: 'Light', cents: 1900 }
};
export const NONCE = 'woo-nonce-4711';

export function startStorefront({ port, triadUrl, shop, key, proxySecret }) {
  let shopify;
  let woo;
  let nextKey;
  let productLookups;
  let market;
  let discounts;
  let wooExtensions;
  const proxied = [];
  // Each reset is a new shopper with a cart of their own (a new cart token: what one dismissed, another sees).
  let carts = 0;
  const reset = (first = 'v-500-m') => {
    carts++;
    proxied.length = 0;
    nextKey = 1;
    productLookups = [];
    market = null;
    discounts = [];
    wooExtensions = [];
    shopify = [line(first, 1)];
    woo = [line('v-500-m', 1)];
  };
  reset();

  function line(variant, quantity) {
    return { key: 'line-' + nextKey++, variant, quantity };
  }

  function add(cart, id, quantity) {
    // WooCommerce adds by product id (a simple product is its own variant); Shopify by variant id.
    const variant = CATALOG[id] ? id : Object.keys(CATALOG).find(v => CATALOG[v].productId === id);
    if (!variant) return false;
    const existing = cart.find(l => l.variant === variant);
    if (existing) existing.quantity += quantity;
    else cart.push(line(variant, quantity));
    return true;
  }

  // Shopify Markets: /cart.js in the shopper's currency, amounts in its minor unit, converted at the
  // rate the theme's Shopify.currency shows (cart-js-populated.json of Shopify/theme-scripts is a CAD cart).
  function shopifyCart() {
    return {
      token: `c${carts}-fake-cart-token?key=secret`, currency: market ? market.active : 'USD',
      discount_codes: discounts.map(code => ({ code, applicable: true })),
      items: shopify.map(l => ({ key: l.key, product_id: CATALOG[l.variant].productId, variant_id: l.variant,
        quantity: l.quantity, price: Math.round(CATALOG[l.variant].cents * (market ? Number(market.rate) : 1)),
        title: CATALOG[l.variant].title }))
    };
  }

  /** A WooCommerce id: a variation's own id, or the product's for a simple product. */
  function wooId(variant) {
    return CATALOG[variant].size ? variant : CATALOG[variant].productId;
  }

  function wooCart() {
    return {
      totals: { currency_code: 'USD', currency_minor_unit: 2 },
      items: woo.map(l => ({ key: l.key, id: wooId(l.variant), quantity: l.quantity, name: CATALOG[l.variant].title,
        variation: CATALOG[l.variant].size ? [{ attribute: 'Size', value: CATALOG[l.variant].size }] : [],
        prices: { price: String(CATALOG[l.variant].cents), currency_minor_unit: 2 } }))
    };
  }

  function page(platform, endpoint, triggers, bodyClass, claims) {
    const data = `data-shop="${shop}" data-key="${key}" data-platform="${platform}"`
      + (endpoint ? ` data-endpoint="${endpoint}"` : '') + (triggers ? ` data-triggers="${triggers}"` : '')
      + (claims ? ` data-claims="${claims}"` : '');
    const checkout = platform === 'shopify'
      ? '<form action="/checkout" method="get"><button type="submit" name="checkout" id="checkout">Check out</button></form>'
      : '<a class="checkout-button" id="checkout" href="/checkout">Proceed to checkout</a>';
    return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Test store — cart</title>
<style>body{font:16px system-ui;margin:24px}button,a{font:inherit;padding:10px 16px}</style></head>
<body class="${bodyClass || ''}"><h1>Your cart</h1>${market && platform === 'shopify'
    ? `<script>window.Shopify = { currency: ${JSON.stringify(market)} };</script>` : ''}<p id="lines">Trail Bike 500 — $799.00</p>
<a href="/" id="home">Continue shopping</a> ${checkout}
<script>document.getElementById('home').focus();</script>
<script src="${triadUrl}/widget/v1/triad.js" ${data} async></script></body></html>`;
  }

  /**
   * Shopify's App Proxy: /apps/triad/<path> on the shop's domain is forwarded to Triad's /proxy/v1/<path>
   * with shop, path_prefix, timestamp, logged_in_customer_id (empty for a guest) and their signature:
   * hex HMAC-SHA256 under the app secret of the sorted "key=value" strings, concatenated (shopify.dev,
   * "Authenticate app proxies").
   */
  async function appProxy(path, method, body, customer) {
    const query = { shop, path_prefix: '/apps/triad', timestamp: String(Math.floor(Date.now() / 1000)),
      logged_in_customer_id: customer || '' };
    const message = Object.entries(query).map(([k, v]) => `${k}=${v}`).sort().join('');
    const signature = createHmac('sha256', proxySecret).update(message).digest('hex');
    const url = `${triadUrl}/proxy/v1${path}?${new URLSearchParams({ ...query, signature })}`;
    const placement = method === 'POST' && path === '/offers' ? JSON.parse(body).placement : null;
    proxied.push(placement ? `${path} ${placement}` : path);
    const response = await fetch(url, { method, headers: { 'Content-Type': 'application/json' },
      body: method === 'POST' ? body : undefined });
    return { status: response.status, text: await response.text() };
  }

  // A product page of Shopify's default theme, Dawn, with its cart drawer open after an add to cart:
  // markup as Dawn's snippets/cart-drawer.liquid renders it (github.com/Shopify/dawn, v15): the
  // checkout button sits outside the drawer's form and names it (form="CartDrawer-Form"), the form
  // posts to /cart with name="checkout", and the dynamic checkout (Shop Pay) button sits beside it.
  function dawnProductPage(embed, triggers) {
    return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Trail Bike 500 — Test store</title>
<style>body{font:16px system-ui;margin:24px}.drawer{position:fixed;inset:0 0 0 auto;width:360px;background:#fff;
box-shadow:-4px 0 16px #0003;padding:16px}button{font:inherit;padding:10px 16px}</style></head>
<body class="template-product"><h1>Lock</h1><p>$25.00</p>
<product-form class="product-form" data-hide-errors="false">
  <form method="post" action="/cart/add" id="product-form-main" accept-charset="UTF-8" class="form"
    enctype="multipart/form-data" novalidate="novalidate" data-type="add-to-cart-form">
    <input type="hidden" name="id" value="v-lock" class="product-variant-id">
    <button id="ProductSubmitButton" type="submit" name="add" class="product-form__submit button">Add to cart</button>
  </form>
</product-form>
<script>
  // As Dawn's assets/product-form.js does: the form goes to /cart/add (routes.cart_add_url) with fetch.
  document.getElementById('product-form-main').addEventListener('submit', function (event) {
    event.preventDefault();
    fetch('/cart/add', { method: 'POST', headers: { 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/javascript' },
      body: new FormData(this) });
  });
</script>
<cart-drawer class="drawer active">
  <div id="CartDrawer" class="cart-drawer">
    <div class="drawer__inner" role="dialog" aria-modal="true" aria-label="Your cart" tabindex="-1">
      <h2 class="drawer__heading">Your cart</h2>
      <form action="/cart" id="CartDrawer-Form" class="cart__contents cart-drawer__form" method="post">
        <div id="CartDrawer-CartItems" class="drawer__contents">Trail Bike 500 — $799.00</div>
      </form>
      <div class="drawer__footer">
        <div class="cart__ctas">
          <button type="submit" id="CartDrawer-Checkout" class="cart__checkout-button button" name="checkout"
            form="CartDrawer-Form">Check out</button>
        </div>
        <div class="additional-checkout-buttons additional-checkout-buttons--vertical">
          <div class="dynamic-checkout__content" id="dynamic-checkout-cart" data-shopify="dynamic-checkout-cart">
            <button type="button" class="shopify-payment-button__button" id="shop-pay"
              onclick="location.href='/checkout?wallet=shop_pay'">Buy with Shop Pay</button>
          </div>
        </div>
      </div>
    </div>
  </div>
</cart-drawer>
${embed ? `<script src="${triadUrl}/widget/v1/triad.js" data-shop="${shop}" data-proxy="/apps/triad" data-platform="shopify"${
    triggers ? ` data-triggers="${triggers}"` : ''} async></script>`
    : `<script src="${triadUrl}/widget/v1/triad.js" data-shop="${shop}" data-key="${key}" data-platform="shopify" async></script>`}
</body></html>`;
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const body = await new Promise(resolve => {
      let text = '';
      req.on('data', chunk => { text += chunk; });
      req.on('end', () => resolve(text));
    });
    const send = (status, value, type = 'application/json', headers = {}) => {
      res.writeHead(status, { 'Content-Type': type, ...headers });
      res.end(typeof value === 'string' ? value : JSON.stringify(value));
    };
    const endpoint = { slow: `http://127.0.0.1:${port}/slow-triad`, failing: `http://127.0.0.1:${port}/failing-triad` }[
      url.searchParams.get('triad')];

    // Shopify answers a cart form posted with "checkout" by sending the shopper to checkout.
    if (url.pathname === '/cart' && req.method === 'POST') {
      return send(302, '', 'text/html', { Location: body.includes('checkout') ? '/checkout' : '/cart' });
    }
    if (url.pathname === '/cart') return send(200, page('shopify', endpoint, url.searchParams.get('triggers')), 'text/html');
    if (url.pathname === '/products/trail-bike') {
      return send(200, dawnProductPage(url.searchParams.get('embed') === 'proxy', url.searchParams.get('triggers')),
        'text/html');
    }
    if (url.pathname.startsWith('/apps/triad/')) {
      const answer = await appProxy(url.pathname.slice('/apps/triad'.length), req.method, body,
        url.searchParams.get('customer'));
      return send(answer.status, answer.text);
    }
    if (url.pathname === '/__proxied') return send(200, proxied);
    if (url.pathname === '/woo/cart') {
      // ?claims=store-api: the tag Triad's WooCommerce plugin prints (its tokens go to the Store API's cart/extensions).
      return send(200, page('woocommerce', endpoint, 'cart', 'woocommerce-cart woocommerce-page',
        url.searchParams.get('claims')), 'text/html');
    }
    if (url.pathname === '/checkout') return send(200, '<!doctype html><title>Checkout</title><h1>Checkout</h1>', 'text/html');
    if (url.pathname === '/') return send(200, '<!doctype html><title>Home</title><h1>Home</h1>', 'text/html');
    if (url.pathname.startsWith('/img/')) {
      const [shape, color] = {
        helmet: ['<path d="M35 80 Q35 30 80 30 Q125 30 125 80 Z" fill="#b45309"/>', '#fde68a'],
        lock: ['<rect x="55" y="55" width="50" height="40" rx="6" fill="#1d4ed8"/><path d="M65 55 V42 Q80 25 95 42 V55" '
          + 'stroke="#1d4ed8" stroke-width="7" fill="none"/>', '#bfdbfe'],
        bike: ['<g stroke="#166534" stroke-width="6" fill="none"><circle cx="48" cy="78" r="22"/><circle cx="112" cy="78" '
          + 'r="22"/><path d="M48 78 L70 45 L100 45 L112 78 M70 45 L82 78 L100 45"/></g>', '#bbf7d0']
      }[url.pathname.slice(5, -4)] || ['', '#e5e7eb'];
      return send(200, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 120"><rect width="160" height="120" `
        + `rx="12" fill="${color}"/>${shape}</svg>`,
      'image/svg+xml');
    }
    if (url.pathname === '/__reset') { reset(url.searchParams.get('first') || undefined); return send(200, { ok: true }); }
    if (url.pathname === '/__market') {
      market = { active: url.searchParams.get('active'), rate: url.searchParams.get('rate') };
      return send(200, { ok: true });
    }
    if (url.pathname === '/__carts') return send(200, { shopify, woo, productLookups, discounts, wooExtensions });

    if (url.pathname === '/cart.js') return send(200, shopifyCart());
    // A theme's product form, posted as multipart form data (Dawn): the variant is the "id" field.
    if (url.pathname === '/cart/add' && req.method === 'POST') {
      const variant = (body.match(/name="id"\r\n\r\n([^\r]+)/) || [])[1];
      if (!variant || !add(shopify, variant, 1)) return send(422, { message: 'unknown variant' });
      return send(200, { id: variant, quantity: 1 });
    }
    if (url.pathname === '/cart/add.js' && req.method === 'POST') {
      const items = JSON.parse(body).items || [];
      if (!items.every(i => add(shopify, String(i.id), i.quantity || 1))) return send(422, { message: 'unknown variant' });
      return send(200, { items });
    }
    // The cart's discount codes, as /cart/update.js takes them since 2025-05 ("discount": the whole list,
    // comma-separated; shopify.dev Cart API "Update the cart discounts").
    if (url.pathname === '/cart/update.js' && req.method === 'POST') {
      const update = JSON.parse(body);
      if (typeof update.discount === 'string') discounts = update.discount.split(',').map(c => c.trim()).filter(Boolean);
      return send(200, shopifyCart());
    }
    if (url.pathname === '/cart/change.js' && req.method === 'POST') {
      const change = JSON.parse(body);
      const target = shopify.find(l => l.key === change.id);
      if (!target) return send(400, { message: 'no such line' });
      target.quantity = change.quantity;
      shopify = shopify.filter(l => l.quantity > 0);
      return send(200, shopifyCart());
    }

    if (url.pathname === '/wp-json/wc/store/v1/cart') return send(200, wooCart(), 'application/json', { Nonce: NONCE });
    if (url.pathname.startsWith('/wp-json/wc/store/v1/products/')) {
      const id = decodeURIComponent(url.pathname.slice('/wp-json/wc/store/v1/products/'.length));
      productLookups.push(id);
      const variant = CATALOG[id] ? id : Object.keys(CATALOG).find(v => CATALOG[v].productId === id);
      if (!variant) return send(404, { code: 'woocommerce_rest_product_invalid_id' });
      const variation = CATALOG[variant].size && id === variant;
      return send(200, { id, name: CATALOG[variant].title, parent: variation ? CATALOG[variant].productId : 0,
        type: variation ? 'variation' : 'simple' });
    }
    if (url.pathname.startsWith('/wp-json/wc/store/v1/cart/') && req.method === 'POST') {
      if (req.headers.nonce !== NONCE) return send(401, { code: 'woocommerce_rest_missing_nonce' });
      const input = JSON.parse(body);
      if (url.pathname.endsWith('/add-item')) {
        return add(woo, String(input.id), input.quantity || 1) ? send(201, wooCart()) : send(400, { code: 'bad id' });
      }
      if (url.pathname.endsWith('/remove-item')) {
        woo = woo.filter(l => l.key !== input.key);
        return send(200, wooCart());
      }
      // src/StoreApi/Routes/V1/CartExtensions.php: {namespace, data} handed to the extension's callback.
      if (url.pathname.endsWith('/extensions')) {
        wooExtensions.push(input);
        return send(200, wooCart());
      }
    }

    if (url.pathname.startsWith('/failing-triad/')) return send(500, { title: 'down' });
    if (url.pathname.startsWith('/slow-triad/')) {
      await new Promise(resolve => setTimeout(resolve, 800));
      const forwarded = await fetch(triadUrl + url.pathname.replace('/slow-triad', '') + url.search, {
        method: req.method, headers: { 'Content-Type': 'application/json', 'X-Triad-Key': req.headers['x-triad-key'] || '' },
        body: req.method === 'POST' ? body : undefined
      });
      return send(forwarded.status, await forwarded.text());
    }
    send(404, { message: 'not found' });
  });
  return new Promise(resolve => server.listen(port, '127.0.0.1', () => resolve(server)));
}

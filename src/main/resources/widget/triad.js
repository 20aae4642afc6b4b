/*! Triad widget v1 — the rule of three at the checkout. No dependencies. */
(function () {
  'use strict';

  var script = document.currentScript;
  if (!script || window.TriadWidget) return;

  var config = {
    shop: script.dataset.shop,
    key: script.dataset.key,
    platform: script.dataset.platform === 'woocommerce' ? 'woocommerce' : 'shopify',
    endpoint: (script.dataset.endpoint || new URL(script.src).origin).replace(/\/$/, ''),
    // Shopify has run no storefront script on its thank-you and order-status pages since 2025-08-28:
    // there the post-purchase offers belong to a Checkout UI extension, and the script's trigger is checkout.
    triggers: (script.dataset.triggers || (script.dataset.platform === 'woocommerce' ? 'checkout,thankyou' : 'checkout'))
      .split(','),
    timeout: Number(script.dataset.timeout) || 300,
    customer: script.dataset.customer || null,
    // Through Shopify's App Proxy (the theme app embed): offers and events go to /apps/<subpath> on the
    // shop's own domain, which Shopify signs and forwards to Triad; no key in the page.
    proxy: script.dataset.proxy ? script.dataset.proxy.replace(/\/$/, '') : null,
    lang: (script.dataset.lang || document.documentElement.lang || 'en').slice(0, 2).toLowerCase()
  };
  if (!config.shop || !(config.key || config.proxy)) return;

  // The widget's own requests use the fetch the page had when it loaded: the product trigger below
  // watches the theme's adds to cart, never the widget's.
  var fetch = window.fetch.bind(window);

  var TEXT = {
    en: { title: 'Complete your order', close: 'Close', add: 'Add', addBoth: 'Add both', upgrade: 'Upgrade',
      added: 'Added', recommended: 'Recommended', extra: '+{0}', together: 'Bought together by {0} customers',
      pick: 'Our pick for you', nextTier: 'The next step up', save: 'Save {0}%', shipping: 'Add {0} more for free shipping',
      shippingDone: 'Your order ships free', proceed: 'Continue to checkout', done: 'Continue', rating: '{0} ★ ({1})',
      againDays: 'You buy this every ~{0} days', againWeeks: 'You buy this every ~{0} weeks',
      endsIn: 'Offer ends in {0}', ended: 'Offer ended' },
    de: { title: 'Ihre Bestellung abrunden', close: 'Schließen', add: 'Hinzufügen', addBoth: 'Beide hinzufügen',
      upgrade: 'Upgraden', added: 'Hinzugefügt', recommended: 'Empfohlen', extra: '+{0}',
      together: 'Von {0} Kunden zusammen gekauft', pick: 'Unsere Empfehlung', nextTier: 'Die nächste Stufe',
      save: '{0} % sparen', shipping: 'Noch {0} bis zum kostenlosen Versand', shippingDone: 'Ihre Bestellung wird kostenlos versandt',
      proceed: 'Weiter zur Kasse', done: 'Weiter', rating: '{0} ★ ({1})',
      againDays: 'Sie kaufen das etwa alle {0} Tage', againWeeks: 'Sie kaufen das etwa alle {0} Wochen',
      endsIn: 'Angebot endet in {0}', ended: 'Angebot beendet' },
    fr: { title: 'Complétez votre commande', close: 'Fermer', add: 'Ajouter', addBoth: 'Ajouter les deux',
      upgrade: 'Passer au modèle supérieur', added: 'Ajouté', recommended: 'Recommandé', extra: '+{0}',
      together: 'Achetés ensemble par {0} clients', pick: 'Notre sélection', nextTier: 'Le niveau supérieur',
      save: 'Économisez {0} %', shipping: 'Plus que {0} pour la livraison gratuite', shippingDone: 'Livraison gratuite',
      proceed: 'Passer la commande', done: 'Continuer', rating: '{0} ★ ({1})',
      againDays: 'Vous en achetez environ tous les {0} jours', againWeeks: 'Vous en achetez environ toutes les {0} semaines',
      endsIn: 'L\u2019offre se termine dans {0}', ended: 'Offre terminée' },
    es: { title: 'Completa tu pedido', close: 'Cerrar', add: 'Añadir', addBoth: 'Añadir ambos', upgrade: 'Mejorar',
      added: 'Añadido', recommended: 'Recomendado', extra: '+{0}', together: 'Comprados juntos por {0} clientes',
      pick: 'Nuestra selección', nextTier: 'El siguiente nivel', save: 'Ahorra un {0} %',
      shipping: 'Añade {0} más para el envío gratis', shippingDone: 'Tu pedido tiene envío gratis',
      proceed: 'Ir a pagar', done: 'Continuar', rating: '{0} ★ ({1})',
      againDays: 'Lo compras cada ~{0} días', againWeeks: 'Lo compras cada ~{0} semanas',
      endsIn: 'La oferta termina en {0}', ended: 'Oferta terminada' }
  };
  var text = TEXT[config.lang] || TEXT.en;
  function t(name) {
    var args = Array.prototype.slice.call(arguments, 1);
    return text[name].replace(/\{(\d)\}/g, function (m, i) { return args[i]; });
  }

  // ---- platform: the cart as Triad reads it, and the cart changes an offer makes --------------

  var platforms = {
    shopify: {
      cart: function () {
        return fetch('/cart.js', { credentials: 'same-origin' }).then(json).then(function (cart) {
          // Shopify Markets: /cart.js answers in the shopper's currency, and the theme's Shopify.currency
          // holds the rate from the shop's currency to it; Triad prices its offers the same way.
          var market = window.Shopify && Shopify.currency;
          return {
            currency: cart.currency,
            rate: market && market.rate && market.active === cart.currency ? String(market.rate) : null,
            session: String(cart.token || '').split('?')[0] || null,
            lines: cart.items.map(function (item) {
              return { productId: String(item.product_id), variantId: String(item.variant_id), key: item.key,
                quantity: item.quantity, price: (item.price / 100).toFixed(2) };
            })
          };
        });
      },
      add: function (variants) {
        return post('/cart/add.js', { items: variants.map(function (id) { return { id: Number(id) || id, quantity: 1 }; }) });
      },
      // An offer with a discount is claimed through the App Proxy: Triad makes a one-order code for exactly
      // the offer's items and saving, which joins the cart's codes (/cart/update.js "discount" replaces
      // the whole list, so the codes already there go with it).
      claim: function (token) {
        return config.proxy ? post(config.proxy + '/claims', { token: token }) : Promise.resolve(null);
      },
      discount: function (code) {
        return fetch('/cart.js', { credentials: 'same-origin' }).then(json).then(function (cart) {
          var codes = (cart.discount_codes || []).map(function (d) { return d.code; })
            .filter(function (c) { return c && c !== code; });
          return post('/cart/update.js', { discount: codes.concat(code).join(',') });
        });
      },
      swap: function (line, variant) {
        return post('/cart/change.js', { id: line.key, quantity: 0 }).then(function () {
          return post('/cart/add.js', { items: [{ id: Number(variant) || variant, quantity: line.quantity }] });
        });
      },
      checkoutButtons: '[name="checkout"], a[href$="/checkout"], form[action$="/checkout"] [type="submit"]',
      isCart: function () { return location.pathname === '/cart'; },
      // No script of an app runs on Shopify's thank-you and order-status pages any more (2025-08-28).
      isThankYou: function () { return false; }
    },
    woocommerce: {
      nonce: null,
      cart: function () {
        var self = this;
        return fetch('/wp-json/wc/store/v1/cart', { credentials: 'same-origin' }).then(function (response) {
          self.nonce = response.headers.get('Nonce') || response.headers.get('X-WC-Store-API-Nonce');
          self.cartToken = response.headers.get('Cart-Token');
          return json(response);
        }).then(function (cart) {
          var minor = cart.totals.currency_minor_unit;
          return Promise.all(cart.items.map(function (item) { return self.productOf(item); })).then(function (products) {
            return {
              currency: cart.totals.currency_code,
              session: null,
              lines: cart.items.map(function (item, i) {
                return { productId: products[i], variantId: String(item.id), key: item.key, quantity: item.quantity,
                  price: (Number(item.prices.price) / Math.pow(10, minor)).toFixed(minor) };
              })
            };
          });
        });
      },
      // A cart item's id is the variation's for a variable product (Store API CartItemSchema); Triad files
      // variations under their product, so ask the Store API product route for its parent (ProductSchema
      // "parent"), once a session. A failed lookup keeps the item's own id: offers still come, less apt.
      productOf: function (item) {
        var own = String(item.id);
        if (!(item.variation && item.variation.length) && item.type !== 'variation') return Promise.resolve(own);
        var cached = remembered('triad-parent-' + own);
        if (cached) return Promise.resolve(cached);
        return fetch('/wp-json/wc/store/v1/products/' + encodeURIComponent(own), { credentials: 'same-origin' })
          .then(json).then(function (product) {
            var parent = product.parent ? String(product.parent) : own;
            remember('triad-parent-' + own, parent);
            return parent;
          }, function () { return own; });
      },
      headers: function () {
        var headers = {};
        if (this.nonce) headers.Nonce = this.nonce;
        if (this.cartToken) headers['Cart-Token'] = this.cartToken;
        return headers;
      },
      add: function (variants) {
        var self = this;
        return variants.reduce(function (previous, id) {
          return previous.then(function () {
            return post('/wp-json/wc/store/v1/cart/add-item', { id: Number(id) || id, quantity: 1 }, self.headers());
          });
        }, Promise.resolve());
      },
      // With Triad's plugin in the store (data-claims="store-api") the offer's token goes to the cart through
      // the Store API's extension update; the plugin verifies it and takes exactly the offer's saving off.
      claim: function (token) {
        return Promise.resolve(script.dataset.claims === 'store-api' ? { code: token } : null);
      },
      discount: function (token) {
        return post('/wp-json/wc/store/v1/cart/extensions', { namespace: 'triad-offers', data: { token: token } },
          this.headers());
      },
      swap: function (line, variant) {
        var self = this;
        return post('/wp-json/wc/store/v1/cart/remove-item', { key: line.key }, self.headers()).then(function () {
          return post('/wp-json/wc/store/v1/cart/add-item', { id: Number(variant) || variant, quantity: line.quantity }, self.headers());
        });
      },
      checkoutButtons: 'a.checkout-button, .wc-block-cart__submit-button, a[href*="/checkout"]',
      isCart: function () { return document.body.classList.contains('woocommerce-cart'); },
      isThankYou: function () { return document.body.classList.contains('woocommerce-order-received'); }
    }
  };
  var platform = platforms[config.platform];

  function json(response) {
    if (!response.ok) {
      var error = new Error('HTTP ' + response.status);
      error.status = response.status;
      throw error;
    }
    return response.json();
  }

  function post(url, body, headers) {
    var all = { 'Content-Type': 'application/json', Accept: 'application/json' };
    Object.keys(headers || {}).forEach(function (name) { all[name] = headers[name]; });
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: all, body: JSON.stringify(body) }).then(json);
  }

  // ---- Triad: offers within the time budget, events as beacons --------------------------------

  function session(cart) {
    if (cart.session) return cart.session;
    var id = sessionStorage.getItem('triad-session');
    if (!id) {
      id = 's-' + Math.random().toString(36).slice(2) + Date.now().toString(36);
      sessionStorage.setItem('triad-session', id);
    }
    // A WooCommerce order carries no cart attribute: the store's own server (Triad's plugin) reads this
    // first-party cookie at checkout into the order's _triad_session meta, which links the order to the
    // session's offers and hold-out group. Shopify orders carry the cart token instead.
    if (config.platform === 'woocommerce' && document.cookie.indexOf('triad_session=' + id) < 0) {
      document.cookie = 'triad_session=' + id + '; path=/; max-age=' + 7 * 24 * 3600 + '; SameSite=Lax'
        + (location.protocol === 'https:' ? '; Secure' : '');
    }
    return id;
  }

  function remembered(key) {
    try { return sessionStorage.getItem(key); } catch (e) { return null; }
  }

  function remember(key, value) {
    try { sessionStorage.setItem(key, value); } catch (e) { /* storage full or off: ask again next time */ }
  }

  function customer() {
    var meta = window.ShopifyAnalytics && ShopifyAnalytics.meta && ShopifyAnalytics.meta.page;
    return config.customer || (meta && meta.customerId ? String(meta.customerId) : null);
  }

  /** The offers for this cart, or a rejection when Triad is slow, failing or has nothing to say. */
  function offers(cart, placement) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, config.timeout);
    var body = { placement: placement, currency: cart.currency, sessionId: session(cart), customerId: customer(),
      cart: cart.lines.map(function (l) {
        return { productId: l.productId, variantId: l.variantId, quantity: l.quantity, price: l.price };
      }) };
    if (cart.rate) body.currencyRate = cart.rate;
    var request = config.proxy
      ? fetch(config.proxy + '/offers', { method: 'POST', credentials: 'same-origin', signal: controller.signal,
        headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      : fetch(config.endpoint + '/v1/shops/' + encodeURIComponent(config.shop) + '/offers', {
        method: 'POST', mode: 'cors', signal: controller.signal,
        headers: { 'Content-Type': 'application/json', 'X-Triad-Key': config.key }, body: JSON.stringify(body) });
    return request.then(json).then(function (answer) {
      clearTimeout(timer);
      if (!answer.offers || !answer.offers.length) throw new Error('no offers');
      answer.offers = answer.offers.map(asCharged);
      return answer;
    }, function (error) {
      clearTimeout(timer);
      throw error;
    });
  }

  /**
   * An offer as the store will charge it. A discount is charged only where it can be claimed: through the App
   * Proxy on Shopify, and through Triad's plugin on WooCommerce (data-claims="store-api"). Elsewhere the offer is
   * shown at its usual price, never at a price the checkout would not honour.
   */
  function asCharged(offer) {
    var claimable = config.platform === 'shopify' ? !!config.proxy : script.dataset.claims === 'store-api';
    if (!offer.token || claimable) return offer;
    var plain = {};
    Object.keys(offer).forEach(function (name) { plain[name] = offer[name]; });
    plain.extra = offer.price;
    ['discountPercent', 'token', 'expiresAt', 'countdown'].forEach(function (name) { delete plain[name]; });
    return plain;
  }

  function productIds(offer) {
    return offer.items ? offer.items.map(function (i) { return i.productId; }) : [offer.productId];
  }

  function send(type, context, shown) {
    var event = { type: type, key: config.key, sessionId: context.session, customerId: customer(),
      placement: context.placement, requestId: context.answer.requestId,
      offers: shown.map(function (o) { return { tier: o.tier, kind: o.kind, productIds: productIds(o) }; }) };
    var url = config.proxy ? config.proxy + '/events'
      : config.endpoint + '/v1/shops/' + encodeURIComponent(config.shop) + '/events';
    var body = JSON.stringify(event);
    if (!(navigator.sendBeacon && navigator.sendBeacon(url, new Blob([body], { type: 'text/plain' })))) {
      fetch(url, { method: 'POST', mode: 'no-cors', keepalive: true, body: body });
    }
  }

  // ---- the pop-up -----------------------------------------------------------------------------

  var CSS = '.triad-backdrop{position:fixed;inset:0;background:rgba(17,24,39,.55);display:flex;align-items:center;'
    + 'justify-content:center;z-index:2147483000;padding:12px;animation:triad-in .18s ease-out}'
    + '.triad-dialog{background:#fff;color:#111827;border-radius:14px;max-width:880px;width:100%;max-height:calc(100vh - 24px);'
    + 'overflow:auto;padding:20px;font:15px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;box-shadow:0 20px 50px rgba(0,0,0,.3)}'
    + '.triad-head{display:flex;justify-content:space-between;align-items:center;gap:12px;margin-bottom:12px}'
    + '.triad-head h2{font-size:20px;margin:0}.triad-x{border:0;background:none;font-size:28px;line-height:1;cursor:pointer;'
    + 'color:#374151;width:44px;height:44px;border-radius:8px}'
    + '.triad-timer{margin:0 0 12px;font-size:14px;font-weight:600;color:#b45309;font-variant-numeric:tabular-nums}'
    + '.triad-ship{margin:0 0 14px;font-size:14px}.triad-bar{height:8px;background:#e5e7eb;border-radius:4px;margin-top:6px;overflow:hidden}'
    + '.triad-bar span{display:block;height:100%;background:#059669}'
    + '.triad-cards{display:grid;grid-template-columns:repeat(3,1fr);gap:12px;list-style:none;margin:0;padding:0}'
    + '.triad-card{border:1px solid #e5e7eb;border-radius:12px;padding:12px;display:flex;flex-direction:column;gap:6px;position:relative}'
    + '.triad-card.triad-rec{border:2px solid #4f46e5;box-shadow:0 4px 14px rgba(79,70,229,.2)}'
    + '.triad-badge{position:absolute;top:-11px;left:12px;background:#4f46e5;color:#fff;font-size:12px;padding:2px 8px;border-radius:10px}'
    + '.triad-card img{width:100%;height:120px;object-fit:contain;background:#f9fafb;border-radius:8px}'
    + '.triad-card h3{font-size:15px;margin:4px 0 0}.triad-price{font-weight:600}.triad-extra{color:#4b5563;font-size:13px}'
    + '.triad-why{color:#047857;font-size:13px}.triad-card button,.triad-go{margin-top:auto;min-height:44px;border-radius:8px;'
    + 'border:1px solid #4f46e5;background:#4f46e5;color:#fff;font:inherit;font-weight:600;cursor:pointer;padding:8px 12px}'
    + '.triad-card button[disabled]{background:#059669;border-color:#059669}'
    + '.triad-go{display:block;width:100%;margin-top:16px;background:#111827;border-color:#111827}'
    + '.triad-dialog :focus-visible{outline:3px solid #f59e0b;outline-offset:2px}'
    + '@media (max-width:640px){.triad-cards{grid-template-columns:1fr}.triad-card{flex-direction:row;flex-wrap:wrap;align-items:center}'
    + '.triad-card img{width:72px;height:72px}.triad-card .triad-body{flex:1;min-width:0}.triad-card button{width:100%}}'
    + '@keyframes triad-in{from{opacity:0}to{opacity:1}}'
    + '@media (prefers-reduced-motion:reduce){.triad-backdrop{animation:none}}';

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === 'text') node.textContent = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function money(amount, currency) {
    try {
      return new Intl.NumberFormat(document.documentElement.lang || config.lang, { style: 'currency', currency: currency })
        .format(Number(amount));
    } catch (e) {
      return amount + ' ' + currency;
    }
  }

  function reason(offer) {
    var e = offer.evidence || {};
    if (offer.discountPercent) return t('save', offer.discountPercent);
    if (offer.kind === 'upgrade') return t('nextTier');
    if (e.everyDays) {
      return e.everyDays >= 14 ? t('againWeeks', Math.round(e.everyDays / 7)) : t('againDays', Math.max(2, e.everyDays));
    }
    if (e.boughtTogether) return t('together', e.boughtTogether);
    if (e.rating) return t('rating', e.rating, e.reviewCount || 0);
    return t('pick');
  }

  /** Shows the offers; resolves when the shopper closes the pop-up or continues. */
  function show(context) {
    return new Promise(function (resolve) {
      var answer = context.answer;
      var currency = context.cart.currency;
      var opener = document.activeElement;
      var added = [];
      if (!document.getElementById('triad-style')) document.head.appendChild(el('style', { id: 'triad-style', text: CSS }));

      var close = el('button', { type: 'button', 'class': 'triad-x', 'aria-label': t('close'), text: '×' });
      var cards = answer.offers.map(function (offer) { return card(offer); });
      var proceed = el('button', { type: 'button', 'class': 'triad-go',
        text: context.placement === 'checkout' ? t('proceed') : t('done') });
      var timer = countdown(answer.offers, cards);
      var dialog = el('div', { 'class': 'triad-dialog', role: 'dialog', 'aria-modal': 'true',
        'aria-labelledby': 'triad-title' }, [
        el('div', { 'class': 'triad-head' }, [el('h2', { id: 'triad-title', text: t('title') }), close]),
        timer && timer.node,
        shipping(answer.freeShipping, currency),
        el('ul', { 'class': 'triad-cards' }, cards),
        proceed]);
      var backdrop = el('div', { 'class': 'triad-backdrop', 'data-triad': 'popup' }, [dialog]);
      document.body.appendChild(backdrop);
      send('impression', context, answer.offers);
      (dialog.querySelector('.triad-card button') || close).focus();

      function finish(dismissed) {
        if (timer) timer.stop();
        document.removeEventListener('keydown', keys, true);
        backdrop.remove();
        if (dismissed) {
          var left = answer.offers.filter(function (o) { return added.indexOf(o) < 0; });
          if (left.length) send('dismiss', context, left);
        }
        if (opener && opener.focus) opener.focus();
        resolve();
      }

      function keys(event) {
        if (event.key === 'Escape') {
          event.preventDefault();
          finish(true);
        } else if (event.key === 'Tab') {
          var focusable = dialog.querySelectorAll('button:not([disabled]), a[href]');
          var first = focusable[0];
          var last = focusable[focusable.length - 1];
          if (event.shiftKey && document.activeElement === first) {
            event.preventDefault();
            last.focus();
          } else if (!event.shiftKey && document.activeElement === last) {
            event.preventDefault();
            first.focus();
          } else if (!dialog.contains(document.activeElement)) {
            event.preventDefault();
            first.focus();
          }
        }
      }
      document.addEventListener('keydown', keys, true);
      close.addEventListener('click', function () { finish(true); });
      proceed.addEventListener('click', function () { finish(added.length === 0); });
      backdrop.addEventListener('click', function (event) { if (event.target === backdrop) finish(true); });

      function card(offer) {
        var item = offer.items ? offer.items[0] : offer;
        var title = offer.items ? offer.items.map(function (i) { return i.title; }).join(' + ') : offer.title;
        var label = offer.kind === 'upgrade' ? t('upgrade') : offer.kind === 'bundle' ? t('addBoth') : t('add');
        var button = el('button', { type: 'button', text: label, 'aria-label': label + ': ' + title });
        var node = el('li', { 'class': 'triad-card' + (offer.recommended ? ' triad-rec' : ''), 'data-kind': offer.kind,
          'data-tier': offer.tier }, [
          offer.recommended ? el('span', { 'class': 'triad-badge', text: t('recommended') }) : null,
          item.image ? el('img', { src: item.image, alt: '', loading: 'lazy' }) : null,
          el('div', { 'class': 'triad-body' }, [
            el('h3', { text: title }),
            el('div', { 'class': 'triad-price', text: money(offer.price, currency) }),
            el('div', { 'class': 'triad-extra', text: t('extra', money(offer.extra, currency)) }),
            el('div', { 'class': 'triad-why', text: reason(offer) })]),
          button]);
        button.addEventListener('click', function () {
          send('click', context, [offer]);
          button.disabled = true;
          act(offer, context.cart).then(function () {
            added.push(offer);
            button.textContent = t('added') + ' ✓';
            send('add', context, [offer]);
            proceed.focus();
          }, function (error) {
            // An offer that ended is not added at another price than it showed.
            if (error && error.status === 410) button.textContent = t('ended');
            else button.disabled = false;
          });
        });
        return node;
      }
    });
  }

  /**
   * One countdown for the offers with a limited-time discount: from the seconds the answer gave (Triad's
   * clock, not the shopper's), to the token's expiry; at the end those offers' buttons say so and stop.
   */
  function countdown(offers, cards) {
    var limited = offers.filter(function (o) { return o.countdown > 0; });
    if (!limited.length) return null;
    var ends = Date.now() + 1000 * Math.min.apply(null, limited.map(function (o) { return o.countdown; }));
    var node = el('p', { 'class': 'triad-timer', role: 'timer' });
    function tick() {
      var left = Math.max(0, Math.round((ends - Date.now()) / 1000));
      node.textContent = left > 0 ? t('endsIn', Math.floor(left / 60) + ':' + ('0' + left % 60).slice(-2)) : t('ended');
      if (left > 0) return;
      clearInterval(interval);
      offers.forEach(function (offer, i) {
        var button = offer.countdown > 0 && cards[i].querySelector('button');
        if (button && !button.disabled) {
          button.disabled = true;
          button.textContent = t('ended');
        }
      });
    }
    var interval = setInterval(tick, 1000);
    tick();
    return { node: node, stop: function () { clearInterval(interval); } };
  }

  function shipping(free, currency) {
    if (!free) return null;
    var remaining = Number(free.remaining);
    var share = Math.max(0, Math.min(100, 100 * (1 - remaining / Number(free.threshold))));
    return el('div', { 'class': 'triad-ship' }, [
      el('div', { text: remaining > 0 ? t('shipping', money(free.remaining, currency)) : t('shippingDone') }),
      el('div', { 'class': 'triad-bar', role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100',
        'aria-valuenow': String(Math.round(share)) }, [el('span', { style: 'width:' + share + '%' })])]);
  }

  function act(offer, cart) {
    if (offer.kind === 'upgrade') {
      var line = cart.lines.filter(function (l) { return l.variantId === offer.replaces || l.productId === offer.replaces; })[0];
      return line ? platform.swap(line, offer.variantId || offer.productId) : Promise.reject(new Error('line gone'));
    }
    var variants = offer.items ? offer.items.map(function (i) { return i.variantId || i.productId; })
      : [offer.variantId || offer.productId];
    if (!offer.token || !platform.claim) return platform.add(variants);
    return platform.claim(offer.token).then(function (claim) {
      return platform.add(variants).then(function () { return claim && platform.discount(claim.code); });
    });
  }

  // ---- triggers: once each per session, never in the way ----------------------------------------

  function once(name) {
    var key = 'triad-shown-' + name;
    if (sessionStorage.getItem(key)) return false;
    sessionStorage.setItem(key, '1');
    return true;
  }

  /** Resolves once the pop-up (if any) is closed; resolves at once when there is nothing to show. */
  function open(placement) {
    return platform.cart().then(function (cart) {
      if (!cart.lines.length) return null;
      return offers(cart, placement).then(function (answer) {
        return show({ cart: cart, answer: answer, placement: placement, session: session(cart) });
      });
    }).catch(function () { return null; });
  }

  document.addEventListener('click', function (event) {
    if (config.triggers.indexOf('checkout') < 0 || event.defaultPrevented) return;
    var button = event.target.closest && event.target.closest(platform.checkoutButtons);
    if (!button || button.closest('[data-triad]') || sessionStorage.getItem('triad-shown-cart') || !once('checkout')) return;
    event.preventDefault();
    event.stopPropagation();
    open('checkout').then(function () { continueTo(button); });
  }, true);

  // After an add to cart on a product page ("product"): themes add through the AJAX Cart API (Dawn's
  // product-form.js posts the form to /cart/add with fetch); once such an add succeeds, the offers open.
  if (config.triggers.indexOf('product') >= 0 && config.platform === 'shopify') {
    var themeFetch = window.fetch;
    window.fetch = function (input) {
      var result = themeFetch.apply(this, arguments);
      var url = typeof input === 'string' ? input : input && input.url;
      if (url && /\/cart\/add(\.js)?$/.test(new URL(url, location.href).pathname)) {
        result.then(function (response) {
          if (response.ok && once('product')) open('product');
        }, function () {});
      }
      return result;
    };
  }

  function continueTo(button) {
    var form = button.form || button.closest('form');
    if (button.href) location.href = button.href;
    else if (form && form.requestSubmit) form.requestSubmit(button.type === 'submit' ? button : undefined);
    else if (form) form.submit();
    else button.click();
  }

  function onReady() {
    if (config.triggers.indexOf('thankyou') >= 0 && platform.isThankYou() && once('thankyou')) open('post_purchase');
    else if (config.triggers.indexOf('cart') >= 0 && platform.isCart() && once('cart')) open('cart');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', onReady);
  else onReady();

  window.TriadWidget = { open: open, version: 1 };
})();

// What the thank-you block shows, apart from Shopify's runtime so that a test can drive it: the order's
// lines become an offer request, Triad answers with the session token as credential, and each offer
// becomes a link that fills a new cart — through Triad, which makes its discount code, when it has one.
// `api` is the `shopify` global of the purchase.thank-you.block.render target (OrderConfirmationApi &
// StandardApi of @shopify/ui-extensions 2025-10): sessionToken, lines, orderConfirmation, shop, i18n.

/** The numeric id at the end of a Shopify gid ("gid://shopify/ProductVariant/2001" → "2001"). */
export function numericId(gid) {
  return String(gid || '').split('/').pop();
}

/** The offer request for the order's lines (unit price = line total / quantity). */
export function requestFor(api) {
  const lines = api.lines.value.filter(line => line.merchandise && line.merchandise.type === 'variant');
  const currency = lines.length ? lines[0].cost.totalAmount.currencyCode : 'USD';
  return {
    placement: 'post_purchase',
    currency,
    sessionId: 'order-' + numericId(api.orderConfirmation.value.order.id),
    cart: lines.map(line => ({
      productId: numericId(line.merchandise.product.id),
      variantId: numericId(line.merchandise.id),
      quantity: line.quantity,
      price: (line.cost.totalAmount.amount / line.quantity).toFixed(2)
    }))
  };
}

/** Up to three offers for the next order, each with its link; an upgrade replaces a line of this order, so none. */
export async function loadOffers(api, fetch, triadUrl) {
  const request = requestFor(api);
  if (!request.cart.length) return [];
  const token = await api.sessionToken.get();
  const response = await fetch(triadUrl + '/shopify/v1/thank-you-offers', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
    body: JSON.stringify(request)
  });
  if (!response.ok) return [];
  const answer = await response.json();
  const shop = api.shop.myshopifyDomain;
  return (answer.offers || []).filter(offer => offer.kind !== 'upgrade').map(offer => {
    const items = offer.items || [offer];
    const cart = 'https://' + shop + '/cart/' + items.map(i => i.variantId + ':1').join(',');
    return {
      title: items.map(i => i.title || '').join(' + '),
      price: Number(offer.price),
      extra: Number(offer.extra),
      currency: request.currency,
      discountPercent: offer.token ? offer.discountPercent : null,
      expiresAt: offer.token ? offer.expiresAt : null,
      href: offer.token
        ? triadUrl + '/shopify/v1/take?shop=' + encodeURIComponent(shop) + '&token=' + encodeURIComponent(offer.token)
        : cart
    };
  });
}

/** The block: a heading and one link per offer, in Polaris web components; nothing when there is no offer. */
export function view(offers, api, h) {
  if (!offers.length) return null;
  const money = (amount, currency) => api.i18n.formatCurrency(amount, { currency });
  return h('s-section', { heading: api.i18n.translate('heading') },
    h('s-stack', { gap: 'base' }, offers.map(offer => h('s-stack', { gap: 'small-200', direction: 'block' },
      h('s-text', { type: 'strong' }, offer.title),
      h('s-text', null, money(offer.extra, offer.currency)),
      offer.discountPercent ? h('s-text', { tone: 'success' }, api.i18n.translate('save', {
        percent: offer.discountPercent,
        until: api.i18n.formatDate(new Date(offer.expiresAt), { dateStyle: 'medium', timeStyle: 'short' })
      })) : null,
      h('s-link', { href: offer.href, target: '_blank' }, api.i18n.translate('take'))))));
}

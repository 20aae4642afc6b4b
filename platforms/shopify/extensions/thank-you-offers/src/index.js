// The thank-you block: Shopify runs this module in its extension sandbox with the `shopify` global of
// @shopify/ui-extensions (2025-10: Preact and Polaris web components).
import '@shopify/ui-extensions/preact';
import { h, render } from 'preact';

import { loadOffers, view } from './offers.js';
import { TRIAD_URL } from './triad-url.js';

export default async function extension() {
  const offers = await loadOffers(shopify, fetch, TRIAD_URL).catch(() => []);
  render(view(offers, shopify, h), document.body);
}

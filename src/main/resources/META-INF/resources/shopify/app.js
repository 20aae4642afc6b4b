// The Triad app inside the Shopify admin: install (or confirm the installation) with App Bridge's
// session token, then say what the storefront needs. Nothing is typed, nothing is stored in the browser.
(function () {
  'use strict';
  var state = document.getElementById('state');
  function show(text) { state.textContent = text; }
  var progress = document.createElement('p');
  document.body.appendChild(progress);
  var phases = { queued: 'waiting to start', products: 'reading your products', orders: 'reading your orders',
    done: 'done: your offers are mined from your orders', failed: 'failed' };
  function watchSync() {
    shopify.idToken().then(function (token) {
      return fetch('/shopify/v1/sync', { headers: { Authorization: 'Bearer ' + token } }).then(function (r) { return r.json(); });
    }).then(function (sync) {
      if (!sync.phase) return;
      progress.textContent = 'Catalog and orders: ' + (phases[sync.phase] || sync.phase)
        + (sync.products ? ' · ' + sync.products + ' products' : '') + (sync.orders ? ' · ' + sync.orders + ' orders' : '')
        + (sync.error ? ' (' + sync.error + ')' : '');
      if (sync.phase !== 'done' && sync.phase !== 'failed') setTimeout(watchSync, 2000);
    }).catch(function () { /* the next opening shows it */ });
  }
  if (!window.shopify || !shopify.idToken) {
    show('Open Triad from your Shopify admin (Apps → Triad).');
    return;
  }
  shopify.idToken().then(function (token) {
    return fetch('/shopify/v1/install', { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
  }).then(function (response) {
    return response.json().then(function (body) {
      if (!response.ok) throw new Error(body.detail || ('HTTP ' + response.status));
      return body;
    });
  }).then(function (installation) {
    show('Triad is connected to ' + installation.shop + ' (prices in ' + installation.currency
      + '). Storefront key: ' + installation.publishableKey
      + (installation.newlyInstalled ? '. Your catalog and orders are being read.' : '.'));
    watchSync();
    return shopify.idToken();
  }).then(function (token) {
    return fetch('/shopify/v1/stats', { headers: { Authorization: 'Bearer ' + token } }).then(function (r) { return r.json(); });
  }).then(function (stats) {
    if (!stats || !stats.funnel) return;
    var list = document.createElement('ul');
    [['Offers shown', stats.funnel.impressions], ['Clicked', stats.funnel.clicks], ['Added to cart', stats.funnel.adds],
      ['Orders won by offers', stats.orders.attributed + ' (' + stats.orders.attributedRevenue + ' ' + stats.currency + ')']
    ].forEach(function (row) {
      var item = document.createElement('li');
      item.textContent = row[0] + ': ' + row[1];
      list.appendChild(item);
    });
    var title = document.createElement('h2');
    title.textContent = 'Last 30 days';
    document.body.appendChild(title);
    document.body.appendChild(list);
  }).catch(function (error) {
    show('Triad could not connect: ' + error.message);
  });
})();

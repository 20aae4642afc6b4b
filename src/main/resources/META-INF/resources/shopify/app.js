// The Triad app inside the Shopify admin: install (or confirm the installation) with App Bridge's
// session token, then say what the storefront needs. Nothing is typed, nothing is stored in the browser.
(function () {
  'use strict';
  var state = document.getElementById('state');
  function show(text) { state.textContent = text; }
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
  }).catch(function (error) {
    show('Triad could not connect: ' + error.message);
  });
})();

#!/usr/bin/env bash
# Writes the app's client id and Triad's public URL into shopify.app.toml (every placeholder at once),
# copies the widget into the theme app extension's assets (the app embed serves it from Shopify's CDN), and
# writes Triad's URL into the thank-you Checkout UI extension.
#   platforms/shopify/configure.sh <client-id> <https://triad.example.com>
set -euo pipefail
cd "$(dirname "$0")"
client_id=${1:?"the client id of the app, from the Partner dashboard"}
url=${2:?"the public https URL of Triad"}
url=${url%/}
case "$url" in https://*) ;; *) echo "Triad's URL must start with https://" >&2; exit 1 ;; esac
sed -i.bak -e "s|TRIAD_CLIENT_ID|$client_id|g" -e "s|TRIAD_URL|$url|g" shopify.app.toml && rm shopify.app.toml.bak
grep -n "client_id\|$url" shopify.app.toml
widget=${TRIAD_WIDGET:-../../src/main/resources/widget/triad.js}
mkdir -p extensions/triad-offers/assets
cp "$widget" extensions/triad-offers/assets/triad.js
echo "widget copied to extensions/triad-offers/assets/triad.js"
sed -i.bak -e "s|'TRIAD_URL'|'$url'|" extensions/thank-you-offers/src/triad-url.js && rm extensions/thank-you-offers/src/triad-url.js.bak
grep -n "TRIAD_URL =" extensions/thank-you-offers/src/triad-url.js

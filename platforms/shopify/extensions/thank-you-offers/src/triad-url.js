// Triad's public URL, written by platforms/shopify/configure.sh (as in shopify.app.toml).
export const TRIAD_URL = 'TRIAD_URL';

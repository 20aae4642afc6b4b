// Shopify's own Node library judges session tokens, for SessionTokenCrossCheckTest: each argument after
// the first is a token; prints one line per token, "valid <dest>" or "invalid <reason>".
//   node session-token.mjs <client id> <client secret> <token>...
import '@shopify/shopify-api/adapters/node';
import { shopifyApi, ApiVersion } from '@shopify/shopify-api';

const [apiKey, apiSecretKey, ...tokens] = process.argv.slice(2);
const shopify = shopifyApi({
  apiKey, apiSecretKey, apiVersion: ApiVersion.October25, hostName: 'triad.example', isEmbeddedApp: true,
  logger: { level: 0 }
});
for (const token of tokens) {
  try {
    const payload = await shopify.session.decodeSessionToken(token);
    console.log('valid ' + payload.dest);
  } catch (error) {
    console.log('invalid ' + String(error.message).replace(/\s+/g, ' '));
  }
}

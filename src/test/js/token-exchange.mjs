// Shopify's own Node library exchanges a session token, for SessionTokenCrossCheckTest: its requests
// to https://<shop> go to the scripted Admin API instead; prints the access token it got.
//   node token-exchange.mjs <client id> <client secret> <admin url with {shop}> <shop> <session token>
import '@shopify/shopify-api/adapters/node';
import { shopifyApi, ApiVersion, RequestedTokenType } from '@shopify/shopify-api';
import { setAbstractFetchFunc } from '@shopify/shopify-api/runtime';

const [apiKey, apiSecretKey, adminUrl, shop, sessionToken] = process.argv.slice(2);
setAbstractFetchFunc((url, init) => globalThis.fetch(String(url).replace('https://' + shop, adminUrl.replace('{shop}', shop)), init));
const shopify = shopifyApi({
  apiKey, apiSecretKey, apiVersion: ApiVersion.October25, hostName: 'triad.example', isEmbeddedApp: true,
  logger: { level: 0 }
});
try {
  const { session } = await shopify.auth.tokenExchange({
    shop, sessionToken, requestedTokenType: RequestedTokenType.OfflineAccessToken
  });
  console.log('token ' + session.accessToken);
} catch (error) {
  console.log('failed ' + String(error.message).replace(/\s+/g, ' '));
}

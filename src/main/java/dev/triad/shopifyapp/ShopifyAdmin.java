package dev.triad.shopifyapp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triad.TriadConfig;
import dev.triad.problem.ProblemException;

/**
 * What Triad asks of a shop's Admin API: the token exchange (shopify.dev, "Exchange a session token for
 * an access token": {@code POST /admin/oauth/access_token}, grant {@code token-exchange}, an offline,
 * non-expiring token, the same body as {@code tokenExchange} of {@code @shopify/shopify-api}) and the
 * shop's name and currency (Admin GraphQL {@code shop { name currencyCode myshopifyDomain }}). Where the
 * Admin API answers is configurable ({@code triad.shopify.admin-url}), so tests talk to a scripted one.
 */
@ApplicationScoped
public class ShopifyAdmin {

    static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    static final String ID_TOKEN = "urn:ietf:params:oauth:token-type:id_token";
    static final String OFFLINE_TOKEN = "urn:shopify:params:oauth:token-type:offline-access-token";
    static final String SHOP_QUERY = "{ shop { name currencyCode myshopifyDomain } }";

    private final TriadConfig.Shopify config;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public ShopifyAdmin(TriadConfig config, ObjectMapper mapper) {
        this.config = config.shopify();
        this.mapper = mapper;
    }

    /** An offline access token and the scopes it grants. */
    public record AccessToken(String token, String scope) {
    }

    /** What the Admin API says of the shop. */
    public record ShopInfo(String name, String currency, String domain) {
    }

    /** Exchanges a verified session token of {@code shop} for an offline access token. */
    public AccessToken exchange(String shop, String sessionToken) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("client_id", config.apiKey().orElseThrow());
        body.put("client_secret", config.apiSecret().orElseThrow());
        body.put("grant_type", TOKEN_EXCHANGE);
        body.put("subject_token", sessionToken);
        body.put("subject_token_type", ID_TOKEN);
        body.put("requested_token_type", OFFLINE_TOKEN);
        body.put("expiring", "0");
        JsonNode answer = post(shop, "/admin/oauth/access_token", body, null);
        String token = answer.path("access_token").asText("");
        if (token.isEmpty()) {
            throw ProblemException.unavailable("Shopify's token exchange answered without an access token");
        }
        return new AccessToken(token, answer.path("scope").asText(""));
    }

    /** The shop's name, currency and domain, asked with its access token. */
    public ShopInfo shop(String shop, String accessToken) {
        JsonNode answer = post(shop, "/admin/api/" + config.apiVersion() + "/graphql.json", Map.of("query", SHOP_QUERY),
                accessToken);
        JsonNode info = answer.path("data").path("shop");
        if (!info.path("currencyCode").isTextual()) {
            throw ProblemException.unavailable("Shopify's Admin API did not say the shop's currency: "
                    + answer.path("errors"));
        }
        return new ShopInfo(info.path("name").asText(shop), info.path("currencyCode").asText(),
                info.path("myshopifyDomain").asText(shop));
    }

    /**
     * An Admin GraphQL request; a 5xx or an unreachable Shopify is tried again after 1, 2 and 4 s; a throttled answer ({@code errors[].extensions.code} THROTTLED, cost
     * above what the bucket holds, see {@code extensions.cost.throttleStatus}) is tried again after the
     * bucket has had time to refill, up to five times.
     */
    public JsonNode graphql(String shop, String accessToken, String query) {
        return graphql(shop, accessToken, query, null);
    }

    /** An Admin GraphQL request with {@code variables} (null for none), tried again as {@link #graphql(String, String, String)}. */
    public JsonNode graphql(String shop, String accessToken, String query, Map<String, Object> variables) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        if (variables != null) {
            body.put("variables", variables);
        }
        for (int attempt = 0;; attempt++) {
            JsonNode answer;
            try {
                answer = post(shop, "/admin/api/" + config.apiVersion() + "/graphql.json", body, accessToken);
            } catch (ProblemException e) {
                if (e.status() != 503 || attempt >= 3) {
                    throw e;
                }
                pause(1000L << attempt); // Shopify had a moment (5xx, unreachable): try again a little later
                continue;
            }
            boolean throttled = false;
            for (JsonNode error : answer.path("errors")) {
                throttled |= "THROTTLED".equals(error.path("extensions").path("code").asText());
            }
            if (!throttled) {
                if (answer.path("errors").size() > 0) {
                    throw ProblemException.unavailable("Shopify's Admin API refused the query: " + answer.path("errors"));
                }
                return answer.path("data");
            }
            if (attempt >= 5) {
                throw ProblemException.unavailable("Shopify's Admin API stayed throttled");
            }
            pause(backoffMillis(answer, attempt));
        }
    }

    /** How long to wait for a throttled bucket: what the cost needs at the restore rate, else doubling from 1 s. */
    static long backoffMillis(JsonNode answer, int attempt) {
        JsonNode cost = answer.path("extensions").path("cost");
        double rate = cost.path("throttleStatus").path("restoreRate").asDouble(0);
        double missing = cost.path("requestedQueryCost").asDouble(0) - cost.path("throttleStatus").path("currentlyAvailable").asDouble(0);
        if (rate > 0 && missing > 0) {
            return (long) Math.ceil(missing / rate * 1000);
        }
        return 1000L << Math.min(attempt, 4);
    }

    /** The body at {@code url} (a bulk operation's result), streamed. */
    public java.io.InputStream download(String url) {
        try {
            HttpResponse<java.io.InputStream> answer = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofMinutes(30)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            if (answer.statusCode() != 200) {
                answer.body().close();
                throw ProblemException.unavailable("The bulk operation's file answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw ProblemException.unavailable("The bulk operation's file could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while reading the bulk operation's file");
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while waiting for Shopify");
        }
    }

    private JsonNode post(String shop, String path, Object body, String accessToken) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(config.adminUrl().replace("{shop}", shop) + path))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
            if (accessToken != null) {
                request.header("X-Shopify-Access-Token", accessToken);
            }
            HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() == 401 || answer.statusCode() == 403) {
                throw ProblemException.unauthorized("Authorization", "Shopify refused (" + answer.statusCode() + ") "
                        + path + ": the session token or the app's access was not accepted");
            }
            if (answer.statusCode() >= 500) {
                throw ProblemException.unavailable("Shopify answered " + answer.statusCode() + " to " + path + "; try again");
            }
            if (answer.statusCode() / 100 != 2) {
                // Not Shopify having a moment: asking again would get the same answer.
                throw new ProblemException(502, "shopify-refused", "Shopify refused",
                        "Shopify answered " + answer.statusCode() + " to " + path, null);
            }
            return mapper.readTree(answer.body());
        } catch (IOException e) {
            throw ProblemException.unavailable("Shopify's Admin API could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("Interrupted while asking Shopify's Admin API");
        }
    }
}

package dev.triad.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.triad.base.Signatures;
import dev.triad.proxy.AppProxySignature;
import io.restassured.specification.RequestSpecification;

/**
 * A request as Shopify's App Proxy forwards it (shopify.dev, "Authenticate app proxies"): the query
 * carries {@code shop}, {@code path_prefix}, {@code timestamp} (and {@code logged_in_customer_id} for a
 * logged-in shopper), signed by {@code signature}, the hex HMAC-SHA256 under the app's secret.
 */
public final class AppProxy {

    private AppProxy() {
    }

    public static RequestSpecification signed(String shop, long timestamp, Map<String, String> extra) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("shop", shop);
        query.put("path_prefix", "/apps/triad");
        query.put("timestamp", String.valueOf(timestamp));
        if (extra != null) {
            query.putAll(extra);
        }
        RequestSpecification request = given();
        query.forEach(request::queryParam);
        return request.queryParam("signature", signature(query));
    }

    public static String signature(Map<String, String> query) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        query.forEach((k, v) -> lists.put(k, List.of(v)));
        return HexFormat.of().formatHex(Signatures.hmacSha256(
                RedisTestResource.SHOPIFY_SECRET.getBytes(StandardCharsets.UTF_8),
                AppProxySignature.signedMessage(lists).getBytes(StandardCharsets.UTF_8)));
    }
}

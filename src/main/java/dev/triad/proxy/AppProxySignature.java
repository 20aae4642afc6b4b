package dev.triad.proxy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MultivaluedMap;

import dev.triad.TriadConfig;
import dev.triad.base.Signatures;
import dev.triad.problem.ProblemException;

/**
 * Shopify's App Proxy signature: the {@code signature} parameter is the hex HMAC-SHA256, under the
 * app's secret, of every other parameter as {@code key=value} (repeated values joined by commas),
 * those strings sorted and concatenated (shopify.dev, "Authenticate app proxies").
 */
@Singleton
public class AppProxySignature {

    private final TriadConfig config;
    private final Clock clock = Clock.systemUTC();

    public AppProxySignature(TriadConfig config) {
        this.config = config;
    }

    /** What Shopify signs: every parameter but {@code signature}, sorted, as {@code key=v1,v2}, concatenated. */
    public static String signedMessage(Map<String, List<String>> query) {
        // Shopify's documented algorithm: "key=value" strings (values of a repeated key joined by
        // commas), sorted as strings, concatenated. Sorting the strings, not the keys, matters when one
        // key extends another: "a1=…" sorts before "a=…".
        List<String> pairs = new ArrayList<>();
        query.forEach((key, values) -> {
            if (!key.equals("signature")) {
                pairs.add(key + "=" + String.join(",", values));
            }
        });
        Collections.sort(pairs);
        return String.join("", pairs);
    }

    /** 401 unless Shopify signed this query with the app's secret within the allowed clock skew. */
    public void verify(MultivaluedMap<String, String> query) {
        String signature = query.getFirst("signature");
        if (!Signatures.hexMatches(config.shopify().apiSecret().orElse(null), signedMessage(query), signature)) {
            throw ProblemException.unauthorized("signature", "'signature' is not Shopify's signature of this query");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(String.valueOf(query.getFirst("timestamp")));
        } catch (NumberFormatException e) {
            throw ProblemException.unauthorized("timestamp", "'timestamp' is required and signed");
        }
        if (Math.abs(clock.instant().getEpochSecond() - timestamp) > config.shopify().proxyClockSkew().toSeconds()) {
            throw ProblemException.unauthorized("timestamp", "'timestamp' is more than "
                    + config.shopify().proxyClockSkew().toSeconds() + " s away from now: replayed or clock skew");
        }
    }
}

package dev.triad.proxy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.triad.TriadConfig;
import dev.triad.base.Signatures;
import dev.triad.offer.OfferQuery;
import dev.triad.offer.OfferRequest;
import dev.triad.offer.OfferResponse;
import dev.triad.offer.OfferService;
import dev.triad.problem.ProblemException;
import dev.triad.shop.ShopName;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET|POST /proxy/v1/offers} — offers through the Shopify App Proxy
 * ({@code https://<shop>/apps/<subpath>/offers}), so that a theme needs no key. Shopify signs the
 * query: the {@code signature} parameter is the hex HMAC-SHA256, under the app's secret, of every
 * other parameter as {@code key=value} (repeated values joined by commas), sorted by key and
 * concatenated. The shop is the signed {@code shop}; the customer is the signed
 * {@code logged_in_customer_id}. POST carries the offer request as its body; GET carries it as JSON
 * in the {@code request} parameter. 401 bad signature or a timestamp more than 90 s off, otherwise
 * as {@code POST /v1/shops/{shop}/offers}.
 */
@Path("/proxy/v1/offers")
public class AppProxyResource {

    private final OfferService offers;
    private final ObjectReader requestReader;
    private final TriadConfig config;
    private final Clock clock = Clock.systemUTC();

    public AppProxyResource(OfferService offers, ObjectMapper mapper, TriadConfig config) {
        this.offers = offers;
        this.requestReader = OfferRequest.reader(mapper);
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<OfferResponse> get(@Context UriInfo uri) {
        String request = uri.getQueryParameters().getFirst("request");
        return answer(uri.getQueryParameters(), request == null ? new byte[0] : request.getBytes(StandardCharsets.UTF_8));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<OfferResponse> post(@Context UriInfo uri, byte[] body) {
        return answer(uri.getQueryParameters(), body);
    }

    /** What Shopify signs: every parameter but {@code signature}, sorted, as {@code key=v1,v2}, concatenated. */
    static String signedMessage(Map<String, List<String>> query) {
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

    private Uni<OfferResponse> answer(MultivaluedMap<String, String> query, byte[] body) {
        verify(query);
        String shop = ShopName.validate(query.getFirst("shop"));
        if (body.length > config.offers().maxBodyBytes()) {
            throw ProblemException.tooLarge("body", "The request is " + body.length + " bytes; at most "
                    + config.offers().maxBodyBytes() + " are accepted");
        }
        OfferQuery offerQuery = OfferQuery.of(OfferRequest.parse(requestReader, body), config.offers().maxCartLines());
        String customer = query.getFirst("logged_in_customer_id");
        if (customer != null && !customer.isEmpty()) {
            offerQuery = offerQuery.withCustomer(OfferQuery.optionalId("logged_in_customer_id", customer));
        }
        return offers.offers(shop, offerQuery, OfferService.Caller.platform());
    }

    /** 401 unless Shopify signed this query with the app's secret within the allowed clock skew. */
    void verify(MultivaluedMap<String, String> query) {
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

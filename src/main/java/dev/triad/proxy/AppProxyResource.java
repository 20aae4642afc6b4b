package dev.triad.proxy;

import java.nio.charset.StandardCharsets;

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
 * as {@code POST /v1/shops/{shop}/offers}. The widget's events take the same way ({@link AppProxyEventResource}).
 */
@Path("/proxy/v1/offers")
public class AppProxyResource {

    private final OfferService offers;
    private final ObjectReader requestReader;
    private final TriadConfig config;
    private final AppProxySignature signature;

    public AppProxyResource(OfferService offers, ObjectMapper mapper, TriadConfig config, AppProxySignature signature) {
        this.offers = offers;
        this.requestReader = OfferRequest.reader(mapper);
        this.config = config;
        this.signature = signature;
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

    private Uni<OfferResponse> answer(MultivaluedMap<String, String> query, byte[] body) {
        signature.verify(query);
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
}

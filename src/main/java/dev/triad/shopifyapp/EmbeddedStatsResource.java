package dev.triad.shopifyapp;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.triad.problem.ProblemException;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopStore;
import dev.triad.stats.StatsReport;
import dev.triad.stats.StatsService;

/**
 * {@code GET /shopify/v1/stats} — the last 30 days' statistics of the shop whose App Bridge session
 * token comes as {@code Authorization: Bearer <token>}: what the embedded page shows, with no admin key
 * typed anywhere. 401 for a token that is not the shop's; 404 a shop that never installed the app.
 */
@Path("/shopify/v1/stats")
public class EmbeddedStatsResource {

    private final SessionTokens sessionTokens;
    private final ShopStore shops;
    private final StatsService stats;

    public EmbeddedStatsResource(SessionTokens sessionTokens, ShopStore shops, StatsService stats) {
        this.sessionTokens = sessionTokens;
        this.shops = shops;
        this.stats = stats;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public StatsReport get(@HeaderParam("Authorization") String authorization) {
        String id = sessionTokens.shopOf(authorization);
        Shop shop = shops.find(id).orElseThrow(() -> ProblemException.notFound("shop", id + " has not installed Triad"));
        LocalDate today = LocalDate.now(Clock.systemUTC().withZone(ZoneOffset.UTC));
        return stats.report(shop, today.minusDays(29), today);
    }
}

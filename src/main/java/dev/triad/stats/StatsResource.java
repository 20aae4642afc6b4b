package dev.triad.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.triad.problem.ProblemException;
import dev.triad.shop.ShopAccess;

/**
 * {@code GET /admin/v1/shops/{shop}/stats?from=YYYY-MM-DD&to=YYYY-MM-DD} — the offer funnel and the
 * uplift against the hold-out ({@link StatsReport}), days inclusive in UTC; default the last 30
 * days, at most 366. 400 bad dates (field named), 401 bad key, 404 unknown shop. The page
 * {@code /admin/stats.html} draws the same for merchants.
 */
@Path("/admin/v1/shops/{shop}/stats")
public class StatsResource {

    static final int MAX_DAYS = 366;

    private final StatsService stats;
    private final ShopAccess access;

    public StatsResource(StatsService stats, ShopAccess access) {
        this.stats = stats;
        this.access = access;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public StatsReport get(@PathParam("shop") String shop, @HeaderParam("Authorization") String authorization,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate today = LocalDate.now(Clock.systemUTC().withZone(ZoneOffset.UTC));
        LocalDate last = date("to", to, today);
        LocalDate first = date("from", from, last.minusDays(29));
        if (first.isAfter(last)) {
            throw ProblemException.invalid("from", "'from' must not be after 'to'");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ProblemException.invalid("from", "At most " + MAX_DAYS + " days at a time");
        }
        return stats.report(access.require(shop, authorization), first, last);
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "'" + field + "' must be a date such as 2026-11-23");
        }
    }
}

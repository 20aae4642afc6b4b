package dev.triad.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.triad.shop.Shop;

/**
 * {@code GET /admin/v1/shops/{shop}/stats}: the funnel (impressions → clicks → adds, dismissals),
 * the orders Triad's offers won, and conversion and average order value of the sessions that saw
 * offers against the hold-out, with the uplift. Rates are null where their denominator is zero.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatsReport(String shop, String currency, LocalDate from, LocalDate to, Funnel funnel, Orders orders,
        Group exposed, Group holdout, Uplift uplift, Email email, List<Day> days) {

    /** The placement {@code email}: offer links followed from e-mails, and those that claimed a discount. */
    public record Email(long clicks, long claims) {
    }

    public record Funnel(long impressions, long clicks, long adds, long dismissals, Double clickRate, Double addRate) {
    }

    /** Every order reported by webhook, and those holding an item added from an offer within the window. */
    public record Orders(long total, String revenue, long attributed, String attributedRevenue) {
    }

    /** Sessions that asked for offers in one group, and the orders they placed. */
    public record Group(long sessions, long orders, String revenue, Double conversion, String averageOrderValue,
            String revenuePerSession) {

        static Group of(Map<String, Long> c, String name, int digits) {
            long sessions = c.getOrDefault("sessions." + name, 0L);
            long orders = c.getOrDefault("orders." + name, 0L);
            long revenue = c.getOrDefault("revenue." + name, 0L);
            return new Group(sessions, orders, StatsService.money(revenue, digits), ratio(orders, sessions),
                    orders == 0 ? null : StatsService.money(Math.round((double) revenue / orders), digits),
                    sessions == 0 ? null : StatsService.money(Math.round((double) revenue / sessions), digits));
        }
    }

    /** Relative change of the exposed group over the hold-out: 0.12 is 12 % better. */
    public record Uplift(Double conversion, Double revenuePerSession) {
    }

    public record Day(LocalDate date, long impressions, long clicks, long adds, long dismissals, long orders,
            String revenue, long attributedOrders, String attributedRevenue, long exposedSessions,
            long holdoutSessions, long exposedOrders, long holdoutOrders) {

        static Day of(LocalDate date, Map<String, Long> c, int digits) {
            return new Day(date, c.getOrDefault("impression", 0L), c.getOrDefault("click", 0L),
                    c.getOrDefault("add", 0L), c.getOrDefault("dismiss", 0L), c.getOrDefault("orders", 0L),
                    StatsService.money(c.getOrDefault("revenue", 0L), digits), c.getOrDefault("orders.attributed", 0L),
                    StatsService.money(c.getOrDefault("revenue.attributed", 0L), digits),
                    c.getOrDefault("sessions.exposed", 0L), c.getOrDefault("sessions.holdout", 0L),
                    c.getOrDefault("orders.exposed", 0L), c.getOrDefault("orders.holdout", 0L));
        }
    }

    static StatsReport of(Shop shop, LocalDate from, LocalDate to, Map<String, Long> c, int digits, List<Day> days) {
        long impressions = c.getOrDefault("impression", 0L);
        long clicks = c.getOrDefault("click", 0L);
        long adds = c.getOrDefault("add", 0L);
        Funnel funnel = new Funnel(impressions, clicks, adds, c.getOrDefault("dismiss", 0L), ratio(clicks, impressions),
                ratio(adds, impressions));
        Orders orders = new Orders(c.getOrDefault("orders", 0L), StatsService.money(c.getOrDefault("revenue", 0L), digits),
                c.getOrDefault("orders.attributed", 0L),
                StatsService.money(c.getOrDefault("revenue.attributed", 0L), digits));
        Group exposed = Group.of(c, "exposed", digits);
        Group holdout = Group.of(c, "holdout", digits);
        Double conversionUplift = relative(exposed.conversion(), holdout.conversion());
        Double revenueUplift = relative(perSession(c, "exposed"), perSession(c, "holdout"));
        return new StatsReport(shop.id(), shop.currency(), from, to, funnel, orders, exposed, holdout,
                new Uplift(conversionUplift, revenueUplift),
                new Email(c.getOrDefault("email.click", 0L), c.getOrDefault("email.claim", 0L)), days);
    }

    private static Double perSession(Map<String, Long> c, String group) {
        return ratio(c.getOrDefault("revenue." + group, 0L), c.getOrDefault("sessions." + group, 0L));
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : round((double) part / whole);
    }

    private static Double relative(Double treated, Double control) {
        return treated == null || control == null || control == 0 ? null : round(treated / control - 1);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).doubleValue();
    }
}

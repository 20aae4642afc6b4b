package dev.triad.mining;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import dev.triad.catalog.ShopRules;
import dev.triad.catalog.ProductFacts;
import dev.triad.catalog.SheetBuilder;
import dev.triad.sheet.Candidate;
import dev.triad.sheet.OfferSheet;

/**
 * Mines a product's offer sheet from its facts, the merchant's pins and its co-purchase row (the
 * lists are put together by {@link SheetBuilder}, as on the admin path).
 * Pure: the same inputs give the same sheet, whether a full rebuild or an incremental update asks.
 *
 * <p>Complements: pins in the merchant's order, then up to {@value #MAX_COMPLEMENTS} partners with at
 * least {@link AssociationScore#MIN_PAIR_COUNT} shared orders, most shared orders first (ties by id),
 * each carrying its {@link AssociationScore} — the rule of three ranks by the scores summed over the cart.
 * Upgrades: the product's own variants (cheapest first), pins, then up to {@value #MINED_UPGRADES}
 * products of the same type priced above it within the step band and in stock, closest price first,
 * then best reviewed (rating × reviews: a catalog fact, so order history does not move it).
 */
public final class SheetMiner {

    public static final int MAX_COMPLEMENTS = SheetBuilder.MAX_COMPLEMENTS;
    public static final int MINED_UPGRADES = 5;
    /** Partners ranked before facts are looked up; the rest never reach a sheet. */
    public static final int PARTNERS_CONSIDERED = 3 * MAX_COMPLEMENTS;

    private final int stepBandPercent;
    private final ShopRules rules;
    private final ToIntFunction<String> repeatDays;

    /**
     * @param rules      which options are tiers (upgrades are offered per fit, {@link ProductFacts#asUpgrades})
     *                   and what is never offered
     * @param repeatDays how often each product is bought again, in days; 0 for a durable ({@link RepeatPurchases})
     */
    public SheetMiner(int stepBandPercent, ShopRules rules, ToIntFunction<String> repeatDays) {
        this.stepBandPercent = stepBandPercent;
        this.rules = rules;
        this.repeatDays = repeatDays;
    }

    /**
     * Partners worth a look, most shared orders first (ties by id): the ids whose facts the sheet may
     * need. The order depends on this product's counts only, so a partner's popularity changing
     * re-scores a sheet but never reorders or refills it.
     */
    public static List<String> rankedPartners(PairRow row) {
        return row.partners().entrySet().stream()
                .filter(e -> e.getValue() >= AssociationScore.MIN_PAIR_COUNT)
                .sorted(Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(PARTNERS_CONSIDERED)
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * @param orderCounts  orders holding each partner (its popularity, for the score)
     * @param facts        the facts of any product this sheet may name (absent: not offerable)
     * @param upgrades     the shop's products by type and price (for mined upgrades)
     */
    public OfferSheet sheet(ProductFacts product, PairRow row, int productCount, ToIntFunction<String> orderCounts,
            Function<String, ProductFacts> facts, UpgradeIndex upgrades) {
        Scorer scorer = (partner, pairCount) -> AssociationScore.score(pairCount, productCount,
                orderCounts.applyAsInt(partner));
        List<Candidate> pinnedComplements = new ArrayList<>();
        for (String pin : product.complements()) {
            add(pinnedComplements, facts.apply(pin), true, row.with(pin), scorer);
        }
        List<Candidate> minedComplements = new ArrayList<>();
        for (String partner : rankedPartners(row)) {
            add(minedComplements, facts.apply(partner), false, row.with(partner), scorer);
        }
        List<Candidate> pinnedUpgrades = new ArrayList<>();
        for (String pin : product.upgrades()) {
            ProductFacts pinned = facts.apply(pin);
            if (pinned != null) {
                pinnedUpgrades.addAll(upgrades(pinned, true));
            }
        }
        List<Candidate> minedUpgrades = new ArrayList<>();
        minedUpgrades(product, upgrades).forEach(u -> minedUpgrades.addAll(upgrades(u, false)));
        return SheetBuilder.build(product, pinnedComplements, minedComplements, pinnedUpgrades, minedUpgrades, rules);
    }

    /**
     * The sheet after new orders: complements re-mined from the updated row, upgrades kept from
     * {@code previous} (they depend on catalog facts, not on orders), or the product's own ladder and
     * pins when it had no sheet.
     */
    public OfferSheet refreshComplements(ProductFacts product, PairRow row, int productCount,
            ToIntFunction<String> orderCounts, Function<String, ProductFacts> facts, OfferSheet previous) {
        OfferSheet fresh = sheet(product, row, productCount, orderCounts, facts, UpgradeIndex.EMPTY);
        List<Candidate> upgrades = previous == null ? fresh.upgrades() : previous.upgrades();
        return new OfferSheet(product.id(), product.complements(), product.upgrades(), fresh.complements(), upgrades);
    }

    /** Every id a sheet of {@code product} with {@code row} may name: the facts to read before mining it. */
    public static List<String> idsNeeded(ProductFacts product, PairRow row) {
        List<String> ids = new ArrayList<>(product.complements());
        ids.addAll(product.upgrades());
        ids.addAll(rankedPartners(row));
        return ids;
    }

    private void add(List<Candidate> list, ProductFacts facts, boolean pinned, int pairCount, Scorer scorer) {
        if (facts == null) {
            return;
        }
        Candidate candidate = facts.asCandidate(null, pinned);
        if (candidate != null) {
            double score = pairCount > 0 ? scorer.score(facts.id(), pairCount) : 0;
            list.add(candidate.scored(score, pairCount).repeatedEvery(repeatDays.applyAsInt(facts.id())));
        }
    }

    private List<Candidate> upgrades(ProductFacts facts, boolean pinned) {
        int days = repeatDays.applyAsInt(facts.id());
        return facts.asUpgrades(rules.kinds(), null, pinned).stream().map(c -> c.repeatedEvery(days)).toList();
    }

    /** The association score of a partner of the product whose sheet is being mined. */
    @FunctionalInterface
    private interface Scorer {
        double score(String partner, int pairCount);
    }

    private List<ProductFacts> minedUpgrades(ProductFacts product, UpgradeIndex index) {
        BigDecimal floor = product.lowestPrice();
        if (floor == null || product.type() == null) {
            return List.of();
        }
        BigDecimal ceiling = floor.multiply(BigDecimal.valueOf(100L + stepBandPercent)).movePointLeft(2);
        return index.above(product, floor, ceiling, MINED_UPGRADES);
    }
}

package dev.triad.mining;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.triad.catalog.ProductFacts;
import dev.triad.sheet.Candidate;
import dev.triad.sheet.OfferSheet;

/**
 * Builds a product's offer sheet from its facts, the merchant's pins and its co-purchase row.
 * Pure: the same inputs give the same sheet, whether a full rebuild or an incremental update asks.
 *
 * <p>Complements: pins in the merchant's order, then partners with at least
 * {@link AssociationScore#MIN_PAIR_COUNT} shared orders by {@link AssociationScore} (ties by id).
 * Upgrades: the product's own variants (cheapest first), pins, then up to {@value #MINED_UPGRADES}
 * products of the same type priced above it within the step band and in stock, closest price first,
 * then best reviewed (rating × reviews: a catalog fact, so order history does not move it).
 */
public final class SheetMiner {

    public static final int MAX_COMPLEMENTS = 12;
    public static final int MINED_UPGRADES = 5;
    /** Partners ranked before facts are looked up; the rest never reach a sheet. */
    public static final int PARTNERS_CONSIDERED = 3 * MAX_COMPLEMENTS;

    private final int stepBandPercent;

    public SheetMiner(int stepBandPercent) {
        this.stepBandPercent = stepBandPercent;
    }

    /** Partners worth a look, best first (for one product, score order is co-count order): the ids whose facts the sheet may need. */
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
     * @param facts        the facts of any product this sheet may name (absent: not offerable)
     * @param upgrades     the shop's products by type and price (for mined upgrades)
     */
    public OfferSheet sheet(ProductFacts product, PairRow row, int productCount, Function<String, ProductFacts> facts,
            UpgradeIndex upgrades) {
        List<Candidate> complements = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        taken.add(product.id());
        for (String pin : product.complements()) {
            add(complements, taken, facts.apply(pin), true, row.with(pin), productCount);
        }
        for (String partner : rankedPartners(row)) {
            if (complements.size() >= MAX_COMPLEMENTS) {
                break;
            }
            add(complements, taken, facts.apply(partner), false, row.with(partner), productCount);
        }
        List<Candidate> ladder = new ArrayList<>(product.variantLadder());
        Set<String> onLadder = new HashSet<>(Set.of(product.id()));
        for (String pin : product.upgrades()) {
            add(ladder, onLadder, facts.apply(pin), true, 0, productCount);
        }
        minedUpgrades(product, upgrades).forEach(u -> add(ladder, onLadder, u, false, 0, productCount));
        return new OfferSheet(product.id(), product.complements(), product.upgrades(), complements, ladder);
    }

    /**
     * The sheet after new orders: complements re-mined from the updated row, upgrades kept from
     * {@code previous} (they depend on catalog facts, not on orders), or the product's own ladder and
     * pins when it had no sheet.
     */
    public OfferSheet refreshComplements(ProductFacts product, PairRow row, int productCount,
            Function<String, ProductFacts> facts, OfferSheet previous) {
        OfferSheet fresh = sheet(product, row, productCount, facts, UpgradeIndex.EMPTY);
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

    private static void add(List<Candidate> list, Set<String> taken, ProductFacts facts, boolean pinned,
            int pairCount, int productCount) {
        if (facts == null || !taken.add(facts.id())) {
            return;
        }
        Candidate candidate = facts.asCandidate(null, pinned);
        if (candidate != null) {
            double score = pairCount > 0 ? AssociationScore.score(pairCount, productCount) : 0;
            list.add(candidate.scored(score, pairCount));
        }
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

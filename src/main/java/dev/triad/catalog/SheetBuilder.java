package dev.triad.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.triad.sheet.Candidate;
import dev.triad.sheet.OfferSheet;

/**
 * The one place where an offer sheet's lists are put together, for the admin path (a product's facts
 * or pins changed: its mined candidates are kept from its previous sheet) and for mining (a rebuild or
 * an incremental update: they are mined afresh). Pure: the callers read and write around it.
 *
 * <p>Complements: every pin in the merchant's order, then mined candidates until the list holds
 * {@value #MAX_COMPLEMENTS}. Upgrades: the product's own variants (cheapest first), then pins, then
 * mined candidates. A product appears once in a list and never in its own (its variants aside); an
 * upgrade may be several candidates in a row, one per fit ({@link ProductFacts#asUpgrades}).
 */
public final class SheetBuilder {

    /** Complements a sheet holds, pins included (pins are never dropped): the offer path needs no more. */
    public static final int MAX_COMPLEMENTS = 12;

    private SheetBuilder() {
    }

    /**
     * @param pinnedComplements candidates for the product's complement pins, in pin order (unknown pins left out)
     * @param minedComplements  mined candidates, best first
     * @param pinnedUpgrades    candidates for its upgrade pins, in pin order
     * @param minedUpgrades     mined upgrades, best first
     * @param rules             which options are tiers (for the fits of the product's own variants) and
     *                          what is never offered
     */
    public static OfferSheet build(ProductFacts product, List<Candidate> pinnedComplements,
            List<Candidate> minedComplements, List<Candidate> pinnedUpgrades, List<Candidate> minedUpgrades,
            ShopRules rules) {
        List<Candidate> complements = new ArrayList<>();
        Set<String> taken = new HashSet<>(Set.of(product.id()));
        addAll(complements, taken, offered(pinnedComplements, rules), Integer.MAX_VALUE);
        addAll(complements, taken, offered(minedComplements, rules), MAX_COMPLEMENTS);
        List<Candidate> upgrades = new ArrayList<>(product.variantLadder(rules.kinds()));
        Set<String> onLadder = new HashSet<>(Set.of(product.id()));
        addAll(upgrades, onLadder, offered(pinnedUpgrades, rules), Integer.MAX_VALUE);
        addAll(upgrades, onLadder, offered(minedUpgrades, rules), Integer.MAX_VALUE);
        return new OfferSheet(product.id(), product.complements(), product.upgrades(), complements, upgrades);
    }

    /** The candidates the shop's rules let be offered (even when the merchant pinned one they never offer). */
    private static List<Candidate> offered(List<Candidate> candidates, ShopRules rules) {
        return candidates.stream().filter(c -> rules.offers(c.title())).toList();
    }

    /** Adds the candidates of products not taken yet; those of one product in a row (its fits) stay together. */
    private static void addAll(List<Candidate> list, Set<String> taken, List<Candidate> candidates, int upTo) {
        String adding = null;
        for (Candidate c : candidates) {
            if (list.size() >= upTo) {
                return;
            }
            if (taken.add(c.productId())) {
                adding = c.productId();
                list.add(c);
            } else if (c.productId().equals(adding)) {
                list.add(c);
            }
        }
    }
}

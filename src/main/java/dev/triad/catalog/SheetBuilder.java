package dev.triad.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.triad.sheet.Candidate;
import dev.triad.sheet.OfferSheet;

/**
 * Builds a product's own sheet from its facts and pins, keeping the mined candidates of its
 * previous sheet (a rebuild replaces those). Pure: the store reads and writes around it.
 */
final class SheetBuilder {

    /** A sheet carries at most this many candidates per list: the offer path never needs more. */
    static final int MAX_CANDIDATES = 20;

    private SheetBuilder() {
    }

    /** @param known facts of the products {@code product} pins (missing ones are simply not yet known) */
    static OfferSheet build(ProductFacts product, Map<String, ProductFacts> known, OfferSheet previous) {
        List<Candidate> complements = new ArrayList<>();
        for (String id : product.complements()) {
            addPinned(complements, known.get(id), previous);
        }
        List<Candidate> upgrades = new ArrayList<>(product.variantLadder());
        for (String id : product.upgrades()) {
            addPinned(upgrades, known.get(id), previous);
        }
        if (previous != null) {
            keepMined(complements, previous.complements(), product);
            keepMined(upgrades, previous.upgrades(), product);
        }
        return new OfferSheet(product.id(), product.complements(), product.upgrades(),
                cap(complements), cap(upgrades));
    }

    private static void addPinned(List<Candidate> list, ProductFacts facts, OfferSheet previous) {
        if (facts == null || list.stream().anyMatch(c -> c.productId().equals(facts.id()))) {
            return;
        }
        Candidate candidate = facts.asCandidate(previousOf(previous, facts.id()), true);
        if (candidate != null) {
            list.add(candidate);
        }
    }

    private static void keepMined(List<Candidate> list, List<Candidate> previous, ProductFacts product) {
        for (Candidate c : previous) {
            boolean taken = list.stream().anyMatch(x -> x.productId().equals(c.productId()));
            if (!c.pinned() && !c.productId().equals(product.id()) && !taken) {
                list.add(c);
            }
        }
    }

    private static Candidate previousOf(OfferSheet previous, String productId) {
        if (previous == null) {
            return null;
        }
        return previous.complements().stream().filter(c -> c.productId().equals(productId)).findFirst()
                .orElse(null);
    }

    private static List<Candidate> cap(List<Candidate> list) {
        return list.size() <= MAX_CANDIDATES ? list : list.subList(0, MAX_CANDIDATES);
    }
}

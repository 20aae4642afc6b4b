package dev.triad.sheet;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The precomputed offers of one product, stored as one Redis value and replaced whole.
 *
 * <p>{@code complements} are what goes with the product (pinned first, in the merchant's order,
 * then mined by score); {@code upgrades} is its ladder: higher-priced variants of the product
 * itself first, then pinned and mined better products. The pinned id lists are kept even for
 * products that have no facts yet, so that such a product slots into place when it arrives.
 */
public record OfferSheet(
        String productId,
        List<String> pinnedComplements,
        List<String> pinnedUpgrades,
        List<Candidate> complements,
        List<Candidate> upgrades) {

    public OfferSheet {
        pinnedComplements = List.copyOf(pinnedComplements == null ? List.of() : pinnedComplements);
        pinnedUpgrades = List.copyOf(pinnedUpgrades == null ? List.of() : pinnedUpgrades);
        complements = List.copyOf(complements == null ? List.of() : complements);
        upgrades = List.copyOf(upgrades == null ? List.of() : upgrades);
    }

    /** Every other product this sheet names: the keys of the reverse index. */
    public Set<String> namedProducts() {
        Set<String> named = new LinkedHashSet<>(pinnedComplements);
        named.addAll(pinnedUpgrades);
        complements.forEach(c -> named.add(c.productId()));
        upgrades.forEach(c -> named.add(c.productId()));
        named.remove(productId);
        return named;
    }

    /** This sheet without any candidate of {@code removedId} (the product was deleted). */
    public OfferSheet without(String removedId) {
        return new OfferSheet(productId, pinnedComplements, pinnedUpgrades,
                complements.stream().filter(c -> !c.productId().equals(removedId)).toList(),
                upgrades.stream().filter(c -> !c.productId().equals(removedId)).toList());
    }

    /** This sheet with every mined complement (one with a pair count) re-scored by {@code score}. */
    public OfferSheet rescored(ToDoubleFunction<Candidate> score) {
        return new OfferSheet(productId, pinnedComplements, pinnedUpgrades,
                complements.stream()
                        .map(c -> c.pairCount() > 0 ? c.scored(score.applyAsDouble(c), c.pairCount()) : c)
                        .toList(),
                upgrades);
    }

    /**
     * This sheet with the candidates of one product refreshed: {@code fresh} turns a product's
     * current facts into a candidate (keeping a mined candidate's score and evidence), or null when
     * the product cannot be offered any more. Pinned products that were missing are slotted in.
     */
    public OfferSheet patched(String changedId, Function<Candidate, Candidate> fresh) {
        Function<Candidate, List<Candidate>> asList = previous -> {
            Candidate c = fresh.apply(previous);
            return c == null ? List.of() : List.of(c);
        };
        return patched(changedId, asList, asList);
    }

    /**
     * This sheet with the candidates of one product refreshed, as complement and as upgrade apart: a
     * product is one complement but may be several upgrades, one per fit ({@link Candidate#fit}), kept
     * together where its first one stood. Each function gets the product's first previous candidate of
     * that list (null when it had none) and answers its candidates now (none: it cannot be offered).
     */
    public OfferSheet patched(String changedId, Function<Candidate, List<Candidate>> freshComplements,
            Function<Candidate, List<Candidate>> freshUpgrades) {
        return new OfferSheet(productId, pinnedComplements, pinnedUpgrades,
                patch(complements, pinnedComplements, changedId, freshComplements),
                patch(upgrades, pinnedUpgrades, changedId, freshUpgrades));
    }

    private List<Candidate> patch(List<Candidate> list, List<String> pins, String changedId,
            Function<Candidate, List<Candidate>> fresh) {
        List<Candidate> out = new ArrayList<>(list.size() + 1);
        boolean seen = false;
        for (Candidate c : list) {
            if (!c.productId().equals(changedId)) {
                out.add(c);
            } else if (!seen) {
                seen = true;
                out.addAll(fresh.apply(c));
            }
        }
        int pinIndex = pins.indexOf(changedId);
        if (!seen && pinIndex >= 0) {
            out.addAll(insertionPoint(out, pins, pinIndex), fresh.apply(null));
        }
        return out;
    }

    /**
     * The product's own variants lead its ladder, then pinned candidates in pin order: the new one
     * goes before the first later pin or the first mined candidate.
     */
    private int insertionPoint(List<Candidate> out, List<String> pins, int pinIndex) {
        for (int i = 0; i < out.size(); i++) {
            Candidate c = out.get(i);
            if (c.productId().equals(productId)) {
                continue;
            }
            if (!c.pinned() || pins.indexOf(c.productId()) > pinIndex) {
                return i;
            }
        }
        return out.size();
    }
}

package dev.triad.catalog;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

import dev.triad.base.Texts;
import dev.triad.sheet.Candidate;

/**
 * What Triad knows of a product, and the merchant's own pairings: {@code complements} and
 * {@code upgrades} are pinned, in this order, ahead of mined ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductFacts(
        String id,
        String title,
        String type,
        String url,
        String image,
        Double rating,
        Integer reviewCount,
        List<Variant> variants,
        List<String> complements,
        List<String> upgrades) {

    /** Fits of one product another product's upgrade ladder holds: enough sizes, not every colour of every size. */
    public static final int MAX_FITS = 8;

    /** Texts, links, variants and pins are kept within {@link Texts}' bounds, however they came in. */
    public ProductFacts {
        title = Texts.cap(title, Texts.MAX_TEXT);
        type = Texts.cap(type, Texts.MAX_TEXT);
        url = Texts.link(url);
        image = Texts.link(image);
        variants = List.copyOf(Texts.cap(variants == null ? List.of() : variants, Texts.MAX_VARIANTS));
        complements = List.copyOf(Texts.cap(complements == null ? List.of() : complements, Texts.MAX_PINS));
        upgrades = List.copyOf(Texts.cap(upgrades == null ? List.of() : upgrades, Texts.MAX_PINS));
    }

    /**
     * One buyable version of the product.
     *
     * @param options its option values by option name, in the product's order ({@code {"Size": "M",
     *                "Colour": "Black"}}); empty when the store names none
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Variant(
            String id,
            String title,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal compareAtPrice,
            boolean inStock,
            @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> options) {

        /** At most this many options per variant (Shopify allows three; WooCommerce more). */
        public static final int MAX_OPTIONS = 10;

        public Variant {
            title = Texts.cap(title, Texts.MAX_TEXT);
            options = cappedOptions(options);
        }

        public Variant(String id, String title, BigDecimal price, BigDecimal compareAtPrice, boolean inStock) {
            this(id, title, price, compareAtPrice, inStock, Map.of());
        }

        public Variant withId(String newId) {
            return new Variant(newId, title, price, compareAtPrice, inStock, options);
        }

        public Variant withTitle(String newTitle) {
            return new Variant(id, newTitle, price, compareAtPrice, inStock, options);
        }

        public Variant withInStock(boolean stocked) {
            return new Variant(id, title, price, compareAtPrice, stocked, options);
        }

        private static Map<String, String> cappedOptions(Map<String, String> options) {
            if (options == null || options.isEmpty()) {
                return Map.of();
            }
            Map<String, String> capped = new LinkedHashMap<>();
            options.forEach((name, value) -> {
                if (capped.size() < MAX_OPTIONS && name != null && !name.isBlank() && value != null && !value.isBlank()) {
                    capped.put(Texts.cap(name.strip(), Texts.MAX_TEXT), Texts.cap(value.strip(), Texts.MAX_TEXT));
                }
            });
            return Collections.unmodifiableMap(capped);
        }
    }

    /**
     * This product as a candidate in another product's sheet: its cheapest variant in stock (or,
     * when none is, its cheapest variant marked out of stock, so that a restock is a mere patch).
     * A mined candidate keeps the score and evidence of {@code previous}.
     */
    public Candidate asCandidate(Candidate previous, boolean pinned) {
        if (variants.isEmpty()) {
            return null;
        }
        Variant entry = variants.stream().filter(Variant::inStock).min(Comparator.comparing(Variant::price))
                .orElseGet(() -> variants.stream().min(Comparator.comparing(Variant::price)).orElseThrow());
        return candidate(entry, title, pinned, previous, null);
    }

    /** Price of the cheapest variant; null without variants. */
    public BigDecimal lowestPrice() {
        return variants.stream().map(Variant::price).min(Comparator.naturalOrder()).orElse(null);
    }

    /** Price of the variant another product's sheet would offer: the cheapest in stock; null when none is. */
    public BigDecimal entryPrice() {
        return variants.stream().filter(Variant::inStock).map(Variant::price).min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** Rating weighted by how many reviews back it: ranks otherwise equal upgrades. */
    public double reputation() {
        return rating == null || reviewCount == null ? 0 : rating * Math.log1p(reviewCount);
    }

    /**
     * Every variant of this product as a candidate for the product's own upgrade ladder, cheapest
     * first, each with its {@link OptionKinds#fit fit}: a pricier variant is an upgrade of a cart line
     * only when it has the line's fit.
     */
    public List<Candidate> variantLadder(OptionKinds kinds) {
        return variants.stream()
                .sorted(Comparator.comparing(Variant::price))
                .map(v -> candidate(v, variantTitle(v), false, null, kinds.fit(v.options())))
                .toList();
    }

    /**
     * This product as an upgrade in another product's sheet: one candidate per fit, the cheapest
     * variant of each (in stock if one is), cheapest first, at most {@value #MAX_FITS} — so that a
     * shopper with a bike in M is offered the next model in M. A product without kept options is one
     * candidate, as {@link #asCandidate}. {@code previous}'s score and evidence are kept.
     */
    public List<Candidate> asUpgrades(OptionKinds kinds, Candidate previous, boolean pinned) {
        Map<String, Variant> byFit = new LinkedHashMap<>();
        for (Variant v : variants) {
            String fit = kinds.fit(v.options());
            if (fit == null) {
                Candidate only = asCandidate(previous, pinned);
                return only == null ? List.of() : List.of(only);
            }
            byFit.merge(fit, v, ProductFacts::entryOf);
        }
        return byFit.entrySet().stream()
                .sorted(Map.Entry.comparingByValue(Comparator.comparing(Variant::price)))
                .limit(MAX_FITS)
                .map(e -> candidate(e.getValue(), variantTitle(e.getValue()), pinned, previous, e.getKey()))
                .toList();
    }

    /** Of two variants, the one another product's sheet offers: in stock before out of stock, then cheaper. */
    private static Variant entryOf(Variant a, Variant b) {
        if (a.inStock() != b.inStock()) {
            return a.inStock() ? a : b;
        }
        return b.price().compareTo(a.price()) < 0 ? b : a;
    }

    private String variantTitle(Variant v) {
        return v.title() == null || v.title().isBlank() || variants.size() == 1 ? title : title + " – " + v.title();
    }

    private Candidate candidate(Variant v, String shownTitle, boolean pinned, Candidate previous, String fit) {
        double score = previous == null ? 0 : previous.score();
        int pairCount = previous == null ? 0 : previous.pairCount();
        return new Candidate(id, v.id(), shownTitle, v.price(), image, url, v.inStock(), pinned, score, pairCount,
                rating, reviewCount, fit, previous == null ? 0 : previous.repeatDays());
    }
}

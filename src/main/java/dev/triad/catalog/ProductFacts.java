package dev.triad.catalog;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

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

    /** One buyable version of the product. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Variant(
            String id,
            String title,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal price,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal compareAtPrice,
            boolean inStock) {

        public Variant {
            title = Texts.cap(title, Texts.MAX_TEXT);
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
        return candidate(entry, title, pinned, previous);
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

    /** Every variant of this product as a candidate for the product's own upgrade ladder, cheapest first. */
    public List<Candidate> variantLadder() {
        return variants.stream()
                .sorted(Comparator.comparing(Variant::price))
                .map(v -> candidate(v, variantTitle(v), false, null))
                .toList();
    }

    private String variantTitle(Variant v) {
        return v.title() == null || v.title().isBlank() || variants.size() == 1 ? title : title + " – " + v.title();
    }

    private Candidate candidate(Variant v, String shownTitle, boolean pinned, Candidate previous) {
        double score = previous == null ? 0 : previous.score();
        int pairCount = previous == null ? 0 : previous.pairCount();
        return new Candidate(id, v.id(), shownTitle, v.price(), image, url, v.inStock(), pinned, score, pairCount,
                rating, reviewCount);
    }
}

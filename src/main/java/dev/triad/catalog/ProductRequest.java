package dev.triad.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.triad.base.Ids;
import dev.triad.base.Money;
import dev.triad.base.Texts;
import dev.triad.problem.ProblemException;

/** The body of {@code PUT /admin/v1/shops/{shop}/products/{productId}}, as sent. */
public record ProductRequest(
        String title,
        String type,
        String url,
        String image,
        Double rating,
        Integer reviewCount,
        List<VariantRequest> variants,
        List<String> complements,
        List<String> upgrades) {

    static final int MAX_TEXT = Texts.MAX_TEXT;
    static final int MAX_VARIANTS = Texts.MAX_VARIANTS;
    static final int MAX_PINS = Texts.MAX_PINS;

    /**
     * A variant as sent; {@code inStock} defaults to true; {@code options} are its option values by
     * option name ({@code {"Size": "M", "Colour": "Black"}}), which decide what is an upgrade of it.
     */
    public record VariantRequest(String id, String title, String price, String compareAtPrice, Boolean inStock,
            Map<String, String> options) {
    }

    /** The facts this request describes, or a refusal naming the first bad field. */
    public ProductFacts toFacts(String productId) {
        text("title", title, true);
        text("type", type, false);
        link("url", url);
        link("image", image);
        if (rating != null && (rating < 0 || rating > 5 || rating.isNaN())) {
            throw ProblemException.invalid("rating", "'rating' must be from 0 to 5");
        }
        if (reviewCount != null && reviewCount < 0) {
            throw ProblemException.invalid("reviewCount", "'reviewCount' must not be negative");
        }
        if (variants == null || variants.isEmpty() || variants.size() > MAX_VARIANTS) {
            throw ProblemException.invalid("variants", "'variants' must hold 1 to " + MAX_VARIANTS + " variants");
        }
        List<ProductFacts.Variant> facts = new ArrayList<>(variants.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < variants.size(); i++) {
            String at = "variants[" + i + "]";
            VariantRequest v = variants.get(i);
            if (v == null) {
                throw ProblemException.invalid(at, "'" + at + "' must be an object");
            }
            String id = Ids.require(at + ".id", v.id());
            if (!ids.add(id)) {
                throw ProblemException.invalid(at + ".id", "'" + at + ".id' repeats variant " + id);
            }
            text(at + ".title", v.title(), false);
            options(at + ".options", v.options());
            facts.add(new ProductFacts.Variant(id, v.title(), Money.parse(at + ".price", v.price()),
                    v.compareAtPrice() == null ? null : Money.parse(at + ".compareAtPrice", v.compareAtPrice()),
                    v.inStock() == null || v.inStock(), v.options()));
        }
        return new ProductFacts(productId, title, type, url, image, rating, reviewCount, facts,
                pins("complements", complements, productId), pins("upgrades", upgrades, productId));
    }

    /** A product or variant id from a path or body, or a refusal naming {@code field}. */
    public static String validId(String field, String id) {
        return Ids.require(field, id);
    }

    private static List<String> pins(String field, List<String> ids, String self) {
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > MAX_PINS) {
            throw ProblemException.invalid(field, "'" + field + "' holds at most " + MAX_PINS + " products");
        }
        List<String> pins = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            String id = Ids.require(field + "[" + i + "]", ids.get(i));
            if (id.equals(self)) {
                throw ProblemException.invalid(field + "[" + i + "]", "A product cannot be paired with itself");
            }
            if (!pins.contains(id)) {
                pins.add(id);
            }
        }
        return pins;
    }

    private static void options(String field, Map<String, String> options) {
        if (options == null) {
            return;
        }
        if (options.size() > ProductFacts.Variant.MAX_OPTIONS) {
            throw ProblemException.invalid(field, "'" + field + "' holds at most " + ProductFacts.Variant.MAX_OPTIONS
                    + " options");
        }
        options.forEach((name, value) -> {
            if (name.isBlank() || name.length() > MAX_TEXT) {
                throw ProblemException.invalid(field, "'" + field + "' has an option name that is blank or longer than "
                        + MAX_TEXT + " characters");
            }
            if (value == null || value.isBlank() || value.length() > MAX_TEXT) {
                throw ProblemException.invalid(field + "." + name, "'" + field + "." + name
                        + "' must be a value of 1 to " + MAX_TEXT + " characters");
            }
        });
    }

    private static void link(String field, String value) {
        if (!Texts.safeLink(value)) {
            throw ProblemException.invalid(field, "'" + field + "' must be an http(s) address or a path of the shop ("
                    + Texts.MAX_LINK + " characters at most)");
        }
    }

    private static void text(String field, String value, boolean required) {
        if (required && (value == null || value.isBlank())) {
            throw ProblemException.invalid(field, "'" + field + "' is required");
        }
        if (value != null && value.length() > MAX_TEXT) {
            throw ProblemException.invalid(field, "'" + field + "' is longer than " + MAX_TEXT + " characters");
        }
    }
}

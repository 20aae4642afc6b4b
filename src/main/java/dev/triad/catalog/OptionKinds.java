package dev.triad.catalog;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.triad.sheet.Fit;
import dev.triad.shop.ShopSettings;

/**
 * Which of a product's options are <em>tiers</em> — storage 128 → 256 GB, a Pro edition, a 12-pack —
 * and which only fit the variant to the shopper (size, colour, width …). A pricier variant is an
 * upgrade only when it differs in a tier and keeps every other option: a bigger frame is not a
 * better bike.
 *
 * <p>An option is kept (not a tier) when the shop names it so, or when a word of its name is one of
 * the size-like words below, in the languages the widget speaks (en, de, fr, es) and Polish and Dutch
 * ("Frame size", "Rahmengröße", "Taille", "Talla", "Rozmiar", "Maat"). A shop's tier list wins over
 * that default ("Size" is a tier for a pizzeria); pack and capacity words are tiers even beside "size"
 * ("Pack size"). Any other option is a tier.
 */
public record OptionKinds(Set<String> tiers, Set<String> kept) {

    public static final OptionKinds DEFAULT = new OptionKinds(Set.of(), Set.of());

    /** Words of option names that fit a variant to its buyer and never make it better. */
    static final Set<String> KEPT_WORDS = Set.of(
            // en
            "size", "sizes", "colour", "color", "colours", "colors", "fit", "width", "length", "waist", "inseam",
            "cup", "band", "style", "pattern", "print", "finish", "flavour", "flavor", "scent", "side", "hand",
            "handedness", "gender", "shade", "design",
            // de
            "größe", "groesse", "grösse", "farbe", "passform", "weite", "länge", "laenge", "muster", "geschmack",
            "stil", "duft", "seite",
            // fr
            "taille", "couleur", "coloris", "pointure", "coupe", "largeur", "longueur", "motif", "saveur", "parfum",
            "teinte", "côté",
            // es
            "talla", "tamaño", "ancho", "largo", "longitud", "corte", "estampado", "sabor", "aroma", "estilo", "número",
            "tono", "lado",
            // pl
            "rozmiar", "kolor", "długość", "szerokość", "krój", "fason", "wzór", "smak", "zapach", "styl", "odcień",
            "strona",
            // nl
            "maat", "grootte", "kleur", "lengte", "breedte", "pasvorm", "patroon", "smaak", "geur", "stijl", "tint",
            "kant");

    /** Words that make an option a tier even beside a size-like word ("Pack size", "Packungsgröße"). */
    static final Set<String> TIER_WORDS = Set.of("pack", "packs", "capacity", "storage", "memory", "edition", "plan",
            "tier", "version", "quantity", "count", "bundle", "packung", "packungsgröße", "menge", "kapazität",
            "speicher", "capacité", "stockage", "quantité", "capacidad", "almacenamiento", "cantidad", "paquete",
            "pakiet", "pojemność", "pamięć", "ilość", "verpakking", "opslag", "geheugen", "aantal", "capaciteit");

    /** The option kinds of a shop with {@code settings}. */
    public static OptionKinds of(ShopSettings settings) {
        return of(settings.tierOptions(), settings.nonTierOptions());
    }

    /** A shop's own lists (option names, any case) on top of the defaults; a name on both lists is a tier. */
    public static OptionKinds of(List<String> tierOptions, List<String> nonTierOptions) {
        return new OptionKinds(normalSet(tierOptions), normalSet(nonTierOptions));
    }

    /** Whether a variant that differs in the option {@code name} may be an upgrade. */
    public boolean isTier(String name) {
        String n = Fit.normal(name);
        if (tiers.contains(n)) {
            return true;
        }
        if (kept.contains(n)) {
            return false;
        }
        String[] words = n.split("[^\\p{L}\\p{N}]+");
        for (String word : words) {
            if (TIER_WORDS.contains(word)) {
                return true;
            }
        }
        for (String word : words) {
            if (KEPT_WORDS.contains(word) || compoundOfKept(word)) {
                return false;
            }
        }
        return true;
    }

    /** The options of a variant an upgrade must keep, as a {@link Fit}; null when it has none. */
    public String fit(Map<String, String> options) {
        if (options == null || options.isEmpty()) {
            return null;
        }
        Map<String, String> kept = new LinkedHashMap<>();
        options.forEach((name, value) -> {
            if (!isTier(name)) {
                kept.put(name, value);
            }
        });
        return Fit.of(kept);
    }

    /** German and Dutch glue words together: "Rahmengröße", "Schuhgröße", "Framemaat". */
    private static boolean compoundOfKept(String word) {
        for (String kept : List.of("größe", "groesse", "grösse", "farbe", "länge", "weite", "maat", "kleur")) {
            if (word.length() > kept.length() && word.endsWith(kept)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> normalSet(List<String> names) {
        Set<String> set = new HashSet<>();
        if (names != null) {
            names.forEach(n -> set.add(Fit.normal(n)));
        }
        return Set.copyOf(set);
    }
}

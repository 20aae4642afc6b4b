package dev.triad.offer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.triad.events.PurchaseHistory;
import dev.triad.sheet.Candidate;
import dev.triad.sheet.OfferSheet;
import dev.triad.sheet.SheetCodec;
import dev.triad.shop.Shop;

/**
 * What one offer request read in its round trip: the shop (null when unknown), the sheets that
 * exist among the cart's products, the products the visitor dismissed that are still hidden, and
 * what the customer bought (empty for a visitor not known as a customer).
 * The sheets are as the rule of three reads them, without the candidates' titles, images and
 * links; {@link #displayed} reads those for the few candidates an answer shows.
 */
public final class Snapshot {

    private final Shop shop;
    private final Map<String, OfferSheet> sheets;
    private final Set<String> dismissed;
    private final Map<String, PurchaseHistory.Bought> history;
    private final List<Stored> stored;
    private final SheetCodec codec;
    private final long countdownEnds;

    /** A sheet's bytes as Redis returned them, in cart order. */
    record Stored(byte[] bytes, int offset, int length) {
    }

    Snapshot(Shop shop, Map<String, OfferSheet> sheets, Set<String> dismissed, Map<String, PurchaseHistory.Bought> history,
            List<Stored> stored, SheetCodec codec, long countdownEnds) {
        this.countdownEnds = countdownEnds;
        this.shop = shop;
        this.sheets = sheets;
        this.dismissed = dismissed;
        this.history = history;
        this.stored = stored;
        this.codec = codec;
    }

    /**
     * Stored sheets read as the offer path reads them, in {@code stored}'s order, with no shop and
     * nothing dismissed: for the start-up warm-up and the benchmarks, which have no Redis answer.
     */
    public static Snapshot of(Map<String, byte[]> stored, SheetCodec codec) throws IOException {
        Map<String, OfferSheet> sheets = new HashMap<>();
        List<Stored> kept = new ArrayList<>(stored.size());
        for (Map.Entry<String, byte[]> sheet : stored.entrySet()) {
            byte[] bytes = sheet.getValue();
            sheets.put(sheet.getKey(), codec.readForSelection(bytes, 0, bytes.length));
            kept.add(new Stored(bytes, 0, bytes.length));
        }
        return new Snapshot(null, sheets, Set.of(), Map.of(), kept, codec, 0);
    }

    public Shop shop() {
        return shop;
    }

    public Map<String, OfferSheet> sheets() {
        return sheets;
    }

    public Set<String> dismissed() {
        return dismissed;
    }

    public Map<String, PurchaseHistory.Bought> history() {
        return history;
    }

    /** {@code candidate}, one of these sheets', with its title, image and link, from the first sheet holding it. */
    public Candidate displayed(Candidate candidate) {
        try {
            for (Stored sheet : stored) {
                Candidate found = codec.display(sheet.bytes(), sheet.offset(), sheet.length(), candidate.productId(),
                        candidate.variantId());
                if (found != null) {
                    return found;
                }
            }
            return candidate;
        } catch (IOException e) {
            throw new SheetStore.CorruptSheetException(e);
        }
    }

    /** The epoch second the visitor's limited-time offer ends; 0 when none has started. */
    long countdownEnds() {
        return countdownEnds;
    }
}

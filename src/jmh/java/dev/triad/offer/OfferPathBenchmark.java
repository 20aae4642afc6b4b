package dev.triad.offer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import dev.triad.offer.Snapshot;
import dev.triad.sheet.Candidate;
import dev.triad.sheet.OfferSheet;
import dev.triad.sheet.SheetCodec;
import dev.triad.shop.ShopSettings;

/**
 * The in-memory part of one offer request, piece by piece, for a 3-line cart whose sheets hold 20
 * complements and 5 upgrades each: reading the stored sheets (as the offer path does, and whole as
 * a baseline), the rule of three, and writing the answer. Run with bench/micro.sh (adds {@code -prof gc} for bytes allocated per operation).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class OfferPathBenchmark {

    Cart cart;
    Map<String, OfferSheet> sheets;
    Map<String, byte[]> storedSheets;
    RuleOfThree rule;
    Selection selection;
    OfferViews views;
    SheetCodec codec;
    ObjectWriter responseWriter;

    @Setup
    public void setUp() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        codec = new SheetCodec();
        responseWriter = mapper.writerFor(OfferResponse.class);
        List<CartLine> lines = new ArrayList<>();
        sheets = new HashMap<>();
        storedSheets = new LinkedHashMap<>();
        for (int p = 0; p < 3; p++) {
            lines.add(new CartLine("p" + p, "v" + p, 1, new BigDecimal("49.00").add(BigDecimal.valueOf(p * 100L))));
            List<Candidate> complements = new ArrayList<>();
            for (int c = 0; c < 20; c++) {
                complements.add(candidate("p" + (100 + p * 20 + c), (5 + c) + ".50", c < 4, 0.5 - c * 0.01, 40 - c));
            }
            List<Candidate> upgrades = new ArrayList<>();
            for (int u = 1; u <= 5; u++) {
                upgrades.add(candidate("p" + (500 + p * 5 + u), (49 + p * 100 + u * 10) + ".00", u == 1, 0, 0));
            }
            OfferSheet sheet = new OfferSheet("p" + p, List.of(), List.of(), complements, upgrades);
            sheets.put("p" + p, sheet);
            storedSheets.put("p" + p, codec.write(sheet));
        }
        cart = new Cart(lines);
        rule = new RuleOfThree(new ShopSettings(60, 10, new BigDecimal("150.00"), 0), 2);
        selection = rule.select(cart, sheets, Set.of());
        views = new OfferViews(Presentment.inShopCurrency(2));
    }

    private static Candidate candidate(String id, String price, boolean pinned, double score, int pairs) {
        return new Candidate(id, "v-" + id, "Product " + id + " of a shop", new BigDecimal(price),
                "https://cdn.example/p/" + id + ".jpg", "/products/" + id, true, pinned, score, pairs, 4.5, 120);
    }

    /** What the offer path reads: the sheets without texts, then the texts of the offers shown. */
    @Benchmark
    public Selection readSheets() throws Exception {
        return selection.displayed(Snapshot.of(storedSheets, codec)::displayed);
    }

    /** The baseline: every candidate of every sheet decoded whole. */
    @Benchmark
    public Map<String, OfferSheet> readWholeSheets() throws Exception {
        Map<String, OfferSheet> read = new HashMap<>();
        for (Map.Entry<String, byte[]> stored : storedSheets.entrySet()) {
            read.put(stored.getKey(), codec.read(stored.getValue()));
        }
        return read;
    }

    @Benchmark
    public Selection ruleOfThree() {
        return rule.select(cart, sheets, Set.of());
    }

    @Benchmark
    public byte[] writeAnswer() throws Exception {
        return responseWriter.writeValueAsBytes(new OfferResponse("0123456789abcdef", "shop.example", "checkout",
                views.of(selection), views.freeShipping(selection), false, false));
    }

    @Benchmark
    public byte[] selectionAndAnswer() throws Exception {
        Selection s = rule.select(cart, sheets, Set.of());
        return responseWriter.writeValueAsBytes(new OfferResponse("0123456789abcdef", "shop.example", "checkout",
                views.of(s), views.freeShipping(s), false, false));
    }
}

package dev.triad.offer;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triad.offer.Snapshot;
import dev.triad.sheet.Candidate;
import dev.triad.sheet.OfferSheet;
import dev.triad.sheet.SheetCodec;
import dev.triad.shop.ShopSettings;
import io.quarkus.runtime.StartupEvent;

/**
 * Runs the offer path's in-memory work once while the process starts — reading a sheet, the rule
 * of three, writing an answer — so that the first shopper after a (cold) start does not pay for
 * class loading inside the few milliseconds the offer path allows itself.
 */
@ApplicationScoped
public class OfferWarmup {

    void warm(@Observes @Priority(16) StartupEvent event, SheetCodec codec, ObjectMapper mapper) throws IOException {
        Candidate helmet = new Candidate("p-helmet", "v-helmet", "Helmet", new BigDecimal("49.00"), null, null, true,
                true, 0.5, 3, 4.5, 10);
        Candidate lock = new Candidate("p-lock", "v-lock", "Lock", new BigDecimal("25.00"), null, null, true, false,
                0.4, 2, null, null);
        Candidate bike = new Candidate("p-bike-2", "v-bike-2", "Bike 2", new BigDecimal("949.00"), null, null, true,
                true, 0, 0, null, null);
        Snapshot snapshot = Snapshot.of(Map.of("p-bike",
                codec.write(new OfferSheet("p-bike", List.of(), List.of(), List.of(helmet, lock), List.of(bike)))), codec);
        Cart cart = new Cart(List.of(new CartLine("p-bike", "v-bike", 1, new BigDecimal("799.00"))));
        Selection selection = new RuleOfThree(new ShopSettings(60, 10, new BigDecimal("1000.00"), 0), 2)
                .select(cart, snapshot.sheets(), snapshot.dismissed())
                .displayed(snapshot::displayed);
        OfferViews views = new OfferViews(Presentment.inShopCurrency(2));
        mapper.writeValueAsBytes(new OfferResponse("warmup", "warmup", "checkout", views.of(selection),
                views.freeShipping(selection), false, false));
        OfferRequest.reader(mapper).readValue("{\"placement\":\"cart\",\"currency\":\"USD\",\"cart\":"
                + "[{\"productId\":\"p\",\"quantity\":1,\"price\":\"1.00\"}]}");
    }
}

package dev.triad.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.triad.TriadConfig;
import dev.triad.catalog.CatalogStore;
import dev.triad.catalog.ProductRequest;
import dev.triad.shop.ApiKeys;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopSettings;
import dev.triad.shop.ShopStore;
import io.quarkus.runtime.StartupEvent;

/**
 * For local runs: registers the demo shop (a bike shop of about twenty products with pinned
 * complements and upgrades, {@code demo/catalog.json}) through the same code as the admin API,
 * with a fixed publishable key so that the README's curl works.
 */
@ApplicationScoped
public class DemoShop {

    private static final Logger LOG = Logger.getLogger(DemoShop.class);

    /** One entry of the demo catalog. */
    public record Entry(String id, ProductRequest product) {
    }

    void load(@Observes @Priority(20) StartupEvent event, TriadConfig config, ShopStore shops,
            CatalogStore catalog, ObjectMapper mapper) {
        TriadConfig.Demo demo = config.demo();
        if (!demo.enabled()) {
            return;
        }
        ShopSettings settings = new ShopSettings(60, 10, new BigDecimal("1000.00"), 0);
        shops.save(new Shop(demo.shop(), "shopify", "USD", List.of(), settings, demo.publishableKey(),
                ApiKeys.hash(ApiKeys.newAdminKey()), null, true, "Demo bike shop"));
        List<Entry> entries = entries(mapper);
        for (Entry entry : entries) {
            catalog.put(demo.shop(), entry.product().toFacts(entry.id()));
        }
        LOG.infof("Demo shop '%s' loaded: %d products, publishable key %s", demo.shop(), entries.size(),
                demo.publishableKey());
    }

    private static List<Entry> entries(ObjectMapper mapper) {
        try (InputStream in = DemoShop.class.getClassLoader().getResourceAsStream("demo/catalog.json")) {
            return mapper.readValue(in, new TypeReference<List<Entry>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("The demo catalog is unreadable", e);
        }
    }
}

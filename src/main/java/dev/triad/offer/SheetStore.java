package dev.triad.offer;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.triad.events.Dismissals;
import dev.triad.events.PurchaseHistory;
import dev.triad.redis.Keys;
import dev.triad.redis.RedisLanes;
import dev.triad.sheet.OfferSheet;
import dev.triad.sheet.SheetCodec;
import dev.triad.shop.Shop;
import io.netty.buffer.ByteBuf;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * The read side of offer sheets: everything one offer request needs — the shop's record, the
 * sheets of the cart's products, the visitor's dismissals, the customer's purchase history and the
 * end of the visitor's limited-time offer — in one MGET, hence one round trip, in cluster mode too
 * (one hash tag).
 */
@Singleton
public class SheetStore {

    /** Shops remembered with the stored bytes they were read from; past this many the memory starts over. */
    static final int SHOPS_REMEMBERED = 10_000;

    private final RedisLanes redis;
    private final ObjectReader shopReader;
    private final SheetCodec sheets;
    private final Map<String, ReadShop> shops = new ConcurrentHashMap<>();

    /** A shop's record as parsed from {@code stored}: reused while Redis returns the same bytes. */
    private record ReadShop(byte[] stored, Shop shop) {
    }

    public SheetStore(RedisLanes redis, ObjectMapper mapper, SheetCodec sheets) {
        this.redis = redis;
        this.shopReader = mapper.readerFor(Shop.class);
        this.sheets = sheets;
    }

    /**
     * Fails with a TimeoutException when Redis has not answered within {@code timeout}: the budget
     * is for the round trip; parsing the answer comes after it.
     */
    public Uni<Snapshot> read(String shop, List<String> productIds, List<String> visitors, String customer,
            String countdownOf, Duration timeout) {
        Request mget = Request.cmd(Command.MGET).arg(Keys.shop(shop));
        for (String id : productIds) {
            mget.arg(Keys.sheet(shop, id));
        }
        for (String visitor : visitors) {
            mget.arg(Keys.dismissed(shop, visitor));
        }
        if (customer != null) {
            mget.arg(Keys.history(shop, customer));
        }
        if (countdownOf != null) {
            mget.arg(Keys.countdown(shop, countdownOf));
        }
        return redis.send(mget).ifNoItem().after(timeout).fail()
                .map(reply -> parse(shop, reply, productIds, visitors.size(), customer != null, countdownOf != null));
    }

    /**
     * Starts {@code visitor}'s limited-time offer, to end at {@code endsAt}, unless one was started (a
     * request a moment earlier): fire and forget, the offer path does not wait for it.
     */
    public void startCountdown(String shop, String visitor, long endsAt, long keepSeconds) {
        redis.send(Request.cmd(Command.SET).arg(Keys.countdown(shop, visitor)).arg(endsAt).arg("NX").arg("EX")
                .arg(keepSeconds)).subscribe().with(ok -> {
                }, failure -> {
                });
    }

    private Snapshot parse(String shopId, Response reply, List<String> productIds, int visitors, boolean customer,
            boolean countdown) {
        try {
            Shop shop = reply.get(0) == null ? null : shop(shopId, reply.get(0).toBytes());
            Map<String, OfferSheet> found = new HashMap<>(productIds.size() * 2);
            List<Snapshot.Stored> stored = new ArrayList<>(productIds.size());
            for (int i = 0; i < productIds.size(); i++) {
                Response value = reply.get(i + 1);
                if (value != null) {
                    Snapshot.Stored sheet = stored(value);
                    found.put(productIds.get(i), sheets.readForSelection(sheet.bytes(), sheet.offset(), sheet.length()));
                    stored.add(sheet);
                }
            }
            Set<String> dismissed = visitors == 0 ? Set.of() : new HashSet<>();
            long now = System.currentTimeMillis() / 1000;
            for (int i = 0; i < visitors; i++) {
                Response value = reply.get(productIds.size() + 1 + i);
                Dismissals.addLive(value == null ? null : value.toBytes(), now, dismissed);
            }
            int next = productIds.size() + 1 + visitors;
            Response history = customer ? reply.get(next++) : null;
            Response countdownEnds = countdown ? reply.get(next) : null;
            return new Snapshot(shop, found, dismissed,
                    PurchaseHistory.read(history == null ? null : history.toBytes()), stored, sheets,
                    countdownEnds == null ? 0 : endsAt(countdownEnds.toString()));
        } catch (IOException e) {
            throw new CorruptSheetException(e);
        }
    }

    /** A stored countdown's end; 0 (none) for what Triad did not write. */
    private static long endsAt(String stored) {
        try {
            return Long.parseLong(stored);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A sheet's bytes in a reply: the array behind the client's buffer when it has one (no copy). */
    private static Snapshot.Stored stored(Response value) {
        ByteBuf buffer = value.toBuffer().getDelegate().getByteBuf();
        if (!buffer.hasArray()) {
            byte[] copy = value.toBytes();
            return new Snapshot.Stored(copy, 0, copy.length);
        }
        return new Snapshot.Stored(buffer.array(), buffer.arrayOffset() + buffer.readerIndex(), buffer.readableBytes());
    }

    /**
     * The shop in {@code stored}. Every offer request reads the shop's record afresh (a changed key or
     * setting applies to the next request), but parses it only when its bytes differ from the last read.
     */
    private Shop shop(String shopId, byte[] stored) throws IOException {
        ReadShop last = shops.get(shopId);
        if (last != null && Arrays.equals(last.stored(), stored)) {
            return last.shop();
        }
        Shop shop = shopReader.readValue(stored);
        if (shops.size() >= SHOPS_REMEMBERED) {
            shops.clear();
        }
        shops.put(shopId, new ReadShop(stored, shop));
        return shop;
    }

    /** A stored value that is not what Triad wrote: the offer path degrades rather than guess. */
    public static final class CorruptSheetException extends RuntimeException {
        CorruptSheetException(IOException cause) {
            super("A stored shop or sheet value could not be read", cause);
        }
    }
}

package dev.triad.shop;

import dev.triad.problem.ProblemException;

/** The storefront's credentials: the shop's publishable key, from an origin the shop allows. */
public final class PublishableKeys {

    private PublishableKeys() {
    }

    /** {@code shop} when {@code key} and {@code origin} are its own; 404, 401 or 403 otherwise. */
    public static Shop check(String shopId, String key, String origin, Shop shop) {
        if (shop == null) {
            throw ProblemException.notFound("shop", "No shop named '" + shopId + "' is registered");
        }
        if (key == null || key.isEmpty()) {
            throw ProblemException.unauthorized("X-Triad-Key", "The shop's publishable key is required in X-Triad-Key");
        }
        if (!ApiKeys.same(key, shop.publishableKey())) {
            throw ProblemException.unauthorized("X-Triad-Key", "X-Triad-Key is not this shop's publishable key");
        }
        if (!shop.allowsOrigin(origin)) {
            throw ProblemException.forbidden("Origin", "Origin " + origin + " is not allowed for this shop");
        }
        return shop;
    }
}

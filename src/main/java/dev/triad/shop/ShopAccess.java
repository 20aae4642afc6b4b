package dev.triad.shop;

import jakarta.enterprise.context.ApplicationScoped;

import dev.triad.problem.ProblemException;

/** Admin routes of one shop: the validated shop, once the caller's key is checked. */
@ApplicationScoped
public class ShopAccess {

    private final ShopStore shops;
    private final AdminAuth auth;

    public ShopAccess(ShopStore shops, AdminAuth auth) {
        this.shops = shops;
        this.auth = auth;
    }

    /** The shop named {@code shop}; 401 without its admin key or the operator key, 404 when unknown. */
    public Shop require(String shop, String authorization) {
        String name = ShopName.validate(shop);
        Shop existing = shops.find(name).orElse(null);
        auth.require(authorization, existing);
        if (existing == null) {
            throw ProblemException.notFound("shop", "No shop named '" + name + "' is registered");
        }
        return existing;
    }

    /** The registered shop named {@code shop} (the platform vouched for the caller); 404 when unknown. */
    public Shop requireRegistered(String shop) {
        String name = ShopName.validate(shop);
        return shops.find(name).orElseThrow(() -> ProblemException.notFound("shop", "No shop named '" + name
                + "' is registered"));
    }

    /**
     * The shop named {@code shop} for a storefront call: 401 without its publishable key, 403 from an
     * origin it does not allow, 404 when unknown.
     */
    public Shop requirePublishable(String shop, String publishableKey, String origin) {
        String name = ShopName.validate(shop);
        return PublishableKeys.check(name, publishableKey, origin, shops.find(name).orElse(null));
    }
}

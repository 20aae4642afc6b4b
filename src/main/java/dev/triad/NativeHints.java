package dev.triad;

import dev.triad.catalog.ProductFacts;
import dev.triad.catalog.ProductRequest;
import dev.triad.email.FeedKeyResource;
import dev.triad.events.EventRequest;
import dev.triad.local.DemoShop;
import dev.triad.offer.OfferRequest;
import dev.triad.offer.OfferResponse;
import dev.triad.offer.OfferResponseJson;
import dev.triad.privacy.PrivacyService;
import dev.triad.proxy.AppProxyClaimResource;
import dev.triad.problem.Problem;
import dev.triad.sheet.Candidate;
import dev.triad.sheet.OfferSheet;
import dev.triad.shop.Shop;
import dev.triad.shop.ShopSettings;
import dev.triad.stats.StatsReport;
import dev.triad.webhook.WebhookReceiver;
import dev.triad.wooplugin.ConnectTokenResource;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The one place that registers for reflection the types Jackson reads or writes outside the REST
 * layer's own signatures (stored Redis values, manually parsed bodies), so the native image has them.
 * {@code NativeHintsTest} finds every type Triad hands to Jackson and fails for one left out here.
 */
@RegisterForReflection(targets = {
        Shop.class, ShopSettings.class,
        OfferSheet.class, Candidate.class,
        ProductFacts.class, ProductFacts.Variant.class,
        ProductRequest.class, ProductRequest.VariantRequest.class,
        OfferRequest.class, OfferRequest.Line.class,
        OfferResponse.class, OfferResponse.View.class, OfferResponse.Item.class, OfferResponse.FreeShipping.class,
        OfferResponseJson.class,
        Problem.class, DemoShop.Entry.class,
        EventRequest.class, EventRequest.Offer.class, PrivacyService.CustomerData.class,
        AppProxyClaimResource.ClaimRequest.class,
        WebhookReceiver.Outcome.class, StatsReport.class, StatsReport.Funnel.class, StatsReport.Orders.class,
        StatsReport.Group.class, StatsReport.Uplift.class, StatsReport.Day.class, StatsReport.Email.class,
        ConnectTokenResource.Issued.class, FeedKeyResource.Issued.class })
public final class NativeHints {

    private NativeHints() {
    }
}

package com.jakebuysit.adapters.in.rest.offers;

import com.jakebuysit.application.offers.ViewOffer;
import com.jakebuysit.application.port.OfferPhotos;
import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.domain.Coded;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.jake.JakeScript;
import com.jakebuysit.domain.offer.Item;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.pricing.ComparableSale;
import com.jakebuysit.domain.pricing.FmvEstimate;
import com.jakebuysit.domain.pricing.PricingDecision;
import com.jakebuysit.domain.pricing.Quote;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An offer as the apps see it ({@code offer} in API.md), plus its price breakdown. Money as
 * two-decimal strings, times ISO-8601 UTC, photo and voice URLs short-lived.
 */
public record OfferView(
        String id,
        String userId,
        String status,
        ItemView item,
        List<String> photos,
        List<String> thumbnails,
        String description,
        String aiConfidence,
        String fmv,
        String fmvConfidence,
        String offerAmount,
        String offerToMarketRatio,
        JakeView jake,
        boolean escalated,
        List<String> escalationReasons,
        String expiresAt,
        String createdAt,
        String updatedAt,
        String acceptedAt,
        BreakdownView breakdown,
        boolean heldForReview,
        String shipmentId) {

    static final Duration URL_LIFETIME = Duration.ofMinutes(15);

    public record ItemView(String category, String subcategory, String brand, String model, String condition,
                           List<String> features, List<String> damage) {
    }

    public record JakeView(int tier, String script, String voiceUrl) {
    }

    public record LineView(String label, String value, String note) {
    }

    public record ComparableView(String title, String price, String condition, String soldAt, String url) {
    }

    /** How the price came about: each step, the comparables used, the market confidence. */
    public record BreakdownView(String path, List<LineView> lines, List<ComparableView> comparables,
                                List<ComparableView> outliers, String marketConfidence, boolean usedCategoryDefaults,
                                List<String> reasons) {
    }

    public static OfferView of(ViewOffer.Details details, PhotoStore store) {
        Offer offer = details.offer();
        Optional<Quote> quote = offer.quote();
        return new OfferView(
                offer.id().toString(),
                offer.sellerId().map(Object::toString).orElse(null),
                offer.status().code(),
                offer.identification().map(id -> item(id.item())).orElse(null),
                details.photos().stream().map(p -> store.url(p.storageKey(), URL_LIFETIME).toString()).toList(),
                details.photos().stream().map(OfferPhotos.Photo::thumbnailKey)
                        .map(key -> store.url(key, URL_LIFETIME).toString()).toList(),
                offer.submission().description(),
                offer.identification().map(id -> plain(id.confidence())).orElse(null),
                quote.flatMap(Quote::fmv).map(Money::toWire).orElse(null),
                quote.flatMap(Quote::fmvConfidence).map(OfferView::plain).orElse(null),
                quote.map(q -> q.amount().toWire()).orElse(null),
                quote.flatMap(Quote::offerToMarketRatio).map(OfferView::plain).orElse(null),
                offer.jake().map(jake -> jake(jake, store)).orElse(null),
                offer.escalated(),
                offer.escalation().map(e -> e.reasons()).orElse(List.of()),
                offer.expiresAt().map(Instant::toString).orElse(null),
                offer.createdAt().toString(),
                offer.updatedAt().toString(),
                offer.acceptedAt().map(Instant::toString).orElse(null),
                breakdown(details),
                offer.isHeldForReview(),
                details.shipment().map(Object::toString).orElse(null));
    }

    private static ItemView item(Item item) {
        return new ItemView(item.category().code(), item.subcategory().orElse(null), item.brand().orElse(null),
                item.model().orElse(null), item.condition().code(), item.features(), item.damage());
    }

    private static JakeView jake(JakeScript jake, PhotoStore store) {
        return new JakeView(jake.tier(), jake.script(),
                jake.voiceUrl().map(key -> store.url(key, URL_LIFETIME).toString()).orElse(null));
    }

    private static BreakdownView breakdown(ViewOffer.Details details) {
        if (details.pricing().isEmpty() && details.market().isEmpty()) {
            return null;
        }
        Optional<PricingDecision> decision = details.pricing().map(stored -> stored.decision());
        List<ComparableView> used = decision
                .map(d -> d.marketValue() instanceof FmvEstimate.Estimated estimated ? estimated.used() : List.<ComparableSale>of())
                .orElseGet(() -> details.market().map(m -> m.comparables()).orElse(List.of()))
                .stream().map(OfferView::comparable).toList();
        List<ComparableView> outliers = decision
                .map(d -> d.marketValue() instanceof FmvEstimate.Estimated estimated ? estimated.outliers() : List.<ComparableSale>of())
                .orElse(List.of()).stream().map(OfferView::comparable).toList();
        return new BreakdownView(
                decision.map(d -> d.path().code()).orElse(null),
                decision.map(d -> d.breakdown().lines().stream()
                        .map(line -> new LineView(line.label(), line.value(), line.note().orElse(null))).toList())
                        .orElse(List.of()),
                used,
                outliers,
                decision.map(d -> d.marketValue() instanceof FmvEstimate.Estimated estimated
                        ? plain(estimated.confidence()) : null).orElse(null),
                details.market().map(m -> m.usedCategoryDefaults()).orElse(false),
                decision.map(d -> d.reasons().stream().map(r -> r.message()).toList()).orElse(List.of()));
    }

    private static ComparableView comparable(ComparableSale sale) {
        return new ComparableView(sale.title(), sale.price().toWire(), ((Coded) sale.condition()).code(),
                sale.soldAt().toString(), sale.url());
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }
}

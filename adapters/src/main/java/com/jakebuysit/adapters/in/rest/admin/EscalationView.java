package com.jakebuysit.adapters.in.rest.admin;

import com.jakebuysit.adapters.in.rest.offers.OfferView;
import com.jakebuysit.application.escalations.ReviewItem;
import com.jakebuysit.application.port.OfferPhotos;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.domain.Coded;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.offer.EscalationAction;
import com.jakebuysit.domain.offer.Identification;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.pricing.ComparableSale;
import com.jakebuysit.domain.pricing.FmvEstimate;
import com.jakebuysit.domain.pricing.PricingDecision;
import com.jakebuysit.domain.pricing.Quote;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One item of the reviewers' queue on the wire: what it is and why, the seller, the photos
 * (short-lived links), the identification, the comparables the market step found and what pricing
 * proposed, and the actions a reviewer may take ({@code []} for disputes: read-only for now).
 */
public record EscalationView(
        String offerId,
        String kind,
        String status,
        List<String> reasons,
        String queuedAt,
        String escalatedAt,
        String disputedAt,
        SellerView seller,
        String description,
        String statedCondition,
        List<PhotoView> photos,
        IdentificationView identification,
        MarketView market,
        List<OfferView.ComparableView> comparables,
        PricingView pricing,
        String offerAmount,
        AcceptanceView acceptance,
        DisputeView dispute,
        List<String> actions,
        String createdAt) {

    static final Duration URL_LIFETIME = Duration.ofMinutes(15);

    /** @param id empty for an anonymous seller's offer, which has no account yet */
    public record SellerView(String id, Integer trustScore) {
    }

    public record PhotoView(int position, String url, String thumbnailUrl, String contentType, int width,
                            int height) {
    }

    public record IdentificationView(String category, String subcategory, String brand, String model,
                                     String condition, String confidence, List<String> features,
                                     List<String> damage) {
    }

    public record MarketView(String source, boolean usedCategoryDefaults, int comparablesFound) {
    }

    /** What the pricing step decided: the amount it proposed (if any), the market value and each step. */
    public record PricingView(String path, String proposedAmount, String fmv, String fmvConfidence,
                              String offerToMarketRatio, List<OfferView.LineView> breakdown,
                              List<OfferView.ComparableView> used, List<OfferView.ComparableView> outliers,
                              List<String> reasons) {
    }

    public record AcceptanceView(String payoutMethod, String acceptedAt) {
    }

    public record DisputeView(String reason, String disputedFrom, String disputedAt) {
    }

    static EscalationView of(ReviewItem item, PhotoStore store) {
        Offer offer = item.offer();
        return new EscalationView(
                offer.id().toString(),
                item.kind().code(),
                offer.status().code(),
                item.reasons(),
                item.queuedAt().toString(),
                offer.escalation().map(e -> e.escalatedAt().toString()).orElse(null),
                offer.dispute().map(d -> d.openedAt().toString()).orElse(null),
                new SellerView(offer.sellerId().map(Object::toString).orElse(null),
                        item.seller().map(user -> user.trustScore().value()).orElse(null)),
                offer.submission().description(),
                offer.submission().statedCondition().code(),
                item.photos().stream().map(photo -> photo(photo, store)).toList(),
                offer.identification().map(EscalationView::identification).orElse(null),
                item.market().map(m -> new MarketView(m.source(), m.usedCategoryDefaults(), m.comparables().size()))
                        .orElse(null),
                item.market().map(m -> comparables(m.comparables())).orElse(List.of()),
                item.pricing().map(Offers.StoredPricing::decision).map(EscalationView::pricing).orElse(null),
                offer.quote().map(q -> q.amount().toWire()).orElse(null),
                offer.acceptance().map(a -> new AcceptanceView(a.payoutMethod().code(), a.acceptedAt().toString()))
                        .orElse(null),
                offer.dispute().filter(d -> d.isOpen()).map(d -> new DisputeView(d.reason(),
                        d.disputedFrom().code(), d.openedAt().toString())).orElse(null),
                item.actions().stream().map(EscalationAction::code).toList(),
                offer.createdAt().toString());
    }

    private static PhotoView photo(OfferPhotos.Photo photo, PhotoStore store) {
        return new PhotoView(photo.position(), store.url(photo.storageKey(), URL_LIFETIME).toString(),
                store.url(photo.thumbnailKey(), URL_LIFETIME).toString(), photo.contentType(), photo.width(),
                photo.height());
    }

    private static IdentificationView identification(Identification identification) {
        var item = identification.item();
        return new IdentificationView(item.category().code(), item.subcategory().orElse(null),
                item.brand().orElse(null), item.model().orElse(null), item.condition().code(),
                identification.confidence().toPlainString(), item.features(), item.damage());
    }

    private static PricingView pricing(PricingDecision decision) {
        Optional<Quote> quote = decision.quote();
        Optional<FmvEstimate.Estimated> estimate = decision.marketValue() instanceof FmvEstimate.Estimated e
                ? Optional.of(e) : Optional.empty();
        return new PricingView(
                decision.path().code(),
                quote.map(q -> q.amount().toWire()).orElse(null),
                quote.flatMap(Quote::fmv).or(() -> estimate.map(FmvEstimate.Estimated::fmv)).map(Money::toWire)
                        .orElse(null),
                quote.flatMap(Quote::fmvConfidence).or(() -> estimate.map(FmvEstimate.Estimated::confidence))
                        .map(BigDecimal::toPlainString).orElse(null),
                quote.flatMap(Quote::offerToMarketRatio).map(BigDecimal::toPlainString).orElse(null),
                decision.breakdown().lines().stream()
                        .map(line -> new OfferView.LineView(line.label(), line.value(), line.note().orElse(null)))
                        .toList(),
                estimate.map(e -> comparables(e.used())).orElse(List.of()),
                estimate.map(e -> comparables(e.outliers())).orElse(List.of()),
                decision.reasons().stream().map(r -> r.rule() + ": " + r.message()).toList());
    }

    private static List<OfferView.ComparableView> comparables(List<ComparableSale> sales) {
        return sales.stream().map(sale -> new OfferView.ComparableView(sale.title(), sale.price().toWire(),
                ((Coded) sale.condition()).code(), sale.soldAt().toString(), sale.url())).toList();
    }
}

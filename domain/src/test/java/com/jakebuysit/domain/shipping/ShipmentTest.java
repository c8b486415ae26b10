package com.jakebuysit.domain.shipping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.ShipmentId;
import com.jakebuysit.domain.UnknownCode;
import com.jakebuysit.domain.testing.Fixtures;
import com.jakebuysit.domain.testing.MutableClock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShipmentTest {

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");

    @Test
    void a_new_shipment_has_its_label_created_at_version_zero() {
        Shipment shipment = issued();

        assertThat(shipment.status()).isEqualTo(ShipmentStatus.LABEL_CREATED);
        assertThat(shipment.statusHistory()).containsExactly(
                new StatusEvent(ShipmentStatus.LABEL_CREATED, clock.instant(), "label purchased"));
        assertThat(shipment.createdAt()).isEqualTo(clock.instant());
        assertThat(shipment.version()).isZero();
        assertThat(shipment.isScanned()).isFalse();
    }

    @Test
    void an_unscanned_label_is_voided_with_its_reason_and_time() {
        Shipment shipment = issued();
        clock.advance(Duration.ofDays(22));

        Shipment voided = shipment.voided("no carrier scan within 21 days", clock);

        assertThat(voided.status()).isEqualTo(ShipmentStatus.VOIDED);
        assertThat(voided.statusHistory()).hasSize(2).last().isEqualTo(
                new StatusEvent(ShipmentStatus.VOIDED, clock.instant(), "no carrier scan within 21 days"));
        assertThat(voided.version()).isEqualTo(shipment.version());
        assertThat(shipment.status()).as("the original is unchanged").isEqualTo(ShipmentStatus.LABEL_CREATED);
    }

    @Test
    void a_scanned_or_voided_label_cannot_be_voided() {
        Shipment scanned = issued().tracked(ShipmentStatus.IN_TRANSIT, clock.instant(), Optional.empty());
        Shipment voided = issued().voided("cancelled", clock);

        assertThatThrownBy(() -> scanned.voided("late", clock))
                .isInstanceOf(ShipmentTransitionRefused.class)
                .hasMessageContaining("in_transit").hasMessageContaining("scanned");
        assertThatThrownBy(() -> voided.voided("again", clock))
                .isInstanceOfSatisfying(ShipmentTransitionRefused.class, e -> {
                    assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION");
                    assertThat(e.from()).isEqualTo(ShipmentStatus.VOIDED);
                });
        assertThatThrownBy(() -> issued().voided(" ", clock)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void carrier_events_move_a_shipment_until_a_final_status() {
        Shipment delivered = issued()
                .tracked(ShipmentStatus.IN_TRANSIT, clock.instant(), Optional.of("picked up"))
                .tracked(ShipmentStatus.IN_TRANSIT, clock.instant(), Optional.of("arrived at hub"))
                .tracked(ShipmentStatus.OUT_FOR_DELIVERY, clock.instant(), Optional.empty())
                .tracked(ShipmentStatus.DELIVERED, clock.instant(), Optional.empty());

        assertThat(delivered.statusHistory()).extracting(StatusEvent::status).containsExactly(
                ShipmentStatus.LABEL_CREATED, ShipmentStatus.IN_TRANSIT, ShipmentStatus.IN_TRANSIT,
                ShipmentStatus.OUT_FOR_DELIVERY, ShipmentStatus.DELIVERED);
        assertThat(delivered.isScanned()).isTrue();
        assertThatThrownBy(() -> delivered.tracked(ShipmentStatus.IN_TRANSIT, clock.instant(), Optional.empty()))
                .isInstanceOf(ShipmentTransitionRefused.class);
        assertThatThrownBy(() -> issued().tracked(ShipmentStatus.VOIDED, clock.instant(), Optional.empty()))
                .isInstanceOf(ShipmentTransitionRefused.class);
        assertThatThrownBy(() -> issued().tracked(ShipmentStatus.LABEL_CREATED, clock.instant(), Optional.empty()))
                .isInstanceOf(ShipmentTransitionRefused.class);
    }

    @ParameterizedTest
    @EnumSource(ShipmentStatus.class)
    void every_status_code_round_trips_and_is_lower_snake_case(ShipmentStatus status) {
        assertThat(status.code()).matches("[a-z][a-z_]*");
        assertThat(ShipmentStatus.fromCode(status.code())).isSameAs(status);
    }

    @Test
    void an_unknown_status_code_names_the_allowed_ones() {
        assertThatThrownBy(() -> ShipmentStatus.fromCode("lost")).isInstanceOf(UnknownCode.class)
                .hasMessageContaining("label_created");
    }

    @Test
    void a_shipment_whose_history_does_not_end_in_its_status_is_refused() {
        Shipment shipment = issued();

        assertThatThrownBy(() -> new Shipment(shipment.id(), shipment.offerId(), shipment.carrier(), shipment.service(),
                shipment.trackingNumber(), shipment.carrierShipmentId(), shipment.labelKey(), shipment.labelCost(),
                ShipmentStatus.DELIVERED, shipment.statusHistory(), shipment.estimatedDelivery(), shipment.shipBy(),
                shipment.from(), shipment.createdAt(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Shipment(shipment.id(), shipment.offerId(), shipment.carrier(), shipment.service(),
                shipment.trackingNumber(), shipment.carrierShipmentId(), shipment.labelKey(), shipment.labelCost(),
                ShipmentStatus.LABEL_CREATED, List.of(), shipment.estimatedDelivery(), shipment.shipBy(),
                shipment.from(), shipment.createdAt(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shipment.issued(ShipmentId.random(), OfferId.random(),
                new Shipment.Label("local", "Ground", "JBI1", "shp_1", Money.usd("-1.00"), Optional.empty()),
                "labels/x.pdf", clock.instant(), Fixtures.address(), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Shipment issued() {
        return Shipment.issued(ShipmentId.random(), OfferId.random(),
                new Shipment.Label("local", "Ground", "JBI12345678901234567", "shp_abc", Money.usd("6.95"),
                        Optional.of(LocalDate.of(2026, 3, 5))),
                "labels/x/JBI12345678901234567.pdf", clock.instant().plus(Duration.ofDays(21)), Fixtures.address(),
                clock);
    }
}

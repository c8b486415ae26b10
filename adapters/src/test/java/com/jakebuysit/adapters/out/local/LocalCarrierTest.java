package com.jakebuysit.adapters.out.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.AddressRejected;
import com.jakebuysit.application.port.Carrier;
import com.jakebuysit.application.port.CarrierRefused;
import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.testing.Fixtures;
import com.jakebuysit.domain.testing.MutableClock;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The local carrier behaves like a real one: checked addresses, a scannable label, unique tracking, one void. */
class LocalCarrierTest {

    private static final Address WAREHOUSE = new Address("JakeBuysIt Receiving", "4100 Logistics Way",
            Optional.of("Dock 3"), "Reno", "NV", "89502", "US");

    // A Friday, so the delivery estimates skip a weekend.
    private final MutableClock clock = MutableClock.at("2026-03-06T15:00:00Z");
    private final LocalCarrier carrier = new LocalCarrier(clock);

    @Test
    void a_label_is_a_pdf_with_both_addresses_the_service_and_the_tracking_number_in_print() throws IOException {
        OfferId offer = OfferId.random();
        Carrier.Label label = carrier.purchaseLabel(request(offer, Fixtures.address(), WAREHOUSE));

        assertThat(label.contentType()).isEqualTo("application/pdf");
        assertThat(new String(label.document(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument pdf = Loader.loadPDF(label.document())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isEqualTo(288f);
            assertThat(pdf.getPage(0).getMediaBox().getHeight()).isEqualTo(432f);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(label.trackingNumber(), "Ground", "SHIP TO", "FROM",
                    "Jane Seller", "1 Main St", "Apt 2", "Austin, TX 78701",
                    "JakeBuysIt Receiving", "4100 Logistics Way", "Dock 3", "Reno, NV 89502",
                    offer.toString());
        }
        assertThat(label.carrier()).isEqualTo("local");
        assertThat(label.service()).isEqualTo("Ground");
        assertThat(label.carrierShipmentId()).matches("shp_[0-9a-f]{24}");
    }

    @Test
    void the_barcode_on_the_printed_label_scans_as_the_tracking_number() {
        Carrier.Label label = carrier.purchaseLabel(request(OfferId.random(), Fixtures.address(), WAREHOUSE));

        // A 203 dpi thermal printer, and a coarser 150 dpi rendering.
        assertThat(LabelBarcodes.decode(LabelBarcodes.render(label.document(), 203))).contains(label.trackingNumber());
        assertThat(LabelBarcodes.decode(LabelBarcodes.render(label.document(), 150))).contains(label.trackingNumber());
    }

    @Test
    void a_thousand_labels_carry_a_thousand_distinct_well_formed_tracking_numbers() {
        Set<String> tracking = new HashSet<>();
        Set<String> shipmentIds = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Carrier.Label label = carrier.purchaseLabel(request(OfferId.random(), Fixtures.address(), WAREHOUSE));
            assertThat(LocalCarrier.isTrackingNumber(label.trackingNumber())).as(label.trackingNumber()).isTrue();
            tracking.add(label.trackingNumber());
            shipmentIds.add(label.carrierShipmentId());
        }
        assertThat(tracking).hasSize(1000);
        assertThat(shipmentIds).hasSize(1000);
    }

    @Test
    void the_tracking_check_digit_catches_a_single_wrong_digit() {
        Carrier.Label label = carrier.purchaseLabel(request(OfferId.random(), Fixtures.address(), WAREHOUSE));
        String good = label.trackingNumber();
        for (int position = 3; position < good.length(); position++) {
            char digit = good.charAt(position);
            String bad = good.substring(0, position) + (char) ('0' + (digit - '0' + 1) % 10) + good.substring(position + 1);
            assertThat(LocalCarrier.isTrackingNumber(bad)).as(bad).isFalse();
        }
    }

    @Test
    void price_and_delivery_estimate_grow_with_the_distance_between_zip_areas() {
        Carrier.Label near = carrier.purchaseLabel(request(OfferId.random(),
                new Address("Near", "9 Elm St", "Las Vegas", "NV", "89101", "US"), WAREHOUSE));
        Carrier.Label far = carrier.purchaseLabel(request(OfferId.random(),
                new Address("Far", "9 Elm St", "Boston", "MA", "02108", "US"), WAREHOUSE));

        assertThat(near.cost()).isEqualTo(Money.usd("6.95"));
        assertThat(far.cost()).isEqualTo(Money.usd("10.55"));
        assertThat(near.estimatedDelivery()).contains(LocalDate.of(2026, 3, 10));
        assertThat(far.estimatedDelivery()).contains(LocalDate.of(2026, 3, 13));
    }

    @Test
    void addresses_a_us_carrier_would_not_take_are_rejected_naming_the_field() {
        assertRejected(new Address("A", "1 Rue", "Paris", "IDF", "75001", "FR"), "country");
        assertRejected(new Address("A", "1 Main St", "Nowhere", "ZZ", "78701", "US"), "state");
        assertRejected(new Address("A", "1 Main St", "Austin", "TX", "10001", "US"), "zip");
        assertRejected(new Address("A", "1 Main St", "Austin", "TX", "00000", "US"), "zip");
        // The warehouse side is checked too.
        assertThatThrownBy(() -> carrier.purchaseLabel(request(OfferId.random(), Fixtures.address(),
                new Address("W", "1 Dock", "Reno", "NV", "19502", "US"))))
                .isInstanceOf(AddressRejected.class)
                .hasMessageContaining("to address");
    }

    @Test
    void every_state_of_the_union_and_dc_ships_with_a_zip_of_its_own_area() {
        String[] statesAndZips = {"AL 35203", "AK 99501", "AZ 85001", "AR 72201", "CA 94103", "CO 80202",
            "CT 06103", "DE 19901", "DC 20001", "FL 33101", "GA 30303", "HI 96813", "ID 83702", "IL 60601",
            "IN 46204", "IA 50309", "KS 66603", "KY 40202", "LA 70112", "ME 04101", "MD 21201", "MA 02108",
            "MI 48226", "MN 55401", "MS 39201", "MO 63101", "MT 59601", "NE 68102", "NV 89101", "NH 03301",
            "NJ 07102", "NM 87501", "NY 10001", "NC 27601", "ND 58501", "OH 43215", "OK 73102", "OR 97201",
            "PA 19103", "RI 02903", "SC 29201", "SD 57501", "TN 37203", "TX 78701", "UT 84101", "VT 05601",
            "VA 23219", "WA 98101", "WV 25301", "WI 53202", "WY 82001"};
        for (String entry : statesAndZips) {
            String[] parts = entry.split(" ");
            Address from = new Address("Seller", "1 Main St", "City", parts[0], parts[1], "US");
            assertThat(carrier.purchaseLabel(request(OfferId.random(), from, WAREHOUSE)).trackingNumber())
                    .as(entry).startsWith("JBI");
        }
    }

    @Test
    void a_label_is_voided_once_and_an_unknown_one_not_at_all() {
        Carrier.Label label = carrier.purchaseLabel(request(OfferId.random(), Fixtures.address(), WAREHOUSE));
        assertThat(carrier.isActive(label.carrierShipmentId())).isTrue();

        carrier.voidLabel(label.carrierShipmentId());

        assertThat(carrier.isActive(label.carrierShipmentId())).isFalse();
        assertThatThrownBy(() -> carrier.voidLabel(label.carrierShipmentId()))
                .isInstanceOf(CarrierRefused.class).hasMessageContaining("already voided");
        assertThatThrownBy(() -> carrier.voidLabel("shp_000000000000000000000000"))
                .isInstanceOf(CarrierRefused.class).hasMessageContaining("no label");
    }

    @Test
    void of_sixteen_threads_voiding_one_label_at_once_exactly_one_succeeds() throws Exception {
        for (int round = 0; round < 20; round++) {
            Carrier.Label label = carrier.purchaseLabel(request(OfferId.random(), Fixtures.address(), WAREHOUSE));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        carrier.voidLabel(label.carrierShipmentId());
                        return true;
                    } catch (CarrierRefused refused) {
                        return false;
                    }
                }));
            }
            go.countDown();
            int succeeded = 0;
            for (Future<Boolean> result : results) {
                succeeded += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            assertThat(succeeded).isEqualTo(1);
        }
    }

    @Test
    void names_the_built_in_font_cannot_print_do_not_fail_the_label() throws IOException {
        Address from = new Address("\u674e\u96f7 Zo\u00eb", "1 Main St", "Austin", "TX", "78701", "US");
        Carrier.Label label = carrier.purchaseLabel(request(OfferId.random(), from, WAREHOUSE));

        try (PDDocument pdf = Loader.loadPDF(label.document())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("?? Zo\u00eb", label.trackingNumber());
        }
    }

    private void assertRejected(Address from, String field) {
        assertThatThrownBy(() -> carrier.purchaseLabel(request(OfferId.random(), from, WAREHOUSE)))
                .isInstanceOfSatisfying(AddressRejected.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static Carrier.LabelRequest request(OfferId offer, Address from, Address to) {
        return new Carrier.LabelRequest(offer, from, to, Money.usd("120.00"), offer.toString());
    }
}

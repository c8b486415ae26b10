package com.jakebuysit.adapters.out.local;

import com.jakebuysit.application.port.AddressRejected;
import com.jakebuysit.application.port.Carrier;
import com.jakebuysit.application.port.CarrierRefused;
import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.Money;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A carrier in this process, for the embedded default: checks addresses as a US carrier would
 * (domestic only, a real state code, a ZIP that belongs to that state's range), issues a one-page
 * PDF label with a scannable Code 128 barcode, prices by the distance between ZIP zones, and voids
 * a label once. Tracking numbers are {@code JBI} + 16 random digits + a Luhn check digit, never
 * repeated by this instance; the database's unique constraint guards across instances and restarts.
 *
 * <p>What it issued lives in memory: after a restart it knows no earlier label, and refuses to void
 * one as an unknown label (as EasyPost does for a shipment id it does not know).
 */
public final class LocalCarrier implements Carrier {

    public static final String NAME = "local";
    public static final String SERVICE = "Ground";
    public static final String CONTENT_TYPE = "application/pdf";

    /** ZIP codes start with one of ten national-area digits; each state lies in one (some in two). */
    private static final Map<String, String> AREAS = Map.ofEntries(
            Map.entry("CT", "0"), Map.entry("MA", "0"), Map.entry("ME", "0"), Map.entry("NH", "0"),
            Map.entry("NJ", "0"), Map.entry("PR", "0"), Map.entry("RI", "0"), Map.entry("VT", "0"),
            Map.entry("VI", "0"), Map.entry("AE", "0"),
            Map.entry("NY", "01"), Map.entry("DE", "1"), Map.entry("PA", "1"),
            Map.entry("DC", "2"), Map.entry("MD", "2"), Map.entry("NC", "2"), Map.entry("SC", "2"),
            Map.entry("VA", "2"), Map.entry("WV", "2"),
            Map.entry("AL", "3"), Map.entry("FL", "3"), Map.entry("GA", "3"), Map.entry("MS", "3"),
            Map.entry("TN", "3"), Map.entry("AA", "3"),
            Map.entry("IN", "4"), Map.entry("KY", "4"), Map.entry("MI", "4"), Map.entry("OH", "4"),
            Map.entry("IA", "5"), Map.entry("MN", "5"), Map.entry("MT", "5"), Map.entry("ND", "5"),
            Map.entry("SD", "5"), Map.entry("WI", "5"),
            Map.entry("IL", "6"), Map.entry("KS", "6"), Map.entry("MO", "6"), Map.entry("NE", "6"),
            Map.entry("AR", "7"), Map.entry("LA", "7"), Map.entry("OK", "7"), Map.entry("TX", "7"),
            Map.entry("AZ", "8"), Map.entry("CO", "8"), Map.entry("ID", "8"), Map.entry("NM", "8"),
            Map.entry("NV", "8"), Map.entry("UT", "8"), Map.entry("WY", "8"),
            Map.entry("AK", "9"), Map.entry("CA", "9"), Map.entry("HI", "9"), Map.entry("OR", "9"),
            Map.entry("WA", "9"), Map.entry("GU", "9"), Map.entry("AS", "9"), Map.entry("MP", "9"),
            Map.entry("AP", "9"));
    private static final Set<String> NO_SUCH_ZIP = Set.of("00000");
    private static final Money BASE_RATE = Money.usd("6.95");
    private static final Money PER_ZONE = Money.usd("0.45");

    private enum LabelState { ISSUED, VOIDED }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, LabelState> labels = new ConcurrentHashMap<>();
    private final Set<String> trackingNumbers = ConcurrentHashMap.newKeySet();

    public LocalCarrier(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Label purchaseLabel(LabelRequest request) {
        check(request.from(), "from");
        check(request.to(), "to");
        String tracking = newTrackingNumber();
        String shipmentId = "shp_" + HexFormat.of().formatHex(randomBytes(12));
        int zones = Math.abs(area(request.from()) - area(request.to()));
        Money cost = BASE_RATE.plus(PER_ZONE.times(java.math.BigDecimal.valueOf(zones)));
        LocalDate estimated = businessDaysAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), 2 + (zones + 2) / 3);
        byte[] pdf = LabelPdf.render(new LabelPdf.Content("JakeBuysIt Local", SERVICE, tracking, request.from(),
                request.to(), request.reference(), java.util.Optional.of(estimated), clock.instant()));
        labels.put(shipmentId, LabelState.ISSUED);
        return new Label(NAME, SERVICE, tracking, shipmentId, pdf, CONTENT_TYPE, cost, java.util.Optional.of(estimated));
    }

    @Override
    public void voidLabel(String carrierShipmentId) {
        LabelState[] before = new LabelState[1];
        labels.computeIfPresent(carrierShipmentId, (id, state) -> {
            before[0] = state;
            return LabelState.VOIDED;
        });
        if (before[0] == null) {
            throw new CarrierRefused("local carrier: no label " + carrierShipmentId);
        }
        if (before[0] == LabelState.VOIDED) {
            throw new CarrierRefused("local carrier: label " + carrierShipmentId + " is already voided");
        }
    }

    /** True when this carrier issued the label and has not voided it. */
    public boolean isActive(String carrierShipmentId) {
        return labels.get(carrierShipmentId) == LabelState.ISSUED;
    }

    /** {@code JBI} + 16 random digits + their Luhn check digit. */
    static boolean isTrackingNumber(String value) {
        return value != null && value.matches("JBI\\d{17}") && luhnDigit(value.substring(3, 19)) == value.charAt(19) - '0';
    }

    static int luhnDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    private String newTrackingNumber() {
        while (true) {
            StringBuilder digits = new StringBuilder(16);
            for (int i = 0; i < 16; i++) {
                digits.append((char) ('0' + random.nextInt(10)));
            }
            String tracking = "JBI" + digits + luhnDigit(digits.toString());
            if (trackingNumbers.add(tracking)) {
                return tracking;
            }
        }
    }

    private static void check(Address address, String which) {
        if (!address.country().equals("US")) {
            throw new AddressRejected("country", "the local carrier ships within the US only, not from or to "
                    + address.country() + " (" + which + " address)");
        }
        String areas = AREAS.get(address.state());
        if (areas == null) {
            throw new AddressRejected("state", "'" + address.state() + "' is not a US state or territory code ("
                    + which + " address)");
        }
        String zip = address.zip();
        if (!zip.matches("\\d{5}(-\\d{4})?") || NO_SUCH_ZIP.contains(zip.substring(0, 5))) {
            throw new AddressRejected("zip", "'" + zip + "' is not a ZIP code (" + which + " address)");
        }
        if (areas.indexOf(zip.charAt(0)) < 0) {
            throw new AddressRejected("zip", "ZIP " + zip + " is not in " + address.state() + " (" + which
                    + " address)");
        }
    }

    private static int area(Address address) {
        return address.zip().charAt(0) - '0';
    }

    private static LocalDate businessDaysAfter(LocalDate day, int businessDays) {
        LocalDate date = day;
        int left = businessDays;
        while (left > 0) {
            date = date.plusDays(1);
            if (date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return date;
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }
}

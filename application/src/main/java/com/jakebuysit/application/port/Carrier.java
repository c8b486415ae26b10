package com.jakebuysit.application.port;

import com.jakebuysit.domain.Address;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Who carries the seller's parcel to our warehouse: sells prepaid labels and takes back the ones
 * never used. The local carrier issues real label documents; EasyPost is the production one.
 */
public interface Carrier {

    /**
     * Buys a prepaid label from {@code from} to {@code to}.
     *
     * @throws AddressRejected when the carrier will not ship from or to an address (the seller's to fix)
     * @throws CarrierUnavailable when the carrier could not be reached or answered with an error
     */
    Label purchaseLabel(LabelRequest request);

    /**
     * Takes back an unused label so it is not charged.
     *
     * @throws CarrierRefused when the carrier knows no such label or it was already voided (or scanned)
     * @throws CarrierUnavailable when the carrier could not be reached
     */
    void voidLabel(String carrierShipmentId);

    /** @param reference our reference printed on the label and kept by the carrier (the offer id) */
    record LabelRequest(OfferId offer, Address from, Address to, Money declaredValue, String reference) {
        public LabelRequest {
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(declaredValue, "declaredValue").requireNonNegative("declaredValue");
            Objects.requireNonNull(reference, "reference");
        }
    }

    /**
     * A bought label: the printable document (PDF or PNG, as {@code contentType} says) and what the
     * carrier charged.
     */
    record Label(String carrier, String service, String trackingNumber, String carrierShipmentId, byte[] document,
                 String contentType, Money cost, Optional<LocalDate> estimatedDelivery) {
        public Label {
            Objects.requireNonNull(carrier, "carrier");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(trackingNumber, "trackingNumber");
            Objects.requireNonNull(carrierShipmentId, "carrierShipmentId");
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(cost, "cost");
            Objects.requireNonNull(estimatedDelivery, "estimatedDelivery");
        }
    }
}

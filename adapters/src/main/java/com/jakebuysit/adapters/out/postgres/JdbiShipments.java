package com.jakebuysit.adapters.out.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.DuplicateShipment;
import com.jakebuysit.application.port.Shipments;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.ShipmentId;
import com.jakebuysit.domain.shipping.Shipment;
import com.jakebuysit.domain.shipping.ShipmentStatus;
import com.jakebuysit.domain.shipping.StatusEvent;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Shipments in the {@code shipments} table (migration 005): one row per accepted offer, the
 * history a JSONB array of {@code {status, at, detail}} oldest first, the seller's from-address in
 * {@code address}. Joins the caller's transaction when one is open on the thread. Times are
 * stored to the microsecond, as PostgreSQL keeps them.
 */
public final class JdbiShipments implements Shipments {

    private static final String COLUMNS = """
            id, offer_id, carrier, service, tracking_number, carrier_shipment_id, label_key, label_cost,
            status, status_history, estimated_delivery, ship_by, address, created_at, version
            """;

    private final Jdbi jdbi;

    public JdbiShipments(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void insert(Shipment shipment) {
        try {
            jdbi.useHandle(handle -> handle.createUpdate("""
                    INSERT INTO shipments (id, offer_id, carrier, service, tracking_number, carrier_shipment_id,
                                           label_key, label_cost, status, status_history, estimated_delivery,
                                           ship_by, address, created_at, updated_at, version)
                    VALUES (:id, :offerId, :carrier, :service, :trackingNumber, :carrierShipmentId,
                            :labelKey, :labelCost, :status, CAST(:statusHistory AS jsonb), :estimatedDelivery,
                            :shipBy, CAST(:address AS jsonb), :createdAt, :createdAt, :version)
                    """)
                    .bind("id", shipment.id().value())
                    .bind("offerId", shipment.offerId().value())
                    .bind("carrier", shipment.carrier())
                    .bind("service", shipment.service())
                    .bind("trackingNumber", shipment.trackingNumber())
                    .bind("carrierShipmentId", shipment.carrierShipmentId())
                    .bind("labelKey", shipment.labelKey())
                    .bind("labelCost", shipment.labelCost().amount())
                    .bind("status", shipment.status().code())
                    .bind("statusHistory", history(shipment.statusHistory()))
                    .bind("estimatedDelivery", shipment.estimatedDelivery().map(Date::valueOf).orElse(null))
                    .bind("shipBy", at(shipment.shipBy()))
                    .bind("address", OfferJson.address(shipment.from()))
                    .bind("createdAt", at(shipment.createdAt()))
                    .bind("version", shipment.version())
                    .execute());
        } catch (UnableToExecuteStatementException e) {
            if (PostgresErrors.isUniqueViolation(e, "shipments_offer_id_key")) {
                throw new DuplicateShipment(DuplicateShipment.Conflict.OFFER,
                        "offer " + shipment.offerId() + " already has a shipment", e);
            }
            if (PostgresErrors.isUniqueViolation(e, "shipments_tracking_number_key")) {
                throw new DuplicateShipment(DuplicateShipment.Conflict.TRACKING_NUMBER,
                        "tracking number " + shipment.trackingNumber() + " is already used", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<Shipment> byId(ShipmentId id) {
        return one("id = :value", id.value());
    }

    @Override
    public Optional<Shipment> byOfferId(OfferId offerId) {
        return one("offer_id = :value", offerId.value());
    }

    @Override
    public Optional<Shipment> byTrackingNumber(String trackingNumber) {
        return one("tracking_number = :value", trackingNumber);
    }

    @Override
    public Shipment update(Shipment shipment) {
        Optional<Long> version = jdbi.withHandle(handle -> handle.createQuery("""
                UPDATE shipments
                   SET status = :status,
                       status_history = CAST(:statusHistory AS jsonb),
                       estimated_delivery = :estimatedDelivery,
                       version = version + 1
                 WHERE id = :id AND version = :version
                RETURNING version
                """)
                .bind("id", shipment.id().value())
                .bind("status", shipment.status().code())
                .bind("statusHistory", history(shipment.statusHistory()))
                .bind("estimatedDelivery", shipment.estimatedDelivery().map(Date::valueOf).orElse(null))
                .bind("version", shipment.version())
                .mapTo(Long.class)
                .findOne());
        return shipment.withVersion(version.orElseThrow(
                () -> new ConcurrentUpdate("shipment", shipment.id().toString())));
    }

    @Override
    public List<Shipment> unscannedBefore(Instant shipBy, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + """
                  FROM shipments
                 WHERE status = 'label_created' AND ship_by < :shipBy
                 ORDER BY ship_by, id
                 LIMIT :limit
                """)
                .bind("shipBy", at(shipBy))
                .bind("limit", limit)
                .map(JdbiShipments::shipment)
                .list());
    }

    private Optional<Shipment> one(String condition, Object value) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM shipments WHERE " + condition)
                .bind("value", value)
                .map(JdbiShipments::shipment)
                .findOne());
    }

    private static Shipment shipment(ResultSet rs, StatementContext ctx) throws SQLException {
        Date estimated = rs.getDate("estimated_delivery");
        return new Shipment(
                new ShipmentId(rs.getObject("id", UUID.class)),
                new OfferId(rs.getObject("offer_id", UUID.class)),
                rs.getString("carrier"),
                rs.getString("service"),
                rs.getString("tracking_number"),
                rs.getString("carrier_shipment_id"),
                rs.getString("label_key"),
                Money.usd(rs.getBigDecimal("label_cost")),
                ShipmentStatus.fromCode(rs.getString("status")),
                history(rs.getString("status_history")),
                Optional.ofNullable(estimated).map(Date::toLocalDate),
                rs.getObject("ship_by", OffsetDateTime.class).toInstant(),
                OfferJson.address(rs.getString("address")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"));
    }

    private static String history(List<StatusEvent> events) {
        ArrayNode array = OfferJson.object().arrayNode();
        for (StatusEvent event : events) {
            ObjectNode node = array.addObject();
            node.put("status", event.status().code());
            node.put("at", event.at().toString());
            event.detail().ifPresent(d -> node.put("detail", d));
        }
        return OfferJson.write(array);
    }

    private static List<StatusEvent> history(String json) {
        List<StatusEvent> events = new ArrayList<>();
        for (JsonNode node : OfferJson.read(json)) {
            JsonNode detail = node.get("detail");
            events.add(new StatusEvent(ShipmentStatus.fromCode(node.path("status").asText()),
                    Instant.parse(node.path("at").asText()),
                    detail == null || detail.isNull() ? Optional.empty() : Optional.of(detail.asText())));
        }
        return events;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}

/**
 * The inbound shipment of an accepted offer: its prepaid label, the carrier's events and the few
 * moves a shipment may make (a label nobody scanned is voided; a scanned one is tracked).
 */
package com.jakebuysit.domain.shipping;

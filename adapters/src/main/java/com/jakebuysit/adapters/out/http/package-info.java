/**
 * Clients of the AI/pricing service and the voice service over HTTP (java.net.http): per-attempt
 * timeouts (15 s AI, 10 s voice), retries with backoff and jitter on 5xx, connection errors and
 * timeouts, never on 4xx; an answer that cannot be read fails without retry. Each class documents
 * its wire format.
 */
package com.jakebuysit.adapters.out.http;

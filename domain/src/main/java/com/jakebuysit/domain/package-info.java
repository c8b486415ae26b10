/**
 * The business rules of JakeBuysIt: plain Java, no framework, no I/O. This package holds the shared values (Money, ids, Condition, Category, Email, TrustScore, PayoutMethod, Address) and the base DomainException.
 */
package com.jakebuysit.domain;

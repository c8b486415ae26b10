/**
 * Fraud and limit rules as pure functions from facts to a verdict with reasons, and their combination.
 */
package com.jakebuysit.domain.fraud;

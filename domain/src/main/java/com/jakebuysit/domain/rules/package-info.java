/**
 * BusinessRules: every tunable number, mirroring the config table's JSON rows, with the defaults of RULES.md.
 */
package com.jakebuysit.domain.rules;

--liquibase formatted sql logicalFilePath:migrations/012-config-seed.sql

--changeset jakebuysit:012-config-seed
--comment: the default business rules (see RULES.md)
INSERT INTO config (key, value, description) VALUES
('pricing_rules',
 '{"categoryPayoutRatio":{"consumer_electronics":"0.60","gaming":"0.60","phones_tablets":"0.65","clothing_fashion":"0.45","collectibles_vintage":"0.50","books_media":"0.35","small_appliances":"0.50","tools_equipment":"0.55","unknown":"0.50"},"conditionMultiplier":{"new":"1.00","like_new":"0.925","good":"0.80","fair":"0.625","poor":"0.40"},"offerFloor":"5.00","categoryCeiling":{"consumer_electronics":"2000.00","phones_tablets":"1500.00","collectibles_vintage":"5000.00"},"defaultCeiling":"1000.00","dailySpendCap":"10000.00","offerValidDays":7,"firstScanWithinDays":21,"minComparables":5}'::JSONB,
 'Payout ratio of FMV per category, condition multipliers, offer floor and ceilings, daily spend cap, offer validity and price-lock windows, minimum comparables.'),
('confidence_thresholds',
 '{"autoPrice":"0.80","escalateBelow":"0.60","reviewAboveAmount":"500.00"}'::JSONB,
 'Identification confidence to price automatically or escalate, and the offer amount above which a reviewer approves first.'),
('fraud_settings',
 '{"photoSimilarityFlag":"0.80","photoSimilarityEscalate":"0.95","userOffersPerHour":5,"userOffersPerDay":20,"anonymousOffersPerIpPerDay":3,"newAccountDays":30,"newAccountOfferCap":"100.00","newAccountVerificationAbove":"200.00","exifFlagFutureCapture":true,"exifFlagEditingSoftware":true}'::JSONB,
 'Duplicate/stock photo similarity, offer velocity, new-account limits and EXIF red flags.'),
('trust',
 '{"initial":50,"saleAlpha":"0.2","fraudFlagAlpha":"0.3","lostDisputeAlpha":"0.5","escalateAllBelow":30,"skipPayoutHoldAtOrAbove":80}'::JSONB,
 'Trust score start, moving-average weights per event, and the thresholds that escalate offers or skip the payout hold.'),
('jake_bucks',
 '{"bonusRate":"0.12"}'::JSONB,
 'Bonus on top of the offer amount when the seller takes Jake Bucks.'),
('verification',
 '{"reviewerApprovalCutAbove":"0.20","revisionAnswerDays":14,"regradesAllowed":1}'::JSONB,
 'Warehouse revision cut needing a reviewer, days the seller has to answer a revision, re-grades allowed.'),
('payouts',
 '{"businessDaysToLeave":2,"maxRetries":3}'::JSONB,
 'Business days a cash payout has to leave after verification, and retries before it escalates.'),
('rate_limits',
 '{"routePerMinute":100,"offersPerHour":5,"offersPerDay":20,"anonymousOffersPerIpPerDay":3}'::JSONB,
 'Requests per minute per account or IP on every route, and offer allowances per account and per anonymous IP.');
--rollback DELETE FROM config WHERE key IN ('pricing_rules', 'confidence_thresholds', 'fraud_settings', 'trust', 'jake_bucks', 'verification', 'payouts', 'rate_limits');

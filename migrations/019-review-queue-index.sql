--liquibase formatted sql logicalFilePath:migrations/019-review-queue-index.sql

--changeset jakebuysit:019-review-queue-index
--comment: the reviewers' queue (escalated offers, held acceptances, open disputes) read oldest first by when each entered it, from one index
CREATE INDEX offers_review_queue_idx
    ON offers ((CASE WHEN status = 'disputed' THEN disputed_at ELSE escalated_at END), id)
    WHERE (status = 'escalated'
           OR (status = 'accepted' AND escalated_at IS NOT NULL AND resolved_at IS NULL)
           OR (status = 'disputed' AND dispute_resolved_at IS NULL));
-- 003's queue index covered escalated offers by creation time only; the queue is ordered by entry time.
DROP INDEX offers_escalation_queue_idx;
--rollback CREATE INDEX offers_escalation_queue_idx ON offers (created_at, id) WHERE status = 'escalated';
--rollback DROP INDEX offers_review_queue_idx;

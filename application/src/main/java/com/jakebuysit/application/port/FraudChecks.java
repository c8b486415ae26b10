package com.jakebuysit.application.port;

import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.fraud.Assessment;
import java.util.Map;
import java.util.Optional;

/** Every fraud verdict, with the facts it saw, for reviewers and the admin API. */
public interface FraudChecks {

    void record(Optional<OfferId> offer, Optional<UserId> user, String checkType, Assessment assessment,
                Map<String, Object> facts);
}

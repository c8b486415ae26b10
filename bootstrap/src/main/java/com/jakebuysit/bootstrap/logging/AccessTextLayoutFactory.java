package com.jakebuysit.bootstrap.logging;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.pattern.PatternLayoutBase;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import io.dropwizard.request.logging.layout.LogbackAccessRequestLayout;
import java.util.TimeZone;

/** The readable request-log line, with the request id, beside Dropwizard's {@code access-json}. */
@JsonTypeName("access-text")
public class AccessTextLayoutFactory implements DiscoverableLayoutFactory<IAccessEvent> {

    @JsonProperty
    // %pathOnly rather than %r or %U: the query string can carry a stream token and must stay out of logs.
    private String pattern = "%h \"%m %pathOnly %H\" %s %b %elapsedTime ms [%responseHeader{X-Request-Id}] \"%i{User-Agent}\"";

    @Override
    public PatternLayoutBase<IAccessEvent> build(LoggerContext context, TimeZone timeZone) {
        LogbackAccessRequestLayout layout = new LogbackAccessRequestLayout(context, timeZone);
        layout.getInstanceConverterMap().put("pathOnly", PathWithoutQueryConverter::new);
        layout.setPattern(pattern);
        return layout;
    }
}

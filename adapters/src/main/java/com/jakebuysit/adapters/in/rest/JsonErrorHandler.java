package com.jakebuysit.adapters.in.rest;

import com.jakebuysit.adapters.in.rest.errors.ApiError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers itself, before any resource runs (a malformed URI, oversized headers),
 * in the API's one error shape instead of Jetty's HTML page.
 */
public final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws IOException {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString()));
        return ByteBuffer.wrap(body(status));
    }

    private static byte[] body(int status) {
        // Jetty's own reason text may echo parts of the bad request; the status phrase is enough.
        String message = HttpStatus.getMessage(status);
        String json = "{\"error\":\"" + message + "\",\"code\":\"" + ApiError.defaultCode(status)
                + "\",\"statusCode\":" + status + ",\"details\":{}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }
}

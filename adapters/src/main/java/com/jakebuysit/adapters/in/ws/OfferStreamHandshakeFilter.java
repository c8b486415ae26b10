package com.jakebuysit.adapters.in.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.application.offers.FollowOffer;
import com.jakebuysit.application.offers.OfferAccessDenied;
import com.jakebuysit.application.offers.OfferNotFound;
import com.jakebuysit.application.offers.StreamCredentials;
import com.jakebuysit.application.offers.Viewer;
import com.jakebuysit.domain.OfferId;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a WebSocket upgrade of {@code /api/v1/offers/{id}/stream} before Jetty accepts it, so a
 * refusal is an HTTP answer in the API's error shape: 401 without usable credentials, 404 for an
 * unknown offer, 403 for someone else's. Every other request (plain GETs of the same path go to the
 * SSE resource) passes untouched. It runs ahead of Jetty's upgrade filter, since the Jakarta
 * WebSocket API gives a configurator no way to answer with a status.
 */
final class OfferStreamHandshakeFilter implements Filter {

    private static final Pattern STREAM_PATH = Pattern.compile("^/api/v1/offers/([^/]+)/stream$");

    private final FollowOffer follow;
    private final StreamCredentials credentials;
    private final ObjectMapper json;

    OfferStreamHandshakeFilter(FollowOffer follow, StreamCredentials credentials, ObjectMapper json) {
        this.follow = follow;
        this.credentials = credentials;
        this.json = json;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest request) || !(res instanceof HttpServletResponse response)
                || !isWebSocketUpgrade(request)) {
            chain.doFilter(req, res);
            return;
        }
        Matcher path = STREAM_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        if (!path.matches()) {
            chain.doFilter(req, res);
            return;
        }
        OfferId id;
        try {
            id = OfferId.of(path.group(1));
        } catch (IllegalArgumentException e) {
            refuse(response, 404, "NOT_FOUND", "No such offer");
            return;
        }
        Optional<Viewer> viewer = StreamCredentialsReader.viewer(credentials, request::getHeader, request::getParameter);
        if (viewer.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"jakebuysit\"");
            refuse(response, 401, "UNAUTHORIZED", "A bearer token or the offer's stream token is required");
            return;
        }
        try {
            follow.authorize(id, viewer.get());
        } catch (OfferNotFound e) {
            refuse(response, 404, "NOT_FOUND", "No such offer");
            return;
        } catch (OfferAccessDenied e) {
            refuse(response, 403, "FORBIDDEN", e.getMessage());
            return;
        }
        chain.doFilter(req, res);
    }

    private static boolean isWebSocketUpgrade(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return "GET".equals(request.getMethod()) && upgrade != null && upgrade.strip().equalsIgnoreCase("websocket");
    }

    private void refuse(HttpServletResponse response, int status, String code, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("code", code);
        body.put("statusCode", status);
        body.put("details", Map.of());
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }
}

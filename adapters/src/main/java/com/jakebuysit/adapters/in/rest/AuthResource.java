package com.jakebuysit.adapters.in.rest;

import com.jakebuysit.application.account.AuthSession;
import com.jakebuysit.application.account.LogIn;
import com.jakebuysit.application.account.LogOut;
import com.jakebuysit.application.account.RefreshSession;
import com.jakebuysit.application.account.RegisterUser;
import com.jakebuysit.application.account.RequestPasswordReset;
import com.jakebuysit.application.account.ResetPassword;
import com.jakebuysit.application.account.SignInWithProvider;
import com.jakebuysit.application.port.AuditLog.Actor;
import com.jakebuysit.domain.account.IdentityProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * {@code /api/v1/auth}: registration, sign-in (password, Google, Apple), refresh, logout and
 * password reset. Public routes: each one is its own proof of identity. Maps JSON to the use
 * cases' commands and their results back; the decisions are the use cases'.
 */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AuthResource {

    /** Bodies are bounded so that nobody makes us hash megabytes. */
    static final int MAX_PASSWORD = 1024;
    static final int MAX_TOKEN = 512;
    static final int MAX_ID_TOKEN = 16_384;

    public record RegisterRequest(
            @NotNull @Size(max = 320) String email,
            @NotNull @Size(max = MAX_PASSWORD) String password,
            @NotBlank @Size(max = 100) String name,
            @Size(max = 40) String phone) {
        @Override
        public String toString() {
            return "RegisterRequest[email=" + email + "]";
        }
    }

    public record LoginRequest(@NotNull @Size(max = 320) String email,
                               @NotNull @Size(max = MAX_PASSWORD) String password) {
        @Override
        public String toString() {
            return "LoginRequest[email=" + email + "]";
        }
    }

    public record RefreshRequest(@NotBlank @Size(max = MAX_TOKEN) String refreshToken) {
        @Override
        public String toString() {
            return "RefreshRequest[]";
        }
    }

    public record PasswordResetRequest(@NotBlank @Size(max = 320) String email) {
    }

    public record PasswordResetConfirmation(@NotBlank @Size(max = MAX_TOKEN) String token,
                                            @NotNull @Size(max = MAX_PASSWORD) String newPassword) {
        @Override
        public String toString() {
            return "PasswordResetConfirmation[]";
        }
    }

    public record GoogleSignIn(@NotBlank @Size(max = MAX_ID_TOKEN) String idToken, @Size(max = 512) String nonce) {
        @Override
        public String toString() {
            return "GoogleSignIn[]";
        }
    }

    public record AppleSignIn(@NotBlank @Size(max = MAX_ID_TOKEN) String identityToken,
                              @Size(max = 512) String nonce) {
        @Override
        public String toString() {
            return "AppleSignIn[]";
        }
    }

    /** {@code {user, accessToken, refreshToken}} plus when each expires. */
    public record SessionView(UserView user, String tokenType, String accessToken, String accessTokenExpiresAt,
                              String refreshToken, String refreshTokenExpiresAt) {
        static SessionView of(AuthSession session) {
            return new SessionView(UserView.of(session.user()), "Bearer", session.accessToken(),
                    session.accessTokenExpiresAt().toString(), session.refreshToken(),
                    session.refreshTokenExpiresAt().toString());
        }

        @Override
        public String toString() {
            return "SessionView[user=" + user.id() + "]";
        }
    }

    /** The refresh answer: the new pair, {@code {accessToken, refreshToken}}. */
    public record TokensView(String tokenType, String accessToken, String accessTokenExpiresAt, String refreshToken,
                             String refreshTokenExpiresAt) {
        static TokensView of(AuthSession session) {
            return new TokensView("Bearer", session.accessToken(), session.accessTokenExpiresAt().toString(),
                    session.refreshToken(), session.refreshTokenExpiresAt().toString());
        }

        @Override
        public String toString() {
            return "TokensView[]";
        }
    }

    private final RegisterUser register;
    private final LogIn logIn;
    private final RefreshSession refresh;
    private final LogOut logOut;
    private final RequestPasswordReset requestReset;
    private final ResetPassword resetPassword;
    private final SignInWithProvider signInWithProvider;

    public AuthResource(RegisterUser register, LogIn logIn, RefreshSession refresh, LogOut logOut,
                        RequestPasswordReset requestReset, ResetPassword resetPassword,
                        SignInWithProvider signInWithProvider) {
        this.register = register;
        this.logIn = logIn;
        this.refresh = refresh;
        this.logOut = logOut;
        this.requestReset = requestReset;
        this.resetPassword = resetPassword;
        this.signInWithProvider = signInWithProvider;
    }

    @POST
    @Path("/register")
    public Response register(@NotNull @Valid RegisterRequest body, @Context HttpServletRequest request) {
        AuthSession session = register.handle(new RegisterUser.Command(body.email(), body.password(), body.name(),
                Optional.ofNullable(body.phone()), actor(request)));
        return noStore(Response.status(Response.Status.CREATED).entity(SessionView.of(session)));
    }

    @POST
    @Path("/login")
    public Response login(@NotNull @Valid LoginRequest body, @Context HttpServletRequest request) {
        AuthSession session = logIn.handle(new LogIn.Command(body.email(), body.password(), actor(request)));
        return noStore(Response.ok(SessionView.of(session)));
    }

    @POST
    @Path("/oauth/google")
    public Response google(@NotNull @Valid GoogleSignIn body, @Context HttpServletRequest request) {
        return signIn(IdentityProvider.GOOGLE, body.idToken(), body.nonce(), request);
    }

    @POST
    @Path("/oauth/apple")
    public Response apple(@NotNull @Valid AppleSignIn body, @Context HttpServletRequest request) {
        return signIn(IdentityProvider.APPLE, body.identityToken(), body.nonce(), request);
    }

    @POST
    @Path("/refresh")
    public Response refresh(@NotNull @Valid RefreshRequest body, @Context HttpServletRequest request) {
        AuthSession session = refresh.handle(new RefreshSession.Command(body.refreshToken(), actor(request)));
        return noStore(Response.ok(TokensView.of(session)));
    }

    @POST
    @Path("/logout")
    public Response logout(@NotNull @Valid RefreshRequest body, @Context HttpServletRequest request) {
        logOut.handle(new LogOut.Command(body.refreshToken(), actor(request)));
        return Response.noContent().build();
    }

    @POST
    @Path("/password-reset/request")
    public Response requestPasswordReset(@NotNull @Valid PasswordResetRequest body,
                                         @Context HttpServletRequest request) {
        requestReset.handle(new RequestPasswordReset.Command(body.email(), actor(request)));
        return Response.accepted().build();
    }

    @POST
    @Path("/password-reset/confirm")
    public Response confirmPasswordReset(@NotNull @Valid PasswordResetConfirmation body,
                                         @Context HttpServletRequest request) {
        resetPassword.handle(new ResetPassword.Command(body.token(), body.newPassword(), actor(request)));
        return Response.noContent().build();
    }

    private Response signIn(IdentityProvider provider, String token, String nonce, HttpServletRequest request) {
        SignInWithProvider.Result result = signInWithProvider.handle(new SignInWithProvider.Command(provider, token,
                Optional.ofNullable(nonce), actor(request)));
        return noStore(Response.ok(SessionView.of(result.session())));
    }

    /** Tokens in a response must not be kept by any cache on the way (RFC 6749 §5.1). */
    private static Response noStore(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache").build();
    }

    /**
     * Who is asking, for the audit log. The address is the connection's: X-Forwarded-For is
     * believed only once trusted proxies are configured.
     */
    static Actor actor(HttpServletRequest request) {
        Object requestId = request.getAttribute(RequestIdFilter.MDC_KEY);
        return new Actor(Optional.empty(), "anonymous", Optional.ofNullable(request.getRemoteAddr()),
                Optional.ofNullable(request.getHeader(HttpHeaders.USER_AGENT)),
                Optional.ofNullable(requestId).map(Object::toString));
    }
}

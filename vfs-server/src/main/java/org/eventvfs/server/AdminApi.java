package org.eventvfs.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eventvfs.LiveSession;
import org.eventvfs.domain.Account;

/**
 * The admin socket's JSON: its paths, its bodies, and their encoding, shared by the server's
 * routes and the command-line client so the two cannot drift apart.
 */
final class AdminApi {
    static final String USERS = "/v1/users";
    static final String INVITES = "/v1/invites";
    /** Redeems an invite: the one endpoint that takes no administrator, since the code is the credential. */
    static final String JOIN = "/v1/join";
    static final String VOLUMES = "/v1/volumes";
    static final String PASSWORD_HASHES = "/v1/password-hashes";
    static final String SESSIONS = "/v1/sessions";
    /** Unknown fields fail (Jackson's default), so a misspelt one is an error, not a silent default. */
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private AdminApi() {
    }

    /**
     * A user to add. Null {@code volume} and {@code home} mean the defaults, {@code default} and
     * {@code /<name>}; a null {@code passwordHash} makes a key-only user.
     */
    record NewUser(String name, String passwordHash, List<String> keys, String volume, String home,
                   boolean readOnly, boolean admin) {
        NewUser {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }
    }

    record PasswordChange(String passwordHash) {
    }

    /**
     * A password in clear, sent only over the admin port's TLS by the control panel, which has no
     * Argon2id of its own: the server answers its hash as a {@link PasswordChange}.
     */
    record PlainPassword(String password) {
    }

    record KeysChange(List<String> keys) {
        KeysChange {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }
    }

    /**
     * A user as the API shows it: whether there is a password, never its hash.
     *
     * @param state {@code active}, {@code disabled} or {@code invited}
     * @param inviteExpires for an invited user, when the invite's code stops working (ISO-8601)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record User(String name, String volume, String home, boolean readOnly, boolean hasPassword,
                List<String> keys, boolean admin, String state, String inviteExpires) {
        static User of(Account account) {
            return new User(account.name(), account.volume(), account.home().toString(), account.readOnly(),
                    account.passwordHash() != null, account.keys(), account.admin(),
                    account.state().name().toLowerCase(Locale.ROOT),
                    account.invite() == null ? null : Instant.ofEpochMilli(account.invite().expiresAt()).toString());
        }
    }

    record AdminChange(boolean admin) {
    }

    /**
     * An invite to make. Null {@code volume} and {@code home} mean the defaults, as for {@link NewUser}.
     *
     * @param validSeconds how long the code works; 0 for the default
     */
    record NewInvite(String name, String volume, String home, boolean readOnly, long validSeconds) {
    }

    /** A made invite: the one time its code is shown. */
    record Invitation(String name, String volume, String home, String code, String expires) {
    }

    /**
     * An invited person's answer: the code, and a password or SSH public keys (or both). The web
     * page sends the {@code password}, which the server hashes; {@code vfs join} hashes it itself
     * and sends only {@code passwordHash}.
     */
    record JoinRequest(String code, String password, String passwordHash, List<String> keys) {
        JoinRequest {
            keys = keys == null ? List.of() : List.copyOf(keys);
        }

        @Override
        public String toString() {
            return "JoinRequest[code=***, password=***, passwordHash=***, keys=" + keys.size() + "]";
        }
    }

    record Joined(String name, String volume, String home) {
    }

    /** A live session as the API shows it: {@code since} is an ISO-8601 instant, user and client may be null. */
    record Session(String id, String protocol, String user, String address, String client, String since) {
        static Session of(LiveSession session) {
            return new Session(session.id(), session.protocol(), session.user(), session.address(), session.client(),
                    session.since().toString());
        }
    }

    /** How many sessions a kick closed. */
    record Kicked(int sessions) {
    }

    record ErrorReply(String error) {
    }

    static String userPath(String name) {
        return USERS + "/" + name;
    }

    static String sessionPath(String id) {
        return SESSIONS + "/" + encoded(id);
    }

    /** {@code /v1/sessions?user=<user>}: every session of one user. */
    static String sessionsOf(String user) {
        return SESSIONS + "?user=" + encoded(user);
    }

    /** {@code /v1/volumes/<volume>/<what>?<parameters>}: the audit queries of a volume. */
    static String volumePath(String volume, String what, Map<String, List<String>> parameters) {
        StringBuilder path = new StringBuilder("/v1/volumes/").append(encoded(volume)).append('/').append(what);
        char separator = '?';
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                path.append(separator).append(encoded(parameter.getKey())).append('=').append(encoded(value));
                separator = '&';
            }
        }
        return path.toString();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Buffer encode(Object body) {
        try {
            return Buffer.buffer(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + body.getClass().getSimpleName(), e);
        }
    }

    /** Decodes a request or response body; a malformed one fails with {@link BadRequest}. */
    static <T> T decode(Buffer body, Class<T> type) {
        try {
            return JSON.readValue(body.getBytes(), type);
        } catch (IOException e) {
            throw new BadRequest("the body is not a valid " + type.getSimpleName() + ": " + originalMessage(e));
        }
    }

    static List<User> decodeUsers(Buffer body) {
        return decodeList(body, User.class);
    }

    /** Decodes a JSON array body; a malformed one fails with {@link BadRequest}. */
    static <T> List<T> decodeList(Buffer body, Class<T> type) {
        try {
            return JSON.readValue(body.getBytes(), JSON.getTypeFactory().constructCollectionType(List.class, type));
        } catch (IOException e) {
            throw new BadRequest("the body is not a list of " + type.getSimpleName() + ": " + originalMessage(e));
        }
    }

    private static String originalMessage(IOException e) {
        return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
    }

    /** The request body cannot be read as what the endpoint takes. */
    static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    /** No endpoint answers this method and path. */
    static final class NoSuchEndpoint extends RuntimeException {
        NoSuchEndpoint(String method, String path) {
            super("no such endpoint: " + method + " " + path, null, false, false);
        }
    }
}

package health.citadel.app.it;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A login as a person does it in a browser, on the realm's portal client: authorization code with PKCE, the
 * password form, then the one-time-password form for staff. Only such a login carries {@code auth_time}, which
 * step-up counts from. Cookies are kept by hand, for Keycloak's only: each step of the login is sent and checked
 * on its own, with no redirect followed.
 */
final class PortalLogin {

    /** The tokens a login or a refresh returns. */
    record Session(String accessToken, String refreshToken) {
    }

    private static final String CLIENT = "citadel-portal";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().sslContext(Stack.get().trustingStack())
            .build(); // follows no redirect

    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Stack stack = Stack.get();

    private PortalLogin() {
    }

    /** Logs in with the password and, when asked, the code {@code oneTimePassword} supplies at that moment. */
    static Session as(Stack.DemoLogin login, Supplier<String> oneTimePassword) {
        return new PortalLogin().login(login, oneTimePassword);
    }

    /** The token endpoint's answer to a refresh: new tokens, or a refusal. */
    static HttpResponse<String> refresh(String refreshToken) {
        return new PortalLogin().tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    private Session login(Stack.DemoLogin login, Supplier<String> oneTimePassword) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String redirect = stack.app("/portal/session/callback").toString();
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(realm() + "/auth?" + form(Map.of(
                "client_id", CLIENT, "response_type", "code", "scope", "openid", "redirect_uri", redirect,
                "state", UUID.randomUUID().toString(), "code_challenge", challenge(verifier),
                "code_challenge_method", "S256")))).GET());
        HttpResponse<String> password = submit(page, Map.of("username", login.username(), "password",
                login.password()));
        HttpResponse<String> finished = password.statusCode() == 200
                ? submit(password, Map.of("otp", oneTimePassword.get())) : password;
        String location = finished.headers().firstValue("Location")
                .orElseThrow(() -> new AssertionError("the login of " + login.username() + " did not finish: "
                        + finished.statusCode()));
        String code = URI.create(location).getQuery().replaceAll(".*(?:^|&)code=([^&]+).*", "$1");
        HttpResponse<String> tokens = tokenRequest(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirect, "code_verifier", verifier));
        if (tokens.statusCode() != 200) {
            throw new AssertionError("no tokens for " + login.username() + ": " + tokens.body());
        }
        var json = Stack.json(tokens);
        return new Session(json.get("access_token").asText(), json.get("refresh_token").asText());
    }

    private HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> fields) {
        Matcher action = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new AssertionError("expected a login form, got " + page.statusCode());
        }
        return send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    private HttpResponse<String> tokenRequest(Map<String, String> grant) {
        Map<String, String> fields = new LinkedHashMap<>(grant);
        fields.put("client_id", CLIENT);
        fields.put("client_secret", stack.descriptor().at("/portalClient/clientSecret").asText());
        return Stack.send(HTTP, HttpRequest.newBuilder(URI.create(realm() + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = Stack.send(HTTP, request.build());
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return response;
    }

    private String realm() {
        return stack.keycloakUrl() + "/realms/citadel/protocol/openid-connect";
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A form body, URL-encoded. */
    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}

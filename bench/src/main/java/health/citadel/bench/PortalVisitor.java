package health.citadel.bench;

import health.citadel.platform.tls.TrustedCertificate;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person in the web portal, as a browser is: signed in through the portal's own login (Keycloak's page, the
 * password and the code), then holding only the portal's session cookie and its CSRF token. Its clients share
 * that one session, as the tabs of one browser do. Cookies are kept by hand, per origin (the portal's and
 * Keycloak's), and no redirect is followed: each step of the login is checked.
 */
final class PortalVisitor {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\saction=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("(?:^|&)code=([^&]+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PORTAL_CLIENT = "citadel-portal";

    private final HttpClient http;
    private final String appUrl;
    private final Map<String, Map<String, String>> cookiesByOrigin = new ConcurrentHashMap<>();
    private String csrf;

    private PortalVisitor(LocalStack stack) {
        this.appUrl = stack.appUrl();
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .sslContext(TrustedCertificate.sslContext(stack.certificate())).connectTimeout(Duration.ofSeconds(5))
                .build(); // follows no redirect: each step of the login is checked
    }

    /** Signs {@code person} in to the portal with their password and a code of their authenticator. */
    static PortalVisitor signIn(LocalStack stack, DemoSession person) {
        PortalVisitor visitor = new PortalVisitor(stack);
        HttpResponse<String> toLogin = visitor.send(visitor.page("/portal/").GET(), 303);
        HttpResponse<String> loginPage = visitor.send(HttpRequest.newBuilder(location(toLogin)).GET(), 200);
        HttpResponse<String> codePage = visitor.submit(loginPage, Map.of("username", person.username(),
                "password", stack.login(person.username()).get("password").asText()), 200);
        HttpResponse<String> toPortal = visitor.submit(codePage,
                Map.of("otp", person.authenticator().unspentCode()), 302);
        HttpResponse<String> signedIn = visitor.send(HttpRequest.newBuilder(location(toPortal)).GET(), 302);
        HttpResponse<String> home = visitor.send(HttpRequest.newBuilder(location(signedIn)).GET(), 200);
        Matcher token = CSRF.matcher(home.body());
        if (!token.find()) {
            throw new BenchFailure("the portal's home has no CSRF token for " + person.username());
        }
        visitor.csrf = token.group(1);
        return visitor;
    }

    /**
     * A bearer token from a login as a person makes it in a browser: the portal client's authorization code with
     * PKCE, the password form, then the code. Unlike the scripts' password grant it carries {@code auth_time}, the
     * recent second factor that step-up asks for (erasure).
     */
    static String steppedUpToken(LocalStack stack, DemoSession person) {
        PortalVisitor visitor = new PortalVisitor(stack);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String redirect = stack.appUrl() + "/portal/session/callback";
        String realm = stack.tokenEndpoint().substring(0, stack.tokenEndpoint().lastIndexOf('/'));
        Map<String, String> authorization = new LinkedHashMap<>();
        authorization.put("client_id", PORTAL_CLIENT);
        authorization.put("response_type", "code");
        authorization.put("scope", "openid");
        authorization.put("redirect_uri", redirect);
        authorization.put("state", UUID.randomUUID().toString());
        authorization.put("code_challenge", challenge(verifier));
        authorization.put("code_challenge_method", "S256");
        HttpResponse<String> loginPage = visitor.send(HttpRequest.newBuilder(
                URI.create(realm + "/auth?" + form(authorization))).GET(), 200);
        HttpResponse<String> codePage = visitor.submit(loginPage, Map.of("username", person.username(),
                "password", stack.login(person.username()).get("password").asText()), 200);
        URI callback = location(visitor.submit(codePage, Map.of("otp", person.authenticator().unspentCode()), 302));
        Matcher code = CODE.matcher(callback.getRawQuery());
        if (!code.find()) {
            throw new BenchFailure("Keycloak sent " + person.username() + " back without a code");
        }
        Map<String, String> redemption = new LinkedHashMap<>();
        redemption.put("grant_type", "authorization_code");
        redemption.put("client_id", PORTAL_CLIENT);
        redemption.put("client_secret", stack.portalClientSecret());
        redemption.put("code", URLDecoder.decode(code.group(1), StandardCharsets.UTF_8));
        redemption.put("redirect_uri", redirect);
        redemption.put("code_verifier", verifier);
        HttpResponse<String> token = visitor.send(HttpRequest.newBuilder(URI.create(stack.tokenEndpoint()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(redemption))), 200);
        return Api.json(token).get("access_token").asText();
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** A page of the portal, which must answer 200. */
    HttpResponse<String> get(String path) {
        return send(page(path).GET(), 200);
    }

    /** A form posted to the portal with the session's CSRF token, which must answer 200. */
    HttpResponse<String> post(String path, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("csrf", csrf);
        return send(page(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))), 200);
    }

    private HttpRequest.Builder page(String path) {
        return HttpRequest.newBuilder(URI.create(appUrl + path));
    }

    private HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> fields, int expected) {
        Matcher action = FORM_ACTION.matcher(page.body());
        if (!action.find()) {
            throw new BenchFailure("Keycloak's login page has no form");
        }
        return send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))), expected);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, int expected) {
        HttpRequest request = builder.timeout(TIMEOUT).build();
        String origin = request.uri().getScheme() + "://" + request.uri().getAuthority();
        Map<String, String> cookies = cookiesByOrigin.computeIfAbsent(origin, any -> new ConcurrentHashMap<>());
        if (!cookies.isEmpty()) {
            builder.header("Cookie", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue())
                    .collect(Collectors.joining("; ")));
            request = builder.build();
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BenchFailure(request.method() + " " + request.uri().getPath() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BenchFailure("interrupted", e);
        }
        if (response.statusCode() != expected) {
            // the path template only: the portal's paths carry ids
            throw new BenchFailure(request.method() + " " + request.uri().getPath().replaceAll("[0-9a-f-]{36}", "{id}")
                    + " answered " + response.statusCode() + ", expected " + expected);
        }
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return response;
    }

    private static URI location(HttpResponse<String> redirect) {
        return redirect.uri().resolve(redirect.headers().firstValue("Location")
                .orElseThrow(() -> new BenchFailure("a redirect of the login has no Location")));
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}

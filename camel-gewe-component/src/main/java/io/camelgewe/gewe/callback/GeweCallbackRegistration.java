package io.camelgewe.gewe.callback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import io.camelgewe.gewe.catalog.GeweCatalog;
import io.camelgewe.gewe.catalog.GeweOperation;
import io.camelgewe.gewe.spi.GeweClient;
import io.camelgewe.gewe.client.GeweRequestBuilder;
import io.camelgewe.gewe.spi.GeweTimeouts;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers gewe:callback's public URL with GeWe ({@code login/setCallback} with the token and the URL) once the
 * CamelContext has fully started, through the component's client for the endpoint's token and baseUrl.
 * <p>
 * GeWe pings the URL as soon as it is set, so registering earlier could make GeWe reach a server that is not
 * listening yet. A registration that fails is logged and the consumer keeps running: a URL registered before (or in
 * GeWe's console) still brings callbacks. What is logged never shows the secret, not even where GeWe's answer quotes
 * the URL it was given.
 */
final class GeweCallbackRegistration implements ExtendedStartupListener {

    private static final Logger LOG = LoggerFactory.getLogger(GeweCallbackRegistration.class);

    private final GeweCallbackOptions options;
    private final Callable<GeweClient> client;
    private final BooleanSupplier consumerRunning;
    private final CallbackPingWatch pingWatch;
    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * @param options         the consumer's options: registerUrl, secret and token
     * @param client          the client to register through
     * @param consumerRunning whether the consumer still runs (a stopped one registers nothing)
     * @param pingWatch       told of each registration, so that GeWe's ping is awaited
     */
    GeweCallbackRegistration(GeweCallbackOptions options, Callable<GeweClient> client, BooleanSupplier consumerRunning,
                             CallbackPingWatch pingWatch) {
        this.options = options;
        this.client = client;
        this.consumerRunning = consumerRunning;
        this.pingWatch = pingWatch;
    }

    @Override
    public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
        if (alreadyStarted) {
            // the route was started after the context: there is no "fully started" to wait for
            register();
        }
    }

    @Override
    public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
        register();
    }

    /** Sends login/setCallback asynchronously, once; the outcome is logged. */
    void register() {
        if (consumerRunning.getAsBoolean() && started.compareAndSet(false, true)) {
            send();
        }
    }

    /** Sends login/setCallback again (an account fell silent), unless the consumer stopped or never registered. */
    void reregister() {
        if (consumerRunning.getAsBoolean() && started.get()) {
            send();
        }
    }

    private void send() {
        String url = withSecret(options.getRegisterUrl().strip(), options.getSecret());
        String shown = masked(url);
        pingWatch.sending();
        try {
            GeweOperation setCallback = GeweCatalog.get().find("login/setCallback");
            Object[] request = new GeweRequestBuilder(setCallback, Map.of())
                    .resolve(Map.of("token", String.valueOf(options.getToken()), "callbackUrl", url));
            client.call().call(setCallback, request,
                    new GeweTimeouts(options.getConnectTimeout(), options.getResponseTimeout())).whenComplete((r, e) -> {
                if (e != null) {
                    // GeWe's refusal may quote the URL it was given, secret and all
                    LOG.warn("GeWe did not register the callback URL {}: {}", shown,
                            scrub(GeweClient.causeOf(e).getMessage(), options.getSecret()));
                } else {
                    LOG.info("Registered the callback URL {} with GeWe", shown);
                    pingWatch.registered(shown);
                }
            });
        } catch (Exception e) {
            LOG.warn("Could not register the callback URL {} with GeWe: {}", shown,
                    scrub(e.getMessage(), options.getSecret()));
        }
    }

    /**
     * Text that may quote the registered URL, with the secret hidden however it was written: as given,
     * URL-encoded (+ or %20 for a space), and as the value of any secret query parameter.
     */
    static String scrub(String text, String secret) {
        if (text == null) {
            return null;
        }
        String shown = text;
        if (secret != null && !secret.isEmpty()) {
            String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            for (String form : new String[] { secret, encoded, encoded.replace("+", "%20") }) {
                // %2F and %2f alike
                shown = Pattern.compile(Pattern.quote(form), Pattern.CASE_INSENSITIVE).matcher(shown)
                        .replaceAll("******");
            }
        }
        return masked(shown);
    }

    /** The URL with the secret as its query parameter, unless it carries one already. */
    static String withSecret(String url, String secret) {
        if (secret == null || secret.isEmpty() || url.matches(".*[?&]" + GeweCallbackHandler.SECRET_PARAMETER + "=.*")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + GeweCallbackHandler.SECRET_PARAMETER + "="
               + URLEncoder.encode(secret, StandardCharsets.UTF_8);
    }

    /** The URL as it may be logged: the secret's value hidden. */
    static String masked(String url) {
        return url.replaceAll("([?&]" + GeweCallbackHandler.SECRET_PARAMETER + "=)[^&#\\s]*", "$1******");
    }
}
